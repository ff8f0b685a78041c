/** The input schema of `traefik()` (`traefikRoute()`'s is in route.ts). */
import { bool, email, identifier, secretRef } from "../../schema/primitives.ts";
import { z, type Input } from "../../schema/zod.ts";
import { traefikPodmanShape } from "./podman-schema.ts";
import { staticShape } from "./static-schema.ts";

/** Options of `traefik()`. */
export const traefikSchema = z.strictObject(
  {
    /**
     * `"container"`: the `traefik` nspawn container on the host network (seed 000);
     * `"service"`: `services.traefik` on the host; `"podman"`: the `traefik` Podman container,
     * routing to Podman containers by the labels nixjs writes on them. Default `"container"`.
     * @example mode: "service"
     */
    mode: z.enum(["container", "service", "podman"], { error: 'expected "container", "service" or "podman"' }).optional(),
    ...traefikPodmanShape,
    /**
     * The TLS entry point routes use by default (on :443). Default `"websecure"`.
     * @example entryPoint: "websecure"
     */
    entryPoint: identifier("entry point").optional(),
    /**
     * Certificate resolver routes use by default.
     * @example certResolver: "cloudflare"
     */
    certResolver: identifier("certificate resolver").optional(),
    /**
     * ACME account of `certResolver`: DNS-01 with `dnsProvider`, HTTP-01 otherwise.
     * @example acme: { email: "admin@example.org", dnsProvider: "cloudflare" }
     */
    acme: z
      .strictObject(
        {
          /** @example email: "admin@example.org" */
          email,
          /** @example dnsProvider: "cloudflare" */
          dnsProvider: identifier("DNS provider").optional(),
        },
        { error: "expected { email, dnsProvider }" },
      )
      .optional(),
    /**
     * Secrets with environment variables for Traefik (e.g. `CF_DNS_API_TOKEN=…`).
     * @example environmentFiles: [secret("traefik-env")]
     */
    environmentFiles: z.array(secretRef).optional(),
    /**
     * Redirect plain HTTP (:80) to the TLS entry point. Default `true`.
     * @example redirectToHttps: false
     */
    redirectToHttps: bool("redirectToHttps").optional(),
    /**
     * Serve the dashboard (`api.dashboard`; the short form of `api: { dashboard }`). Default `false`.
     * @example dashboard: true
     */
    dashboard: bool("dashboard").optional(),
    ...staticShape,
  },
  { error: "expected an object with Traefik options" },
);

/** What `traefik()` accepts. */
export type TraefikOptions = Input<typeof traefikSchema>;
