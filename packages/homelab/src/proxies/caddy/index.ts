/** The Caddy provider: Caddy as a host service; each route a virtual host beside its container. */
import { atProxy } from "../../facts/located.ts";
import { isCaddy } from "./builders.ts";
import type { Caddy } from "./model.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { ProxyProvider } from "../provider.ts";
import { HOST_SYSTEM } from "../../facts/systems.ts";
import { CADDY_CODES, checkCaddy } from "./checks.ts";
import { caddyHostSection } from "./host.ts";
import { caddySiteBindings } from "./sites.ts";

export const caddyProvider: ProxyProvider<Caddy> = {
  kind: "caddy",
  routeKind: "caddyRoute",
  option: { is: isCaddy, error: "expected a value made by caddy({...})" },
  sectionTitle: "Caddy routing",
  missing: "a caddyRoute needs Caddy: add caddy: caddy({...}) to homelab(), or use traefikRoute",
  missingSummary: "a Caddy route without caddy()",
  codes: CADDY_CODES,
  portConflictHint: " (Caddy moves with caddy({ httpPort, httpsPort }))",
  hostSecretsOption: "caddy's environmentFile",
  routeAuthOption: "basicAuth",

  // Basic auth is Caddy's own authentication: a route with users needs no `auth`.
  routeAuthenticates(route) {
    return route.basicAuth.length > 0;
  },

  // HTTP on httpPort; HTTPS on httpsPort over TCP, and over UDP for HTTP/3.
  listeners(c) {
    const http = c.httpPort ?? 80;
    const https = c.httpsPort ?? 443;
    const common = { address: ANY_ADDRESS, owner: "Caddy", name: "caddy", opens: true } as const;
    return [
      { ...atProxy(c, "httpPort"), ...common, protocol: "tcp", port: http },
      { ...atProxy(c, "httpsPort"), ...common, protocol: "tcp", port: https },
      { ...atProxy(c, "http3"), ...common, protocol: "udp", port: https },
    ];
  },

  // Read by systemd (as root) before Caddy starts: a host secret, agenix's default owner.
  secrets(c) {
    const f = c.environmentFile;
    return f === undefined ? [] : [{ secret: f, system: HOST_SYSTEM, how: "declared" as const, enabled: true, at: atProxy(c, "environmentFile") }];
  },

  containerNames() {
    return [];
  },

  containerClash() {
    throw new Error("caddy defines no container of its own");
  },

  files() {
    return [];
  },

  renderFile() {
    throw new Error("caddy writes no file of its own");
  },

  routeBindings(ctx, _caddy, c, main) {
    return caddySiteBindings(ctx, c, main);
  },

  hostSections(ctx, caddy) {
    return [caddyHostSection(ctx, caddy)];
  },

  check(ctx, caddy) {
    const routes = ctx.facts.routes.filter((r) => r.route.kind === "caddyRoute");
    const generated = new Set(routes.flatMap((r) => (r.route.auth === undefined ? [] : [r.route.auth])));
    checkCaddy(ctx, caddy, routes.map((r) => r.host), generated);
  },
};
