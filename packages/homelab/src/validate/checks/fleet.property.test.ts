/**
 * The fleet checks against a brute-force oracle over random fleets: hosts with repeated names,
 * shared and missing addresses, addresses inside another host's container pool or Podman's
 * network, and cross-host routes to hosts that exist or not (or are the proxy's own), to a
 * Podman container published on every address, on loopback or not at all, a private NixOS
 * container with or without forwardPorts, a host service on every address or loopback, each
 * enabled or not, at ports they serve or not, on nftables or iptables hosts with the firewall on
 * or off. The oracle compares every pair directly, from
 * the rules and nothing else. Then: validate's whole result is the same for any order of hosts.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { caddy, container, host, route, service, type Container, type Host, type HostService } from "../../index.ts";
import { FLEET_CODES } from "../../diagnostics/fleet-codes.ts";
import { validate } from "../index.ts";
import { printed, type PrintedDiagnostic } from "../../../test-support/validate/test-lab.ts";
import { testFleet } from "../../../test-support/validate/fleet-lab.ts";

const RUNS = { numRuns: 250, seed: 1212 };

type Publish = "none" | "all" | "loopback";
interface RouteSpec {
  readonly to: string;
  readonly target: "web" | "app" | "svc" | "nope";
  readonly port: number;
}
interface HostSpec {
  readonly name: string;
  readonly address: string | undefined;
  readonly pool: "10.10.10.0/24" | "10.20.0.0/24";
  /** A Podman container "web" (container port 80, host port 8080), published so, enabled or not. */
  readonly web: { readonly publish: Publish; readonly enable: boolean } | undefined;
  /** A private-network NixOS container "app" serving 80, forwarded from 8081 or not. */
  readonly app: { readonly forward: boolean; readonly enable: boolean } | undefined;
  /** A host service "svc" on port 9000, on every address or loopback. */
  readonly svc: { readonly loopback: boolean; readonly enable: boolean } | undefined;
  /** `network.nftables` (else iptables) and `firewall.enable: false`: whether an opening is loaded. */
  readonly nftables: boolean;
  readonly firewallOff: boolean;
  readonly routes: readonly RouteSpec[];
}

const NAMES = ["a", "b", "c"] as const;
const routeSpec: fc.Arbitrary<RouteSpec> = fc.record({
  to: fc.constantFrom(...NAMES, "zz"),
  target: fc.constantFrom("web" as const, "app" as const, "svc" as const, "nope" as const),
  port: fc.constantFrom(80, 8080, 8081, 9000, 1234),
});
const hostSpec: fc.Arbitrary<HostSpec> = fc.record({
  name: fc.constantFrom(...NAMES),
  address: fc.constantFrom(undefined, "192.168.1.1", "192.168.1.2", "192.168.1.3", "10.10.10.5", "10.88.0.5"),
  pool: fc.constantFrom("10.10.10.0/24" as const, "10.20.0.0/24" as const),
  web: fc.option(fc.record({ publish: fc.constantFrom<Publish>("none", "all", "loopback"), enable: fc.boolean() }), { nil: undefined }),
  app: fc.option(fc.record({ forward: fc.boolean(), enable: fc.boolean() }), { nil: undefined }),
  svc: fc.option(fc.record({ loopback: fc.boolean(), enable: fc.boolean() }), { nil: undefined }),
  nftables: fc.boolean(),
  firewallOff: fc.boolean(),
  routes: fc.array(routeSpec, { maxLength: 3 }),
});

function buildHost(s: HostSpec, i: number): Host {
  const containers: Container[] = [];
  const publish = { none: [], all: ["8080:80"], loopback: ["127.0.0.1:8080:80"] } as const;
  if (s.web !== undefined) containers.push(container("web", { backend: "podman", image: "nginx:1.27", user: "101:101", enable: s.web.enable, ports: [...publish[s.web.publish]] }));
  if (s.app !== undefined) containers.push(container("app", { enable: s.app.enable, ports: [80], ...(s.app.forward ? { forwardPorts: [{ hostPort: 8081, containerPort: 80 }] } : {}) }));
  const services: HostService[] = s.svc === undefined ? [] : [service("svc", { enable: s.svc.enable, ports: [{ port: 9000, address: s.svc.loopback ? "127.0.0.1" : "0.0.0.0" }] })];
  const routes = s.routes.map((r, j) =>
    route({ host: `r${i}-${j}.example.org`, to: r.target === "svc" ? { host: r.to, service: "svc", port: r.port } : { host: r.to, container: r.target, port: r.port }, public: true }),
  );
  return host(s.name, {
    stateVersion: "25.05",
    network: { pool: s.pool, ...(s.nftables ? { nftables: true } : {}) },
    ...(s.firewallOff ? { firewall: { enable: false } } : {}),
    modules: ["./hardware-configuration.nix"],
    caddy: caddy(),
    ...(s.address === undefined ? {} : { address: s.address }),
    containers,
    services,
    routes,
  });
}

