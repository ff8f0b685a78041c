/**
 * The messages the core now builds from the providers' declarations, pinned to their wording
 * before the proxies moved into their folders (they are user-visible: same text, same place).
 */
import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { caddy, caddyRoute, container, formatPath, homelab, secret, service, traefik, traefikRoute } from "../index.ts";
import { findings, testLab } from "../../test-support/validate/test-lab.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };

describe("builder input", () => {
  test("homelab()'s proxy options take their builder's value only", () => {
    expect(problems(() => homelab({ ...base, traefik: caddy() as never, caddy: {} as never }))).toEqual([
      "traefik: expected a value made by traefik({...}), got an object",
      "caddy: expected a value made by caddy({...}), got an object",
    ]);
  });

  test("a container's route is made by a route builder", () => {
    expect(problems(() => container("x", { route: { subdomain: "x", port: 80 } as never }))).toEqual([
      "route: expected a route made by route(), traefikRoute() or caddyRoute(), got an object",
    ]);
  });

  test("an unknown homelab() option still suggests a proxy option", () => {
    expect(problems(() => homelab({ ...base, trafik: traefik() } as never))[0]).toMatch(/^trafik: .*traefik/);
  });
});

describe("checks", () => {
  test("a route without its proxy: <kind>-missing, with the provider's message", () => {
    const lab = testLab({
      containers: [
        container("a", { ports: [80], route: traefikRoute({ subdomain: "a", port: 80, public: true }) }),
        container("b", { ports: [80], route: caddyRoute({ subdomain: "b", port: 80, public: true }) }),
      ],
    });
    expect(findings(lab).filter((d) => d.code.endsWith("-missing")).map((d) => [d.code, d.message])).toEqual([
      ["traefik-missing", "a traefikRoute needs Traefik: add traefik: traefik({...}) to homelab(), or use caddyRoute"],
      ["caddy-missing", "a caddyRoute needs Caddy: add caddy: caddy({...}) to homelab(), or use traefikRoute"],
    ]);
  });

  test("route-no-auth offers basicAuth on Caddy routes only, and Caddy's basic auth counts as auth", () => {
    const hash = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";
    const lab = testLab({
      traefik: traefik(),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      containers: [
        container("a", { ports: [80], route: traefikRoute({ subdomain: "a", port: 80 }) }),
        container("b", { ports: [80], route: caddyRoute({ subdomain: "b", port: 80 }) }),
        container("c", { ports: [80], route: caddyRoute({ subdomain: "c", port: 80, basicAuth: { alice: hash } }) }),
      ],
    });
    expect(findings(lab, "route-no-auth").map((d) => d.message)).toEqual([
      'a.example.org is reachable without authentication: set auth (e.g. auth: "authelia"), or public: true if that is intended',
      'b.example.org is reachable without authentication: set auth (e.g. auth: "authelia") or basicAuth, or public: true if that is intended',
    ]);
  });

  test("port-conflict names how to move Caddy when Caddy is among the listeners", () => {
    const lab = testLab({ traefik: traefik(), caddy: caddy() });
    const messages = findings(lab, "port-conflict").map((d) => d.message);
    expect(messages).toHaveLength(4);
    for (const m of messages) expect(m).toMatch(/bind them to different addresses \(Caddy moves with caddy\(\{ httpPort, httpsPort \}\)\)$/);
    const noCaddy = testLab({ traefik: traefik(), containers: [container("web", { network: "host", ports: [80] })] });
    for (const d of findings(noCaddy, "port-conflict")) expect(d.message).toMatch(/different addresses$/);
  });

  test("duplicate-name: a container named like the traefik container", () => {
    const lab = testLab({ traefik: traefik(), containers: [container("traefik", { network: "host" })] });
    expect(findings(lab, "duplicate-name").map((d) => d.message)).toEqual([
      'traefik() already defines the container "traefik" (its modes "container" and "podman" run Traefik as that container): rename this container, or use traefik({ mode: "service" })',
    ]);
  });

  test("secret-undeclared on the host lists Traefik's environmentFiles and Caddy's environmentFile among the places", () => {
    const s = secret("tok");
    const lab = testLab({ services: [service("tunnel", { config: { c: s.path } })] });
    expect(findings(lab, "secret-undeclared").map((d) => d.message)).toEqual([
      `secret "tok" is used here but not declared in this system: declare it on the host: in a service's secrets, a Podman container's environmentFiles, traefik's environmentFiles or caddy's environmentFile`,
    ]);
  });
});
