/** The builder of Traefik (`traefik()`) and its brand predicate (`traefikRoute()` is in route.ts). */
import { guarded } from "../../builders/collect.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { brandOf } from "../../model/brand.ts";
import { captureSite } from "../../site/capture.ts";
import type { Traefik } from "./model.ts";
import { traefikSchema, type TraefikOptions } from "./schema.ts";

/**
 * Traefik: by default the `traefik` nspawn container on the host network (seed 000),
 * listening on :80 and :443; `mode: "service"` runs it as a host service instead. Routes
 * (`traefikRoute`, `route`) use its entry point and certificate resolver unless they name their own.
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

/** True for a value made by `traefik()`. @example isTraefik(traefik({})) */
export function isTraefik(value: unknown): value is Traefik {
  return brandOf(value) === "traefik";
}
