/** Caddy's model object, as `caddy()` makes it (its routes are the core's `Route`). */
import type { SourceSite } from "../../model/site.ts";

/** Caddy as a host service. */
export interface Caddy {
  readonly kind: "caddy";
  readonly email?: string;
  /**
   * `services.caddy.httpPort` when not the default 80 (e.g. beside Traefik on the same host);
   * absent: 80.
   */
  readonly httpPort?: number;
  /** `services.caddy.httpsPort` when not the default 443; absent: 443. */
  readonly httpsPort?: number;
  readonly site: SourceSite;
}
