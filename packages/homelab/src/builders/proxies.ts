import type { Caddy, Traefik } from "../model/index.ts";
import { caddySchema, traefikSchema, type CaddyOptions, type TraefikOptions } from "../schema/proxies.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { parseInput } from "./parse.ts";

/**
 * Traefik: by default the `traefik` nspawn container on the host network (seed 000),
 * listening on :80 and :443; `mode: "service"` runs it as a host service instead. Routes
 * (`traefikRoute`) use its entry point and certificate resolver unless they name their own.
 *
 * @example traefik({ entryPoint: "websecure", certResolver: "cloudflare" })
 * @example traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } })
 */
export function traefik(options: TraefikOptions = {}): Traefik {
  const site = captureSite(traefik);
  const standIn = () => ({ mode: "service", entryPoint: "websecure", environmentFiles: [], site });
  return guarded("traefik", standIn, () => {
    const o = parseInput(traefikSchema, options, { label: callLabel("traefik"), site });
    return branded("traefik", {
      kind: "traefik",
      mode: o.mode ?? "container",
      entryPoint: o.entryPoint ?? "websecure",
      ...optional("certResolver", o.certResolver),
      ...optional("acme", o.acme && { email: o.acme.email, ...optional("dnsProvider", o.acme.dnsProvider) }),
      environmentFiles: o.environmentFiles ?? [],
      redirectToHttps: o.redirectToHttps ?? true,
      dashboard: o.dashboard ?? false,
      site,
    } satisfies Traefik);
  });
}

/**
 * Caddy as a host service on :80 and :443 (TCP, and UDP for HTTP/3); routes (`caddyRoute`)
 * become its virtual hosts. Beside Traefik, move it to other ports (`httpPort`, `httpsPort`).
 * @example caddy({ email: "admin@example.org" })
 * @example caddy({ httpPort: 8081, httpsPort: 8443 })
 */
export function caddy(options: CaddyOptions = {}): Caddy {
  const site = captureSite(caddy);
  return guarded("caddy", () => ({ site }), () => {
    const o = parseInput(caddySchema, options, { label: callLabel("caddy"), site });
    return branded("caddy", {
      kind: "caddy",
      ...optional("email", o.email),
      // Defaults are left out, so the renderer only writes ports that differ from NixOS's.
      ...optional("httpPort", o.httpPort === 80 ? undefined : o.httpPort),
      ...optional("httpsPort", o.httpsPort === 443 ? undefined : o.httpsPort),
      site,
    } satisfies Caddy);
  });
}
