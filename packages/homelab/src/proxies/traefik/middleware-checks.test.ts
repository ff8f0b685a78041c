/** `traefik-middleware-conflict`: one name, two different middlewares; both call sites named. */
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { headers, ipAllowList } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";

const lan = ipAllowList("lan", ["192.168.1.0/24"]);
const app = (name: string, middlewares: Parameters<typeof route>[0]["middlewares"]) =>
  container(name, { ports: [80], route: route({ subdomain: name, port: 80, middlewares, public: true }) });

describe("traefik-middleware-conflict", () => {
  test("one name for two different middlewares in two containers: an error at the second use, the first related", () => {
    const other = ipAllowList("lan", ["10.0.0.0/8"]);
    const lab = testLab({ traefik: traefik(), containers: [app("a", [lan]), app("b", [other])] });
    expect(summary(lab, "traefik-middleware-conflict")).toEqual(["containers.b.routes[0] -> containers.a.routes[0]"]);
    const [d] = findings(lab, "traefik-middleware-conflict");
    expect(d!.message).toMatch(/^middleware "lan" is defined twice with different settings \(ipAllowList at .*middleware-checks\.test\.ts:9:13, ipAllowList at .*middleware-checks\.test\.ts:15:19\)/);
  });

  test("a different kind by the same name, inside a chain too", () => {
    const lab = testLab({ traefik: traefik(), containers: [app("a", [lan]), app("b", [headers("lan", { security: true })])] });
    expect(findings(lab, "traefik-middleware-conflict")).toHaveLength(1);
  });

  test("a middleware named like a container's own forward auth", () => {
    const authelia = container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
    const lab = testLab({ traefik: traefik(), containers: [authelia, app("a", [ipAllowList("authelia", ["10.0.0.0/8"])])] });
    expect(findings(lab, "traefik-middleware-conflict").map((d) => d.message)).toEqual([
      expect.stringContaining('middleware "authelia" (ipAllowList, '),
    ]);
  });

  test("one value shared by many routes, equal values by one name, auth: by its provider: fine", () => {
    const same = ipAllowList("lan", ["192.168.1.0/24"]);
    const authelia = container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
    const withAuth = container("c", { ports: [80], route: route({ subdomain: "c", port: 80, auth: "authelia" }) });
    const lab = testLab({ traefik: traefik(), containers: [authelia, app("a", [lan]), app("b", [lan, same]), withAuth] });
    expect(findings(lab, "traefik-middleware-conflict")).toEqual([]);
  });
});
