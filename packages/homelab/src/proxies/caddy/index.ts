/** The Caddy provider: Caddy as a host service; each route a virtual host beside its container. */
import { atProxy } from "../../facts/located.ts";
import { isCaddy } from "./builders.ts";
import type { Caddy } from "./model.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { ProxyProvider } from "../provider.ts";
import { caddyHostSections } from "./host.ts";
import { caddySiteBindings } from "./sites.ts";

export const caddyProvider: ProxyProvider<Caddy> = {
  kind: "caddy",
  shortForm: "caddyRoute",
  option: { is: isCaddy, error: "expected a value made by caddy({...})" },
  sectionTitle: "Caddy routing",
  missing: "a caddyRoute needs Caddy: add caddy: caddy({...}) to homelab(), or use traefikRoute",
  missingSummary: "a Caddy route without caddy()",
  codes: {},
  portConflictHint: " (Caddy moves with caddy({ httpPort, httpsPort }))",
  routeAuthOption: "basicAuth",

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

  secrets() {
    return [];
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
    return caddyHostSections(ctx, caddy);
  },

  check() {},
};
