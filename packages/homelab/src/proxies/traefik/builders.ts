/** The builder of Traefik (`traefik()`) and its brand predicate (`traefikRoute()` is in route.ts). */
import { guarded } from "../../builders/collect.ts";
import { branded, optional } from "../../builders/freeze.ts";
import { callLabel } from "../../builders/label.ts";
import { parseInput } from "../../builders/parse.ts";
import { brandOf } from "../../model/brand.ts";
import { captureSite } from "../../site/capture.ts";
import type { Traefik } from "./model.ts";
import { DEFAULT_TRAEFIK_IMAGE } from "./podman-model.ts";
import { traefikPodmanProblems } from "./podman-schema.ts";
import { traefikSchema, type TraefikOptions } from "./schema.ts";
import { staticSettings, traefikProblems } from "./static-options.ts";

/**
 * Traefik: by default the `traefik` nspawn container on the host network (seed 000),
 * listening on :80 and :443; `mode: "service"` runs it as a host service instead, `mode:
 * "podman"` as a Podman container that routes to Podman containers by their labels. Routes
 * (`traefikRoute`, `route`) use its entry point and certificate resolver unless they name their own.
 *
 * @example traefik({ entryPoint: "websecure", certResolver: "cloudflare" })
 * @example traefik({ mode: "service", certResolver: "le", acme: { email: "admin@example.org" } })
 * @example traefik({
 *   certResolver: "letsencrypt",
 *   certResolvers: {
 *     letsencrypt: { email: "admin@example.org", dnsChallenge: { provider: "cloudflare" } },
 *     "letsencrypt-staging": { email: "admin@example.org", dnsChallenge: { provider: "cloudflare" }, caServer: LETSENCRYPT_STAGING },
 *   },
 *   entryPoints: { websecure: { http: { tls: { domains: [{ main: "example.org", sans: ["*.example.org"] }] } } } },
 *   tlsOptions: { modern: { minVersion: "VersionTLS13" } },
 *   environmentFiles: [secret("cloudflare-token")],
 * })
 * @example traefik({ mode: "podman", image: "docker.io/library/traefik:v3.3.5" })
 */
export function traefik(options: TraefikOptions = {}): Traefik {
  const site = captureSite(traefik);
  const standIn = (): Omit<Traefik, "kind"> => ({
    mode: "service",
    entryPoint: "websecure",
    environmentFiles: [],
    redirectToHttps: true,
    dashboard: false,
    apiInsecure: false,
    entryPoints: [],
    certResolvers: [],
    tlsOptions: [],
    container: { ephemeral: false, bindMounts: [], nameservers: [] },
    site,
  });
  return guarded("traefik", standIn, () => {
    const o = parseInput(traefikSchema, options, { label: callLabel("traefik"), site }, (raw) => [...traefikProblems(raw), ...traefikPodmanProblems(raw)]);
    return branded("traefik", {
      kind: "traefik",
      mode: o.mode ?? "container",
      ...optional("podman", o.mode === "podman" ? { image: o.image ?? DEFAULT_TRAEFIK_IMAGE, volumes: o.volumes ?? [] } : undefined),
      entryPoint: o.entryPoint ?? "websecure",
      ...optional("certResolver", o.certResolver),
      ...optional("acme", o.acme && { email: o.acme.email, ...optional("dnsProvider", o.acme.dnsProvider) }),
      environmentFiles: o.environmentFiles ?? [],
      redirectToHttps: o.redirectToHttps ?? true,
      ...staticSettings(o),
      site,
    } satisfies Traefik);
  });
}

/** True for a value made by `traefik()`. @example isTraefik(traefik({})) */
export function isTraefik(value: unknown): value is Traefik {
  return brandOf(value) === "traefik";
}
