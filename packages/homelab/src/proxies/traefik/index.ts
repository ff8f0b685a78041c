/**
 * The Traefik provider: the `traefik` NixOS container on the host network (seed 000), or a
 * host service; routes in its dynamic configuration, beside the container they route to.
 */
import { atProxy } from "../../facts/located.ts";
import type { Traefik } from "./model.ts";
import { isTraefik } from "./builders.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import { HOST_SYSTEM } from "../../facts/systems.ts";
import type { ProxyProvider } from "../provider.ts";
import { traefikRouteBindings, WEB } from "./dynamic.ts";
import { traefikContainerFile, traefikServiceFile } from "./static.ts";

export const traefikProvider: ProxyProvider<Traefik> = {
  kind: "traefik",
  shortForm: "traefikRoute",
  option: { is: isTraefik, error: "expected a value made by traefik({...})" },
  sectionTitle: "Traefik routing",
  missing: "a traefikRoute needs Traefik: add traefik: traefik({...}) to homelab(), or use caddyRoute",
  missingSummary: "a Traefik route without traefik()",
  codes: {
    "unknown-entry-point": { severity: "error", summary: "a route names an entry point Traefik does not define" },
  },
  fileConflictHint: ' (or pick traefik({ mode: "container" }))',
  hostSecretsOption: "traefik's environmentFiles",

  listeners(t) {
    const owner = t.mode === "container" ? "the traefik container" : "the Traefik service";
    return [
      { ...atProxy(t, "entryPoints", WEB), protocol: "tcp", address: ANY_ADDRESS, port: 80, owner, name: "traefik", opens: true },
      { ...atProxy(t, "entryPoints", t.entryPoint), protocol: "tcp", address: ANY_ADDRESS, port: 443, owner, name: "traefik", opens: true },
    ];
  },

  secrets(t) {
    const system = t.mode === "container" ? { kind: "guest" as const, container: "traefik" } : HOST_SYSTEM;
    return t.environmentFiles.map((secret, i) => ({ secret, system, how: "declared" as const, enabled: true, at: atProxy(t, "environmentFiles", i) }));
  },

  containerNames(t) {
    return t.mode === "container" ? ["traefik"] : [];
  },

  containerClash(name) {
    return `traefik({ mode: "container" }) already defines the container "${name}": rename this container, or use traefik({ mode: "service" })`;
  },

  files(lab, t) {
    const owner = atProxy(t);
    if (t.mode === "service") return [{ path: "services/traefik.nix", owner }];
    return [{ path: lab.layout.kind === "modules" ? "containers/traefik/index.nix" : "containers/traefik.nix", owner }];
  },

  renderFile(ctx, t, file) {
    return t.mode === "service" ? traefikServiceFile(t, ctx.facts.release) : traefikContainerFile(ctx, t, file.path);
  },

  routeBindings(ctx, t, c, main) {
    return traefikRouteBindings(ctx, t, c, main);
  },

  hostSections() {
    return [];
  },

  check(ctx, t) {
    if (t.acme?.dnsProvider !== undefined && t.environmentFiles.length === 0) {
      ctx.report.warning(
        "acme-dns-credentials",
        atProxy(t, "acme", "dnsProvider"),
        `the DNS-01 challenge with "${t.acme.dnsProvider}" needs the provider's API credentials (for Cloudflare CF_DNS_API_TOKEN=…): put them in a secret and pass it in environmentFiles`,
      );
    }
    for (const r of ctx.facts.routes) {
      if (r.proxy !== "traefik" || r.route.entryPoint === undefined) continue;
      const known = [WEB, t.entryPoint];
      if (!known.includes(r.route.entryPoint)) {
        ctx.report.error(
          "unknown-entry-point",
          r,
          `${r.host} uses entry point "${r.route.entryPoint}", which Traefik does not define (it has ${known.map((k) => `"${k}"`).join(" and ")}): drop entryPoint or use one of those`,
        );
      }
    }
  },
};
