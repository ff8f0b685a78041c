/**
 * The Podman network checks against a brute-force oracle over random labs of the new listener
 * kinds: host-network containers with `listens`, containers sharing another's namespace
 * (`network: { container }`), pod members, published ports, and routes to each. The oracle
 * compares every pair directly and is written without the checks' code.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import type { Homelab } from "../../model/index.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import type { PodmanContainerOptions } from "../../schema/podman.ts";
import { printed, testLab } from "../../../test-support/validate/test-lab.ts";
import { validate } from "../index.ts";

const CODES = new Set(["port-conflict", "network-container-unknown", "route-port-unserved"]);
const RUNS = { numRuns: 300, seed: 1105 };

type Socket = { readonly port: number; readonly protocol: "tcp" | "udp"; readonly address: "0.0.0.0" | "127.0.0.1" };
type Kind =
  | { readonly kind: "published"; readonly ports: readonly Socket[] }
  | { readonly kind: "host"; readonly listens: readonly Socket[] }
  | { readonly kind: "sharer"; readonly owner: number }
  | { readonly kind: "member"; readonly pod: "p1" | "p2"; readonly ports: readonly Socket[] };
type Spec = Kind & { readonly enable: boolean; readonly routePort?: number };

const socket = (ports: fc.Arbitrary<number>) =>
  fc.record({ port: ports, protocol: fc.constantFrom("tcp" as const, "udp" as const), address: fc.constantFrom("0.0.0.0" as const, "127.0.0.1" as const) });
const sockets = (ports: fc.Arbitrary<number>) => fc.array(socket(ports), { maxLength: 2 });

/** Random specs; owners index the list (an index past its end names no container). */
function arbSpecs(ports = fc.integer({ min: 8000, max: 8004 })): fc.Arbitrary<Spec[]> {
  const kind: fc.Arbitrary<Kind> = fc.oneof(
    sockets(ports).map((p) => ({ kind: "published" as const, ports: p })),
    sockets(ports).map((l) => ({ kind: "host" as const, listens: l })),
    fc.integer({ min: 0, max: 7 }).map((owner) => ({ kind: "sharer" as const, owner })),
    fc.tuple(fc.constantFrom("p1" as const, "p2" as const), sockets(ports)).map(([pod, p]) => ({ kind: "member" as const, pod, ports: p })),
  );
  const extra = fc.record({ enable: fc.constantFrom(true, true, true, true, true, false), routePort: fc.option(ports, { nil: undefined }) });
  return fc.array(fc.tuple(kind, extra).map(([k, e]) => ({ ...k, enable: e.enable, ...(e.routePort === undefined ? {} : { routePort: e.routePort }) })), { minLength: 1, maxLength: 7 });
}

const nameOf = (i: number) => `c${i}`;
const publish = (s: Socket) => ({ hostAddress: s.address, hostPort: s.port, protocol: s.protocol });

