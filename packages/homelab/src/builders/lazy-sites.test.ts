import { expect, test } from "vitest";
import { caddy, caddyRoute, container, containerRef, homelab, onlyHost, secret, service, traefik, traefikRoute } from "../index.ts";

/** How many stacks `build` formats (each is a pass through the source maps). */
function stacksFormatted(build: () => unknown): number {
  const original = Error.prepareStackTrace;
  let formatted = 0;
  Error.prepareStackTrace = (error, frames) => {
    formatted++;
    return original ? original(error, frames) : `${String(error)}\n${frames.map((f) => `    at ${String(f)}`).join("\n")}`;
  };
  try {
    build();
  } finally {
    Error.prepareStackTrace = original;
  }
  return formatted;
}

test("valid builder calls capture their sites without formatting a stack", () => {
  let lab: ReturnType<typeof homelab> | undefined;
  const formatted = stacksFormatted(() => {
    const key = secret("app-env", { mode: "0400" });
    lab = homelab({
      hostName: "server",
      domain: "example.org",
      stateVersion: "25.05",
      traefik: traefik({ certResolver: "cloudflare" }),
      caddy: caddy({ httpPort: 8081, httpsPort: 8443 }),
      containers: [
        container("app", { ports: [8080], secrets: [key], route: traefikRoute({ subdomain: "app", port: 8080, public: true }) }),
        container("web", { backend: "podman", image: "docker.io/library/nginx:1.27", ports: ["127.0.0.1:8081:80"], route: caddyRoute({ subdomain: "web", port: 8081 }) }),
      ],
      services: [service("cloudflared", { config: { services: { cloudflared: { enable: true } } } })],
    });
    void containerRef("app").localAddress;
  });
  expect(formatted).toBe(0);
  // …and each site still reads as the call's line when asked for.
  expect((lab === undefined ? undefined : onlyHost(lab))?.containers[0]?.site.file).toBe("packages/homelab/src/builders/lazy-sites.test.ts");
  expect((lab === undefined ? undefined : onlyHost(lab))?.containers[0]?.site.line).toBe(31);
});

test("an invalid call formats its site once, for its error", () => {
  expect(stacksFormatted(() => expect(() => container("app", { ports: [0] })).toThrow(/ports\[0\]/))).toBe(1);
});
