/**
 * `traefik-middleware-conflict`: Traefik's middlewares share one namespace per provider, and
 * nixjs defines each value once for the host, so two different middlewares by one name would
 * silently become one of them. Reported with both definitions' call sites.
 */
import type { Located } from "../../facts/located.ts";
import type { Middleware } from "../../model/middleware.ts";
import { formatSite } from "../../model/site.ts";
import type { CheckContext } from "../../validate/context.ts";

/** A middleware's settings without its call site, keys sorted: equal text, equal middleware. */
function settings(m: Middleware): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).filter((k) => k !== "site").sort().map((k) => [k, canonical(o[k])]));
  };
  return JSON.stringify(canonical(m));
}

/** Every middleware a route applies, chains' members included, with the route that uses it. */
function uses(list: readonly Middleware[], at: Located): { m: Middleware; at: Located }[] {
  return list.flatMap((m) => [{ m, at }, ...(m.kind === "chain" ? uses(m.middlewares, at) : [])]);
}

/** Two different middlewares by one name, or one named like a container's own forward auth. */
export function checkMiddlewareNames(ctx: CheckContext): void {
  const first = new Map<string, { m: Middleware; at: Located }>();
  const reported = new Set<string>();
  const offered = new Set(ctx.host.containers.filter((c) => c.enable && c.backend === "nspawn" && c.forwardAuth !== undefined).map((c) => c.name));
  for (const r of ctx.facts.routes) {
    if (r.proxy !== "traefik") continue;
    for (const use of uses(r.route.middlewares, r)) {
      const { m } = use;
      if (m.kind === "named") continue;
      if (offered.has(m.name) && !(m.kind === "forwardAuth" && m.provider === m.name) && !reported.has(m.name)) {
        reported.add(m.name);
        ctx.report.error(
          "traefik-middleware-conflict",
          use.at,
          `middleware "${m.name}" (${m.kind}, ${formatSite(m.site)}) has the name of the forward-auth middleware container ${m.name} defines: rename it`,
        );
        continue;
      }
      const seen = first.get(m.name);
      if (seen === undefined) {
        first.set(m.name, use);
      } else if (!reported.has(m.name) && settings(seen.m) !== settings(m)) {
        reported.add(m.name);
        ctx.report.error(
          "traefik-middleware-conflict",
          use.at,
          `middleware "${m.name}" is defined twice with different settings (${seen.m.kind} at ${formatSite(seen.m.site)}, ${m.kind} at ${formatSite(m.site)}): Traefik keeps one per name; rename one or share one value`,
          [seen.at],
        );
      }
    }
  }
}
