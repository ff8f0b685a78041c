/** The input schemas of `caddy()` and `caddyRoute()`. */
import { email, port } from "../../schema/primitives.ts";
import { ROUTE_OPTIONS_ERROR, routeShape } from "../../schema/routes.ts";
import { z, type Input } from "../../schema/zod.ts";

/** Options of `caddy()`. */
export const caddySchema = z.strictObject(
  {
    /**
     * ACME account e-mail (global `email`).
     * @example email: "admin@example.org"
     */
    email: email.optional(),
    /**
     * Plain-HTTP port (`services.caddy.httpPort`). Default 80.
     * @example httpPort: 8081
     */
    httpPort: port.optional(),
    /**
     * HTTPS port, TCP and UDP for HTTP/3 (`services.caddy.httpsPort`). Default 443.
     * @example httpsPort: 8443
     */
    httpsPort: port.optional(),
  },
  { error: "expected an object with Caddy options" },
);

/** What `caddy()` accepts. */
export type CaddyOptions = Input<typeof caddySchema>;

const BCRYPT = /^\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}$/;

/** Options of `caddyRoute()`. */
export const caddyRouteSchema = z.strictObject(
  {
    ...routeShape,
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
  { error: ROUTE_OPTIONS_ERROR },
);

/** What `caddyRoute()` accepts. */
export type CaddyRouteOptions = Input<typeof caddyRouteSchema>;

