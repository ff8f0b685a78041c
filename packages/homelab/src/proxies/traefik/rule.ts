/** A route's matchers as a Traefik (v3) rule. */
import type { NixStringPart } from "@nixjs/expr-printer";
import type { Route } from "../../model/routing.ts";

/**
 * `Host(…)`, then `PathPrefix(…)`/`PathRegexp(…)` and the client addresses
 * (`ClientIP(…) || ClientIP(…)`), joined with `&&`; `host` is the host name's string parts
 * (`photos.${domain}`, or `cfg.domain` in the modules layout).
 * @example traefikRule(["photos.", DOMAIN], route) // Host(`photos.${domain}`) && PathPrefix(`/api`)
 */
export function traefikRule(host: readonly NixStringPart[], route: Route): NixStringPart[] {
  const { match } = route;
  const parts: NixStringPart[] = ["Host(`", ...host, "`)"];
  if (match.path?.kind === "prefix") parts.push(` && PathPrefix(\`${match.path.prefix}\`)`);
  if (match.path?.kind === "regex") parts.push(` && PathRegexp(\`${match.path.pattern}\`)`);
  if (match.clients.length > 0) {
    const ips = match.clients.map((c) => `ClientIP(\`${c}\`)`);
    parts.push(` && ${ips.length === 1 ? ips[0]! : `(${ips.join(" || ")})`}`);
  }
  return parts;
}
