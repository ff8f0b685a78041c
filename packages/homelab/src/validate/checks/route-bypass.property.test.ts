/**
 * route-auth-bypassed against a brute-force oracle: random containers with random published,
 * forwarded and host-network ports, each routed with or without auth, to the internet or to
 * the LAN only. The oracle restates the rule from the model, per port entry, without the
 * check's helpers.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { basicAuth, chain, forwardAuth, headers, ipAllowList } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import type { Container } from "../../model/index.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { summary, testLab } from "../../../test-support/validate/test-lab.ts";

const HASH = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
const LAN_ONLY = ipAllowList("lan", ["192.168.0.0/16", "10.0.0.0/8"]);
const ADDRESSES = ["127.0.0.1", "0.0.0.0", "192.168.1.10", "203.0.113.7"] as const;
type Address = (typeof ADDRESSES)[number];
type Auth = "none" | "forward" | "basic" | "chain";
type Audience = "internet" | "lan" | "lanAllowList";

interface Case {
  readonly kind: "podman" | "forward" | "hostnet";
  readonly entries: readonly { readonly address: Address; readonly hostPort: number; readonly containerPort: number }[];
  readonly routePort: number;
  readonly auth: Auth;
  readonly audience: Audience;
}

const arbEntry = fc.record({ address: fc.constantFrom(...ADDRESSES), hostPort: fc.integer({ min: 8000, max: 8005 }), containerPort: fc.constantFrom(80, 22) });
const arbCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constantFrom("podman", "forward", "hostnet"),
  entries: fc.array(arbEntry, { maxLength: 4 }),
  routePort: fc.integer({ min: 8000, max: 8006 }),
  auth: fc.constantFrom("none", "forward", "basic", "chain"),
  audience: fc.constantFrom("internet", "lan", "lanAllowList"),
});

function middlewaresOf(auth: Auth) {
  switch (auth) {
    case "none":
      return [];
    case "forward":
      return [forwardAuth("authelia")];
    case "basic":
      return [basicAuth("admins", { alice: HASH })];
    case "chain":
      return [chain("secure", [headers("sec", { security: {} }), forwardAuth("authelia")])];
  }
}

function build(c: Case, i: number): Container {
  const name = `c${i}`;
  const r = route({
    subdomain: name,
    port: c.kind === "forward" ? 80 : c.routePort,
    middlewares: [...middlewaresOf(c.auth), ...(c.audience === "lanAllowList" ? [LAN_ONLY] : [])],
    ...(c.audience === "lan" ? { clients: ["192.168.0.0/16"] } : {}),
    ...(c.auth === "none" ? { public: true } : {}),
  });
  switch (c.kind) {
    case "podman":
      return container(name, {
        backend: "podman",
        image: "docker.io/library/nginx:1.27",
        user: "1000",
        ports: c.entries.map((e) => `${e.address}:${e.hostPort}:${e.containerPort}`),
        route: r,
      });
    case "forward":
      return container(name, { ports: [80, 22], forwardPorts: c.entries.map((e) => ({ hostPort: e.hostPort, containerPort: e.containerPort })), route: r });
    case "hostnet":
      return container(name, { network: "host", ports: c.entries.map((e) => ({ port: e.hostPort, address: e.address })), route: r });
  }
}

/** The oracle: which port entries of case `i` the route's auth is bypassed through. */
function expected(c: Case, i: number): string[] {
  if (c.auth === "none") return [];
  const lan = c.audience !== "internet";
  const name = `c${i}`;
  const out: string[] = [];
  c.entries.forEach((e, j) => {
    if (c.kind === "forward") {
      // DNAT on every host address, into the routed container port (80).
      if (e.containerPort === 80) out.push(`containers.${name}.routes[0] -> containers.${name}.forwardPorts[${j}]`);
      return;
    }
    const skipped = e.address === "127.0.0.1" || (lan && e.address === "192.168.1.10");
    if (c.kind === "hostnet") {
      if (e.hostPort === c.routePort && !skipped) out.push(`containers.${name}.routes[0] -> containers.${name}.ports[${j}]`);
      return;
    }
    // Podman: the proxy uses the first publish of the routed host port; every publish of the
    // same container port beyond loopback reaches the same socket.
    const routed = c.entries.find((x) => x.hostPort === c.routePort);
    if (routed !== undefined && e.containerPort === routed.containerPort && !skipped) out.push(`containers.${name}.routes[0] -> containers.${name}.ports[${j}]`);
  });
  return out;
}

test("route-auth-bypassed agrees with a brute-force oracle over random ports, auth and audiences", () => {
  const authelia = container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
  let flagged = 0;
  fc.assert(
    fc.property(fc.array(arbCase, { minLength: 1, maxLength: 4 }), (cases) => {
      const lab = testLab({ traefik: traefik(), containers: [authelia, ...cases.map(build)] });
      const want = cases.flatMap(expected).sort();
      flagged += want.length;
      expect(summary(lab, "route-auth-bypassed")).toEqual(want);
    }),
    { numRuns: 300, seed: 10 },
  );
  // The random labs exercise the check, not only its silence.
  expect(flagged).toBeGreaterThan(100);
});
