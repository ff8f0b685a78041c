/**
 * Random homelabs without a single error, by construction: unique names, each container in
 * its own address pair and port range, routes with their own host names to served ports —
 * and the valid patterns that look like conflicts: one host-side address shared by several
 * containers, explicit addresses outside the pool, disabled twins of enabled containers with
 * the same addresses, ports and routes.
 * The ground to inject one conflict into (see `arbInjectedConflict`).
 */
import fc from "fast-check";
import { container } from "../builders/container.ts";
import { homelab } from "../builders/homelab.ts";
import { caddy } from "../proxies/caddy/builders.ts";
import { caddyRoute } from "../proxies/caddy/route.ts";
import { traefik } from "../proxies/traefik/builders.ts";
import { traefikRoute } from "../proxies/traefik/route.ts";
import { service } from "../builders/service.ts";
import type { Container, Homelab, Route } from "../model/index.ts";
import { arbContainerName } from "./primitives.ts";

type Proxy = "traefik" | "caddy" | "none";

/** Pool of clean homelabs: container `i` may use `10.10.<i+1>.1`/`.2` explicitly. */
export const CLEAN_POOL = "10.10.0.0/16";

function route(proxy: Proxy, name: string, port: number): Route[] {
  if (proxy === "none") return [];
  const options = { subdomain: name, port, public: true };
  return [proxy === "traefik" ? traefikRoute(options) : caddyRoute(options)];
}

/** The host side every "shared" container gives: one address on every veth, outside the pool. */
export const SHARED_HOST_ADDRESS = "10.9.0.1";

/**
 * How a clean private-network container gets its addresses: allocated; an explicit pair in
 * the pool; the shared host side with an allocated or an explicit guest side; an explicit pair
 * outside the pool (valid: the pool governs allocation only).
 */
type AddressMode = "allocated" | "pair" | "shared" | "shared-explicit" | "outside";

function addressesOf(mode: AddressMode, i: number): { hostAddress?: string; localAddress?: string } {
  switch (mode) {
    case "allocated":
      return {};
    case "pair":
      return { hostAddress: `10.10.${i + 1}.1`, localAddress: `10.10.${i + 1}.2` };
    case "shared":
      return { hostAddress: SHARED_HOST_ADDRESS };
    case "shared-explicit":
      return { hostAddress: SHARED_HOST_ADDRESS, localAddress: `10.9.${i + 1}.2` };
    case "outside":
      return { hostAddress: `172.16.${i + 1}.1`, localAddress: `172.16.${i + 1}.2` };
  }
}

function arbCleanContainer(name: string, i: number, proxy: Proxy): fc.Arbitrary<Container> {
  const base = 2000 + 20 * i; // ports base..base+19 belong to container i alone
  const count = fc.integer({ min: 1, max: 3 });
  const routed = fc.boolean();
  const mode = fc.constantFrom<AddressMode>("allocated", "pair", "shared", "shared-explicit", "outside");
  const privateNet = fc
    .record({ mode, count, forwards: fc.integer({ min: 0, max: 2 }), routed })
    .map(({ mode, count, forwards, routed }) => {
      const ports = Array.from({ length: count }, (_, j) => base + j);
      return container(name, {
        ...addressesOf(mode, i),
        ports,
        forwardPorts: Array.from({ length: forwards }, (_, j) => ({ hostPort: base + 10 + j, containerPort: base })),
        route: routed ? route(proxy, name, base)[0] : undefined,
      });
    });
  const hostNet = fc.record({ count, protocol: fc.constantFrom("tcp" as const, "udp" as const), loopback: fc.boolean() }).map(({ count, protocol, loopback }) =>
    container(name, {
      network: "host",
      ports: Array.from({ length: count }, (_, j) => ({ port: base + j, protocol, ...(loopback ? { address: "127.0.0.1" } : {}) })),
    }),
  );
  const podman = fc.record({ count, loopback: fc.boolean(), routed }).map(({ count, loopback, routed }) =>
    container(name, {
      backend: "podman",
      image: "docker.io/library/nginx:1.27",
      user: "1000:1000",
      ports: Array.from({ length: count }, (_, j) => ({ hostPort: base + j, containerPort: 80 + j, ...(loopback ? { hostAddress: "127.0.0.1" } : {}) })),
      routes: routed ? route(proxy, name, base) : [],
    }),
  );
  return fc.oneof(privateNet, hostNet, podman);
}

/**
 * A disabled twin of `c` named `name`: the same addresses, ports and routes, which would all
 * clash with `c`'s if it were enabled. Valid as it is: a disabled container takes part in no
 * check (the names differ, since two files of one name would clash for real).
 */
export function disabledTwin(c: Container, name: string): Container {
  if (c.backend === "podman") {
    return container(name, {
      backend: "podman",
      enable: false,
      image: c.image,
      user: "1000:1000",
      ports: c.ports.map((p) => ({ hostAddress: p.hostAddress, hostPort: p.hostPort, containerPort: p.containerPort, protocol: p.protocol })),
      routes: c.routes,
    });
  }
  if (c.network === "host") return container(name, { network: "host", enable: false, ports: c.ports, routes: c.routes });
  return container(name, {
    enable: false,
    ...(c.hostAddress === undefined ? {} : { hostAddress: c.hostAddress }),
    ...(c.localAddress === undefined ? {} : { localAddress: c.localAddress }),
    ports: c.ports,
    forwardPorts: c.forwardPorts,
    routes: c.routes,
  });
}

/**
 * A homelab with no errors: up to `maxContainers` containers of every kind (and up to two
 * disabled twins), one proxy or none, host services. `validate` reports at most warnings for it.
 * @example fc.assert(fc.property(arbConflictFreeHomelab(), (lab) => !hasErrors(validate(lab))))
 */
export function arbConflictFreeHomelab(options: { maxContainers?: number } = {}): fc.Arbitrary<Homelab> {
  return fc
    .record({
      proxy: fc.constantFrom<Proxy>("traefik", "caddy", "none"),
      names: fc.uniqueArray(arbContainerName(), { maxLength: options.maxContainers ?? 8 }),
      services: fc.integer({ min: 0, max: 2 }),
      twins: fc.array(fc.nat(), { maxLength: 2 }),
    })
    .chain(({ proxy, names, services, twins }) =>
      fc.tuple(fc.constant(proxy), fc.constant(services), fc.constant(twins), fc.tuple(...names.map((name, i) => arbCleanContainer(name, i, proxy)))),
    )
    .map(([proxy, services, twins, enabled]) => {
      // Twins are named with 12 characters, longer than any generated name (at most 11).
      const containers = [...enabled, ...(enabled.length === 0 ? [] : twins.map((t, k) => disabledTwin(enabled[t % enabled.length]!, `disabled${String(k).padStart(4, "0")}`)))];
      return homelab({
        hostName: "server",
        domain: "example.org",
        stateVersion: "25.05",
        network: { pool: CLEAN_POOL },
        ...(proxy === "traefik" ? { traefik: traefik({ mode: "service" }) } : {}),
        ...(proxy === "caddy" ? { caddy: caddy() } : {}),
        containers,
        services: Array.from({ length: services }, (_, k) => service(`svc${k}`, { ports: [{ port: 50000 + k, address: "127.0.0.1" }] })),
      });
    });
}
