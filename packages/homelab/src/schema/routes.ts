import { asRecord, type InputProblem } from "./problems.ts";
import { bool, containerName, fqdn, port, subdomain } from "./primitives.ts";

/** The error of a route builder given something other than an object. */
export const ROUTE_OPTIONS_ERROR = "expected an object with route options { subdomain | host, port, … }";

/** Options every route builder has (`traefikRoute()`, `caddyRoute()`), spread into its schema. */
export const routeShape = {
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

/** Cross-field rules every route builder has (a proxy may add its own). */
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
  // Stated once for every route builder (not in caddyRoute's own module): a traefikRoute given
  // basicAuth has always reported this beside its unknown option, and messages stay as they are.
  if (r["public"] === true && asRecord(r["basicAuth"]) !== undefined && Object.keys(asRecord(r["basicAuth"])!).length > 0) {
    problems.push({ path: ["public"], message: "a route cannot be public and behind basic auth: drop public or basicAuth" });
  }
  return problems;
}
