/**
 * Checks of the auth providers: each one runs somewhere real, has its own name, and (Authelia)
 * no rule written by hand in its config undoes a route's forward auth.
 */
import { atHomelab, type Located } from "../facts/located.ts";
import { servedPorts } from "../facts/routes.ts";
import type { AutheliaProvider, AuthProvider } from "../model/auth.ts";
import { flatMiddlewares } from "../model/middleware.ts";
import type { CheckContext } from "../validate/context.ts";
import { groupBy, nameOthers, reportGroups } from "../validate/report.ts";
import { pathRegex } from "./access-control.ts";
import { authRoutes, type AuthRoute } from "./routes.ts";
import { configsAt, listAt } from "./user-config.ts";

/** A provider's place: `auth[i]` of `homelab()`, at its builder's call. */
function atProvider(p: AuthProvider, i: number): Located {
  return { ...atHomelab(p, "auth", i), site: p.site };
}

function checkRunsIn(ctx: CheckContext, p: AuthProvider, at: Located): void {
  if (p.runsIn.kind === "host") return;
  const name = p.runsIn.container;
  const c = ctx.facts.byName.get(name)?.[0];
  if (c === undefined || !c.enable) {
    const why = c === undefined ? `there is no container "${name}"` : `container "${name}" is disabled`;
    ctx.report.error("auth-provider-unknown", at, `${p.kind}() "${p.name}" runs in container "${name}", but ${why}: add the container, or name the one it runs in`);
    return;
  }
  const served = servedPorts(c);
  if (served !== undefined && !served.has(p.port)) {
    const what = c.backend === "nspawn" ? "ports" : "its published host ports (ports)";
    ctx.report.error("forward-auth-port-unserved", at, `${p.kind}() "${p.name}" listens on port ${p.port}, which ${name} does not serve: add it to ${what}, or set port`);
  }
}

/**
 * True when Authelia's `domain` (a name, `*.` wildcard, or a list) or `domain_regex` of a rule
 * takes `host`.
 */
function ruleTakes(rule: { readonly [k: string]: unknown }, host: string): boolean {
  const names = ([] as unknown[]).concat(rule["domain"] ?? []);
  if (names.some((d) => typeof d === "string" && (d === host || (d.startsWith("*.") && host.endsWith(d.slice(1)))))) return true;
  return ([] as unknown[]).concat(rule["domain_regex"] ?? []).some((re) => {
    if (typeof re !== "string") return false;
    try {
      return new RegExp(re).test(host);
    } catch {
      return false;
    }
  });
}

/** The user's bypass rule that a route through `p` meets first, if any (the user's rules come first). */
function bypassing(ctx: CheckContext, p: AutheliaProvider, route: AuthRoute): { at: Located; narrowed: boolean } | undefined {
  const path = ["services", "authelia", "instances", p.instance, "settings", "access_control", "rules"];
  for (const seen of configsAt(ctx.host, p.runsIn)) {
    for (const { value, at } of listAt(seen, path)) {
      if (!ruleTakes(value, route.host)) continue;
      const resources = ([] as unknown[]).concat(value["resources"] ?? []).filter((r): r is string => typeof r === "string");
      const prefix = route.pathMatch === undefined ? undefined : pathRegex(route.pathMatch);
      // A rule for other paths than the route's leaves the route alone.
      if (resources.length > 0 && prefix !== undefined && !resources.some((r) => r === prefix)) continue;
      if (value["policy"] !== "bypass") return undefined; // the first rule that takes it decides
      return { at, narrowed: resources.length > 0 || value["networks"] !== undefined };
    }
  }
  return undefined;
}

function checkBypassed(ctx: CheckContext, p: AutheliaProvider, routes: readonly AuthRoute[], at: Located): void {
  for (const route of routes) {
    if (!flatMiddlewares(route.middlewares).some((m) => m.kind === "forwardAuth" && m.provider === p.name)) continue;
    const found = bypassing(ctx, p, route);
    if (found === undefined) continue;
    const part = found.narrowed ? "some requests to it (the rule's resources or networks)" : "it";
    ctx.report.warning(
      "auth-policy-bypassed",
      route,
      `${route.host} goes through forward auth "${p.name}", but a rule written in its config bypasses ${part}, and Authelia applies the first matching rule: the auth is a no-op there. Drop the rule, or mark the route public: true`,
      [found.at, at],
    );
  }
}

/**
 * The providers' checks: the container each runs in exists, is enabled and serves its port;
 * names are unique (also against containers offering `forwardAuth` of that name); no hand-written
 * Authelia rule bypasses a route that goes through it.
 * @example checkAuthProviders(ctx) // auth-provider-unknown, auth-provider-duplicate, auth-policy-bypassed
 */
export function checkAuthProviders(ctx: CheckContext): void {
  const { host } = ctx;
  const located = host.auth.map((p, i) => ({ ...atProvider(p, i), p }));
  reportGroups(groupBy(located, (x) => x.p.name).values(), (member, others, total) =>
    ctx.report.error("auth-provider-duplicate", member, `auth provider "${member.p.name}" is also defined by ${nameOthers(others, total)}: give each its own name`, others),
  );
  const routes = located.some((x) => x.p.kind === "authelia") ? authRoutes(ctx.lab, host) : [];
  for (const at of located) {
    const { p } = at;
    checkRunsIn(ctx, p, at);
    const short = ctx.facts.byName.get(p.name)?.[0];
    if (short?.backend === "nspawn" && short.forwardAuth !== undefined && (p.runsIn.kind === "host" || p.runsIn.container !== p.name)) {
      ctx.report.error("auth-provider-duplicate", at, `auth provider "${p.name}" has the name of container "${p.name}", which offers forwardAuth too: routes could not tell them apart; rename one`, [{ ...at, subject: { kind: "container", name: p.name }, path: ["containers", p.name, "forwardAuth"], site: short.site }]);
    }
    if (p.kind === "authelia") checkBypassed(ctx, p, routes, at);
  }
}
