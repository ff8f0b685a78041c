/** The Caddy provider: Caddy as a host service; each route a virtual host beside its container. */
import { atProxy, type Listener } from "../../facts/located.ts";
import { isCaddy } from "./builders.ts";
import type { Caddy } from "./model.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { ProxyProvider } from "../provider.ts";
import { HOST_SYSTEM } from "../../facts/systems.ts";
import { flatMiddlewares } from "../../model/middleware.ts";
import { CADDY_CODES, checkCaddy } from "./checks.ts";
import { checkCaddyRoutes } from "./route-checks.ts";
import { caddyHostSection } from "./host.ts";
import { caddySiteBindings } from "./sites.ts";

export const caddyProvider: ProxyProvider<Caddy> = {
  kind: "caddy",
  shortForm: "caddyRoute",
  option: { is: isCaddy, error: "expected a value made by caddy({...})" },
  sectionTitle: "Caddy routing",
  missing: "a caddyRoute needs Caddy: add caddy: caddy({...}) to homelab(), or use traefikRoute",
  missingSummary: "a Caddy route without caddy()",
  codes: CADDY_CODES,
  portConflictHint: " (Caddy moves with caddy({ httpPort, httpsPort }))",
  hostSecretsOption: "caddy's environmentFile",
  routeAuthOption: "basicAuth",

  /**
   * HTTP on httpPort; HTTPS on httpsPort over TCP, and over UDP for HTTP/3; likewise every
   * distinct `sitePort` of its routes (a `host:port` site), at the first route asking for it,
   * so a port conflict names that route's call.
   */
  listeners(c, routes) {
    const http = c.httpPort ?? 80;
    const https = c.httpsPort ?? 443;
    const common = { address: ANY_ADDRESS, owner: "Caddy", name: "caddy", opens: true } as const;
    const listeners: Listener[] = [
      { ...atProxy(c, "httpPort"), ...common, protocol: "tcp", port: http },
      { ...atProxy(c, "httpsPort"), ...common, protocol: "tcp", port: https },
      { ...atProxy(c, "http3"), ...common, protocol: "udp", port: https },
    ];
    // Ports Caddy binds already: a site on its HTTP port is served there, as plain HTTP.
    const seen = new Set<number>([http, https]);
    for (const r of routes) {
      const port = r.route.match.sitePort;
      if (port === undefined || seen.has(port)) continue;
      seen.add(port);
      const at = { subject: r.subject, path: [...r.path, "sitePort"], site: r.site };
      listeners.push({ ...at, ...common, protocol: "tcp", port }, { ...at, ...common, protocol: "udp", port });
    }
    return listeners;
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

  routeBindings(ctx, caddy, c, main) {
    return caddySiteBindings(ctx, caddy, c, main);
  },

  hostSections(ctx, caddy) {
    return [caddyHostSection(ctx, caddy)];
  },

  check(ctx, caddy) {
    const routes = ctx.facts.routes.filter((r) => r.proxy === "caddy");
    const generated = new Set(routes.flatMap((r) => flatMiddlewares(r.route.middlewares).flatMap((m) => (m.kind === "forwardAuth" ? [m.provider] : []))));
    // A public proxy: some route takes any client.
    const serving = routes.filter((r) => r.route.match.clients.length === 0).map((r) => r.host);
    checkCaddy(ctx, caddy, [...new Set(serving)], generated);
    checkCaddyRoutes(ctx, caddy, routes);
  },
};
