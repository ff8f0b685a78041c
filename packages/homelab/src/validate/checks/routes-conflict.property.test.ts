/**
 * The rule-aware duplicate-route check against a brute-force oracle: over random sets of
 * routes (hosts written two ways, paths, regexes, client sets in any order and with repeats,
 * priorities, both proxies, Traefik entry points, attached and host-level routes), a route is
 * reported exactly when some other route has an identical matcher, and it names only such.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { caddy, container, route, traefik, type RouteOptions } from "../../index.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

type Spec = {
  readonly host: { readonly subdomain: string } | { readonly host: string };
  readonly path: { readonly path?: string; readonly stripPrefix?: boolean; readonly pathRegex?: string };
  readonly clients: readonly string[] | undefined;
  readonly priority: number | undefined;
  readonly proxy: "traefik" | "caddy";
  readonly entryPoint: "web" | "websecure" | undefined;
  readonly hostLevel: boolean;
};

const spec: fc.Arbitrary<Spec> = fc.record({
  host: fc.constantFrom({ subdomain: "a" }, { host: "a.example.org" }, { subdomain: "b" }),
  path: fc.constantFrom({}, { path: "/x" }, { path: "/x", stripPrefix: true }, { path: "/y" }, { pathRegex: "^/x" }),
  clients: fc.constantFrom(undefined, ["10.0.0.0/8"], ["10.0.0.0/8", "192.168.0.0/16"], ["192.168.0.0/16", "10.0.0.0/8"], ["10.0.0.0/8", "10.0.0.0/8"]),
  priority: fc.constantFrom(undefined, 1, 2),
  proxy: fc.constantFrom("traefik" as const, "caddy" as const),
  entryPoint: fc.constantFrom(undefined, "web" as const, "websecure" as const),
  hostLevel: fc.boolean(),
});

/** The oracle, written from the rule and nothing else: are the two matchers identical? */
function clash(a: Spec, b: Spec): boolean {
  const name = (s: Spec) => ("host" in s.host ? s.host.host : `${s.host.subdomain}.example.org`);
  // traefik({}) serves routes without an entry point on "websecure"; Caddy has no entry points.
  const ep = (s: Spec) => (s.proxy === "traefik" ? (s.entryPoint ?? "websecure") : "-");
  const sameSet = (x: readonly string[], y: readonly string[]) => x.every((v) => y.includes(v)) && y.every((v) => x.includes(v));
  return (
    a.proxy === b.proxy &&
    ep(a) === ep(b) &&
    name(a) === name(b) &&
    a.path.path === b.path.path &&
    a.path.pathRegex === b.path.pathRegex &&
    sameSet(a.clients ?? [], b.clients ?? []) &&
    a.priority === b.priority
  );
}

function build(specs: readonly Spec[]) {
  const attached: RouteOptions[] = [];
  const hostLevel: RouteOptions[] = [];
  const paths: string[] = [];
  for (const s of specs) {
    const options: RouteOptions = {
      ...s.host,
      ...s.path,
      ...(s.clients === undefined ? {} : { clients: s.clients }),
      ...(s.priority === undefined ? {} : { priority: s.priority }),
      ...(s.proxy === "traefik" && s.entryPoint !== undefined ? { entryPoint: s.entryPoint } : {}),
      proxy: s.proxy,
      public: true,
    };
    if (s.hostLevel) {
      paths.push(`routes[${hostLevel.length}]`);
      hostLevel.push({ ...options, to: { url: "http://192.168.1.20:8123" } });
    } else {
      paths.push(`containers.app.routes[${attached.length}]`);
      attached.push({ ...options, port: 80 });
    }
  }
  const lab = testLab({
    traefik: traefik({ mode: "service" }),
    caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
    containers: [container("app", { ports: [80], routes: attached.map(route) })],
    routes: hostLevel.map(route),
  });
  return { lab, paths };
}

describe("route-host-conflict against a brute-force oracle", () => {
  test("a route is reported exactly when another has the same matcher, naming only such routes", () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 8 }), (specs) => {
        const { lab, paths } = build(specs);
        const expected = new Map<string, Set<string>>();
        specs.forEach((a, i) => {
          const partners = new Set(specs.flatMap((b, j) => (j !== i && clash(a, b) ? [paths[j]!] : [])));
          if (partners.size > 0) expected.set(paths[i]!, partners);
        });
        const found = findings(lab, "route-host-conflict");
        expect(found.map((d) => d.path).sort()).toEqual([...expected.keys()].sort());
        for (const d of found) {
          const partners = expected.get(d.path)!;
          // Up to three partners are named, each a real clash.
          expect(d.related!.length).toBe(Math.min(3, partners.size));
          for (const r of d.related!) expect(partners.has(r.path)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