/** What the oracle expects: `code host path` lines, sorted. */
function oracle(specs: readonly HostSpec[]): string[] {
  const out: string[] = [];
  const named = (n: string) => specs.filter((s) => s.name === n);
  specs.forEach((h) => {
    if (named(h.name).length > 1) out.push(`host-name-duplicate ${h.name} `);
  });
  specs.forEach((h, i) => {
    if (h.address === undefined) return;
    if (specs.some((o, j) => j !== i && o.address === h.address)) out.push(`host-address-conflict ${h.name} address`);
  });
  specs.forEach((b, i) => {
    specs.forEach((a, j) => {
      if (i === j || a.address === undefined) return;
      if (a.address.startsWith(b.pool.slice(0, b.pool.lastIndexOf(".") + 1))) out.push(`host-address-shadowed ${b.name} network.pool`);
      if (b.web?.enable === true && a.address.startsWith("10.88.")) out.push(`host-address-shadowed ${b.name} containers.web`);
    });
  });
  const needs = new Set<number>();
  specs.forEach((h, i) => {
    h.routes.forEach((r, j) => {
      const at = (field: string) => `${h.name} routes[${j}].to.${field}`;
      const targets = named(r.to);
      if (targets.length === 0) return out.push(`route-target-unknown ${at("host")}`);
      if (targets.length > 1) return;
      const t = targets[0]!;
      const ti = specs.indexOf(t);
      if (ti === i) return out.push(`remote-route-same-host ${at("host")}`);
      if (named(t.name).length === 1) needs.add(ti);
      if (named(h.name).length === 1) needs.add(i);
      const field = r.target === "svc" ? "service" : "container";
      const part = r.target === "nope" ? undefined : t[r.target];
      if (part === undefined || !part.enable) return out.push(`route-target-unknown ${at(field)}`);
      // Served where the proxy reaches it: filtered unless the target's firewall is off — then
      // only an nftables host's prerouting table (for the DNAT'd web and app) still holds.
      const unfiltered = t.firewallOff && !(t.nftables && r.target !== "svc") ? "remote-port-unfiltered" : undefined;
      const verdict = ((): string | undefined => {
        if (r.target === "web") {
          const web = t.web!;
          if (web.publish === "none" || r.port !== 8080) return "route-port-unserved";
          return web.publish === "all" ? unfiltered : "remote-port-unpublished";
        }
        if (r.target === "app") {
          if (t.app!.forward && r.port === 8081) return unfiltered;
          if (!t.app!.forward && r.port === 80) return "remote-port-unpublished";
          return "route-port-unserved";
        }
        if (r.port !== 9000) return "route-port-unserved";
        return t.svc!.loopback ? "remote-port-unpublished" : unfiltered;
      })();
      if (verdict !== undefined) out.push(`${verdict} ${at("port")}`);
    });
  });
  for (const i of needs) if (specs[i]!.address === undefined) out.push(`host-address-missing ${specs[i]!.name} address`);
  return out.sort();
}

const CODES = new Set<string>([...Object.keys(FLEET_CODES), "route-target-unknown", "route-port-unserved"]);
const lines = (found: readonly PrintedDiagnostic[]) => found.filter((d) => CODES.has(d.code)).map((d) => `${d.code} ${d.host} ${d.path}`).sort();

describe("the fleet checks against a brute-force oracle", () => {
  test("every finding the oracle expects, and no other, on the right host at the right field", () => {
    fc.assert(
      fc.property(fc.array(hostSpec, { minLength: 1, maxLength: 5 }), (specs) => {
        const lab = testFleet(specs.map(buildHost));
        expect(lines(validate(lab).map(printed))).toEqual(oracle(specs));
      }),
      RUNS,
    );
  });

  test("the generator reaches every verdict", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(hostSpec, { minLength: 1, maxLength: 5 }), (specs) => {
        for (const l of oracle(specs)) seen.set(l.split(" ")[0]!, (seen.get(l.split(" ")[0]!) ?? 0) + 1);
      }),
      RUNS,
    );
    // Not cross-host verdicts the oracle models: a single-host homelab's, references', flake inputs' (fleet-inputs.test.ts).
    const outside = new Set(["fleet-required", "fleet-ref-unknown", "fleet-input-conflict"]);
    expect([...seen.keys()].sort()).toEqual([...CODES].filter((c) => !outside.has(c)).sort());
  });
});

describe("determinism across host order", () => {
  test("validate's result is the same, byte for byte, for any order of the hosts", () => {
    fc.assert(
      fc.property(
        fc.array(hostSpec, { minLength: 2, maxLength: 5 }).chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length }))),
        ([specs, order]) => {
          const hosts = specs.map(buildHost);
          const a = validate(testFleet(hosts));
          const b = validate(testFleet(order.map((i) => hosts[i]!)));
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: 150, seed: 1213 },
    );
  });
});
