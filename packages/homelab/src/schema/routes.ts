import { z, type Input } from "./zod.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { bool, containerName, email, fqdn, identifier, port, subdomain } from "./primitives.ts";

const hostShape = {
  /**
   * Host name below the homelab's `domain`: `"photos"` answers `photos.example.org`.
   * Give either `subdomain` or `host`.
   * @example subdomain: "photos"
   */
  subdomain: subdomain.optional(),
  /**
   * Full host name the route answers to.
   * @example host: "sonarr.example.org"
   */
  host: fqdn.optional(),
  /**
   * The target port: a service port (`ports`) of an nspawn container, a published host port
   * of a Podman container.
   * @example port: 2283
   */
  port,
  /**
   * Name of the container whose `forwardAuth` (Authelia) guards the route.
   * @example auth: "authelia"
   */
  auth: containerName.optional(),
  /**
   * Reachable without authentication on purpose; silences the `route-no-auth` warning.
   * @example public: true
   */
  public: bool("public").optional(),
};

/** Options of `traefikRoute()`. */
export const traefikRouteSchema = z.strictObject(
  {
    ...hostShape,
    /**
     * Further Traefik middlewares, applied after `auth`.
     * @example middlewares: ["compress"]
     */
    middlewares: z.array(identifier("middleware")).optional(),
    /**
     * Entry point; `traefik({ entryPoint })` when absent.
     * @example entryPoint: "websecure"
     */
    entryPoint: identifier("entry point").optional(),
    /**
     * TLS certificate resolver; `traefik({ certResolver })` when absent.
     * @example certResolver: "cloudflare"
     */
    certResolver: identifier("certificate resolver").optional(),
  },
  { error: "expected an object with route options { subdomain | host, port, … }" },
);

const BCRYPT = /^\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}$/;

/** Options of `caddyRoute()`. */
export const caddyRouteSchema = z.strictObject(
  {
    ...hostShape,
    /**
     * Per-site ACME e-mail (`tls <email>`); the `caddy({ email })` account otherwise.
     * @example tlsEmail: "admin@example.org"
     */
    tlsEmail: email.optional(),
    /**
     * Basic-auth users and their bcrypt hashes (`caddy hash-password`); never a plain password.
     * @example basicAuth: { alice: "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG" }
     */
    basicAuth: z
      .record(
        z.string().regex(/^[A-Za-z0-9_.@-]+$/, { error: 'expected a user name like "alice"' }),
        z.string({ error: "expected a bcrypt hash" }).regex(BCRYPT, {
          error: 'expected a bcrypt hash from "caddy hash-password" (plain passwords are not accepted)',
        }),
        { error: "expected { user: bcryptHash }" },
      )
      .optional(),
    /**
     * Further Caddyfile directives for the site body.
     * @example extraConfig: "encode zstd gzip"
     */
    extraConfig: z.string({ error: "expected Caddyfile text" }).optional(),
  },
  { error: "expected an object with route options { subdomain | host, port, … }" },
);

/** What `traefikRoute()` accepts. */
export type TraefikRouteOptions = Input<typeof traefikRouteSchema>;
/** What `caddyRoute()` accepts. */
export type CaddyRouteOptions = Input<typeof caddyRouteSchema>;

/** Cross-field rules of both route builders. */
export function routeProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  const problems: InputProblem[] = [];
  if (r["subdomain"] !== undefined && r["host"] !== undefined) {
    problems.push({ path: ["host"], message: "give either subdomain or host, not both" });
  }
  if (r["subdomain"] === undefined && r["host"] === undefined) {
    problems.push({ path: ["subdomain"], message: 'required option missing: give subdomain (e.g. "photos") or host (e.g. "photos.example.org")', code: "missing-option" });
  }
  if (r["public"] === true && r["auth"] !== undefined) {
    problems.push({ path: ["public"], message: "a route cannot be public and behind auth: drop public or auth" });
  }
  if (r["public"] === true && asRecord(r["basicAuth"]) !== undefined && Object.keys(asRecord(r["basicAuth"])!).length > 0) {
    problems.push({ path: ["public"], message: "a route cannot be public and behind basic auth: drop public or basicAuth" });
  }
  return problems;
}