/** The lab the specs describe, written with the builders. */
function labOf(specs: readonly Spec[]): Homelab {
  const containers = specs.map((s, i) => {
    const o: Record<string, unknown> = { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", enable: s.enable };
    if (s.kind === "published") o["ports"] = s.ports.map(publish);
    if (s.kind === "host") Object.assign(o, { network: "host", listens: s.listens });
    if (s.kind === "sharer") o["network"] = { container: nameOf(s.owner) };
    if (s.kind === "member") Object.assign(o, { pod: s.pod, ports: s.ports.map(publish) });
    if (s.routePort !== undefined) o["route"] = route({ subdomain: `r${i}`, port: s.routePort, public: true });
    return container(nameOf(i), o as PodmanContainerOptions);
  });
  return testLab({ caddy: caddy({ email: "admin@example.org" }), containers });
}

/** The findings the oracle expects, as `code path` lines. */
function oracle(specs: readonly Spec[]): string[] {
  const out: string[] = [];
  type L = { path: string; s: Socket };
  const listeners: L[] = [
    { path: "caddy.httpPort", s: { port: 80, protocol: "tcp", address: "0.0.0.0" } },
    { path: "caddy.httpsPort", s: { port: 443, protocol: "tcp", address: "0.0.0.0" } },
    { path: "caddy.http3", s: { port: 443, protocol: "udp", address: "0.0.0.0" } },
  ];
  specs.forEach((s, i) => {
    if (!s.enable) return;
    if (s.kind === "published" || s.kind === "member") s.ports.forEach((p, j) => listeners.push({ path: `containers.${nameOf(i)}.ports[${j}]`, s: p }));
    if (s.kind === "host") s.listens.forEach((p, j) => listeners.push({ path: `containers.${nameOf(i)}.listens[${j}]`, s: p }));
  });
  for (const a of listeners) {
    const clash = listeners.some((b) => b !== a && a.s.port === b.s.port && a.s.protocol === b.s.protocol && (a.s.address === b.s.address || a.s.address === "0.0.0.0" || b.s.address === "0.0.0.0"));
    if (clash && !a.path.startsWith("caddy")) out.push(`port-conflict ${a.path}`);
  }
  const tcp = (list: readonly Socket[], port: number) => list.some((p) => p.protocol === "tcp" && p.port === port);
  specs.forEach((s, i) => {
    if (!s.enable) return;
    if (s.kind === "sharer") {
      const o = specs[s.owner];
      const ok = s.owner !== i && o !== undefined && o.enable && (o.kind === "published");
      if (!ok) out.push(`network-container-unknown containers.${nameOf(i)}.network.container`);
    }
    if (s.routePort === undefined) return;
    const port = s.routePort;
    let served = true;
    if (s.kind === "published" || s.kind === "member") served = tcp(s.ports, port);
    if (s.kind === "host") served = s.listens.length === 0 || tcp(s.listens, port);
    if (s.kind === "sharer") {
      const o = specs[s.owner];
      // Reported only when the owner is a Podman container in its own right (else the owner is the error).
      if (o !== undefined && s.owner !== i && o.enable && o.kind !== "sharer") served = o.kind === "published" || o.kind === "member" ? tcp(o.ports, port) : false;
    }
    if (!served) out.push(`route-port-unserved containers.${nameOf(i)}.routes[0]`);
  });
  return out.sort();
}

const checked = (lab: Homelab): string[] =>
  validate(lab)
    .filter((d) => CODES.has(d.code))
    .map((d) => `${d.code} ${printed(d).path}`)
    .sort();

describe("Podman listeners, shared namespaces and pods against a brute-force oracle", () => {
  test("the same findings for random labs", () => {
    fc.assert(fc.property(arbSpecs(), (specs) => void expect(checked(labOf(specs))).toEqual(oracle(specs))), RUNS);
  });

  test("the random labs exercise every code", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(arbSpecs(), (specs) => void oracle(specs).forEach((line) => seen.add(line.split(" ")[0]!))), RUNS);
    expect([...seen].sort()).toEqual([...CODES].sort());
  });

  test("valid labs using them (distinct ports, owners that publish what their sharers serve) have no error", () => {
    const valid = arbSpecs().map((specs) => {
      let next = 9000;
      const fresh = (list: readonly Socket[]) => list.map((p) => ({ ...p, port: next++ }));
      const fixed: Spec[] = specs.map((s): Spec => {
        const base = { enable: true } as const;
        if (s.kind === "published") return { ...base, kind: "published", ports: fresh(s.ports) };
        if (s.kind === "host") return { ...base, kind: "host", listens: fresh(s.listens) };
        if (s.kind === "member") return { ...base, kind: "member", pod: s.pod, ports: fresh(s.ports) };
        return { ...base, kind: "published", ports: [] };
      });
      // A sharer of the first container, routed to a port that container publishes for it.
      const port = next++;
      fixed.push({ enable: true, kind: "published", ports: [{ port, protocol: "tcp", address: "127.0.0.1" }] });
      fixed.push({ enable: true, kind: "sharer", owner: fixed.length - 1, routePort: port });
      return fixed.map((s) => (s.kind === "sharer" || s.kind === "host" ? s : { ...s, ...(s.ports[0]?.protocol === "tcp" ? { routePort: s.ports[0].port } : {}) }));
    });
    fc.assert(
      fc.property(valid, (specs) => {
        const errors = validate(labOf(specs)).filter((d) => d.severity === "error");
        expect(errors.map((d) => `${d.code} ${printed(d).path}: ${d.message}`)).toEqual([]);
      }),
      RUNS,
    );
  });
});
