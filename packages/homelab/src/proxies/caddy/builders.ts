/** The builder of Caddy (`caddy()`) and its brand predicate (`caddyRoute()` is in route.ts). */
import { guarded } from "../../builders/collect.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { brandOf } from "../../model/brand.ts";
import { captureSite } from "../../site/capture.ts";
import type { Caddy } from "./model.ts";
import { caddySchema, type CaddyOptions } from "./schema.ts";

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

/** True for a value made by `caddy()`. @example isCaddy(caddy({})) */
export function isCaddy(value: unknown): value is Caddy {
  return brandOf(value) === "caddy";
}
