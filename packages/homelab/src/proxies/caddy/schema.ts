/** The input schema of `caddy()` (`caddyRoute()`'s is in route.ts). */
import { email, port } from "../../schema/primitives.ts";
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
