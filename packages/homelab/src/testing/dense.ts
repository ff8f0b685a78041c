/**
 * Random homelabs whose parts are drawn from small sets of names, addresses, ports and host
 * names, so that every kind of conflict is frequent. Each part is a builder call in a
 * `fc.record(...).map(...)`, so fast-check shrinks a failing lab by dropping containers and
 * simplifying their options.
 */
import fc from "fast-check";
import { container } from "../builders/container.ts";
import { homelab } from "../builders/homelab.ts";
import { caddy } from "../proxies/caddy/builders.ts";
import { caddyRoute } from "../proxies/caddy/route.ts";
import { traefik } from "../proxies/traefik/builders.ts";
import { traefikRoute } from "../proxies/traefik/route.ts";
import { service } from "../builders/service.ts";
import type { Container, Homelab, HostService, Route } from "../model/index.ts";

/** The value sets of {@link arbHomelab}; override any of them. */
export interface DenseDomains {
  readonly names: readonly string[];
  /**
   * Container addresses; include some outside `pool` (valid), in Podman's networks
   * (10.88.0.0/16, 10.89.0.0/16: a warning when the host runs Podman), loopback and the pool's
   * network/broadcast address (errors), so every address rule is exercised.
   */
  readonly addresses: readonly string[];
  readonly pool: string;
  readonly ports: readonly number[];
  readonly bindAddresses: readonly string[];
  readonly subdomains: readonly string[];
  readonly images: readonly string[];
}

/** Defaults of {@link DenseDomains}. */
export const DENSE_DEFAULTS: DenseDomains = Object.freeze({
  names: ["alpha", "bravo", "charlie", "delta"],
  addresses: ["10.10.10.2", "10.10.10.3", "10.10.10.4", "10.10.10.5", "10.10.10.0", "10.10.10.255", "10.10.20.1", "10.88.0.9", "10.89.0.9", "127.0.0.9"],
  pool: "10.10.10.0/24",
  ports: [53, 80, 443, 8080],
  bindAddresses: ["0.0.0.0", "127.0.0.1", "10.0.0.1"],
  subdomains: ["a", "b", "c"],
  images: ["docker.io/library/postgres:16", "docker.io/library/nginx:latest", "lscr.io/linuxserver/sonarr:4.0.9"],
});

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const mostlyTrue = fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 });

function arbRoute(d: DenseDomains): fc.Arbitrary<Route> {
  return fc
    .record({
      proxy: fc.constantFrom("traefik", "caddy"),
      subdomain: fc.constantFrom(...d.subdomains),
      port: fc.constantFrom(...d.ports),
      auth: opt(fc.constantFrom(...d.names)),
      public: fc.boolean(),
    })
    .map(({ proxy, auth, ...r }) => {
      const options = { ...r, public: auth === undefined && r.public, ...(auth === undefined ? {} : { auth }) };
      return proxy === "traefik" ? traefikRoute(options) : caddyRoute(options);
    });
}

function arbServicePort(d: DenseDomains) {
  return fc.record({ port: fc.constantFrom(...d.ports), protocol: fc.constantFrom("tcp", "udp"), address: fc.constantFrom(...d.bindAddresses) });
}

function arbPrivate(d: DenseDomains): fc.Arbitrary<Container> {
  return fc
    .record({
      name: fc.constantFrom(...d.names),
      enable: mostlyTrue,
      hostAddress: opt(fc.constantFrom(...d.addresses)),
      localAddress: opt(fc.constantFrom(...d.addresses)),
      ports: fc.array(fc.record({ port: fc.constantFrom(...d.ports), protocol: fc.constantFrom("tcp", "udp") }), { maxLength: 2 }),
      forwardPorts: fc.array(fc.record({ hostPort: fc.constantFrom(...d.ports), protocol: fc.constantFrom("tcp", "udp") }), { maxLength: 2 }),
      forwardAuth: opt(fc.constantFrom(...d.ports)),
      routes: fc.array(arbRoute(d), { maxLength: 2 }),
    })
    .map(({ name, forwardAuth, ...o }) => container(name, { ...o, ...(forwardAuth === undefined ? {} : { forwardAuth: { port: forwardAuth } }) }));
}

function arbHostNetwork(d: DenseDomains): fc.Arbitrary<Container> {
  return fc
    .record({ name: fc.constantFrom(...d.names), enable: mostlyTrue, ports: fc.array(arbServicePort(d), { maxLength: 3 }), routes: fc.array(arbRoute(d), { maxLength: 1 }) })
    .map(({ name, ...o }) => container(name, { network: "host", ...o }));
}

function arbPodman(d: DenseDomains): fc.Arbitrary<Container> {
  const published = fc.record({ hostAddress: fc.constantFrom(...d.bindAddresses), hostPort: fc.constantFrom(...d.ports), protocol: fc.constantFrom("tcp", "udp") });
  return fc
    .record({
      name: fc.constantFrom(...d.names),
      enable: mostlyTrue,
      image: fc.constantFrom(...d.images),
      ports: fc.array(published, { maxLength: 3 }),
      dependsOn: fc.array(fc.constantFrom(...d.names), { maxLength: 2 }),
      networks: fc.constantFrom<string[]>([], [], ["backend"]),
      routes: fc.array(arbRoute(d), { maxLength: 1 }),
    })
    .map(({ name, ...o }) => container(name, { backend: "podman", ...o }));
}

function arbService(d: DenseDomains): fc.Arbitrary<HostService> {
  return fc
    .record({ name: fc.constantFrom("tunnel", "backup"), ports: fc.array(arbServicePort(d), { maxLength: 2 }) })
    .map(({ name, ports }) => service(name, { ports }));
}

/**
 * A random homelab with frequent conflicts of every kind: duplicate names and addresses,
 * clashing listeners, routes sharing a host, routes to unserved ports, unknown auth
 * providers and dependencies, missing proxies. For checking a checker against an oracle.
 *
 * @example
 * fc.assert(fc.property(arbHomelab(), (lab) => { validate(lab); /* never throws *\/ }));
 */
export function arbHomelab(options: { maxContainers?: number; domains?: Partial<DenseDomains> } = {}): fc.Arbitrary<Homelab> {
  const d: DenseDomains = { ...DENSE_DEFAULTS, ...options.domains };
  return fc
    .record({
      traefik: opt(fc.constantFrom("container" as const, "service" as const)),
      caddy: fc.boolean(),
      containers: fc.array(fc.oneof(arbPrivate(d), arbHostNetwork(d), arbPodman(d)), { maxLength: options.maxContainers ?? 6 }),
      services: fc.array(arbService(d), { maxLength: 2 }),
    })
    .map((o) =>
      homelab({
        hostName: "server",
        domain: "example.org",
        stateVersion: "25.05",
        network: { pool: d.pool },
        ...(o.traefik === undefined ? {} : { traefik: traefik({ mode: o.traefik }) }),
        ...(o.caddy ? { caddy: caddy() } : {}),
        containers: o.containers,
        services: o.services,
      }),
    );
}
