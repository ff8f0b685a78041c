/**
 * Traefik's routes that do not target the container they are given to: the host-level routes
 * (`homelab({ routes })`) and routes with `to` given to a container. They render in `host.nix`,
 * in Traefik's part of it: they belong to the host, not to one container's file, and Caddy
 * (which has no file of its own) renders its host-level sites there too, so both proxies put
 * them in one place.
 */
import { n, type NixStringPart } from "@nixjs/expr-printer";
import type { PlacedRoute } from "../../facts/routes.ts";
import { hostNameParts, type RenderContext } from "../../render/core/context.ts";
import { upstreamParts } from "../../render/core/upstream.ts";
import { AttrTree } from "../../render/core/tree.ts";
import type { HostSection } from "../provider.ts";
import { dynamicHttpPath, label, WEB } from "./dynamic.ts";
import type { Traefik } from "./model.ts";

/** Traefik (v3) matchers joined: `Host(…) && PathPrefix(…) && (ClientIP(…) || ClientIP(…))`. */
function rule(ctx: RenderContext, r: PlacedRoute): NixStringPart[] {
  const { match } = r.route;
  const parts: NixStringPart[] = ["Host(`", ...hostNameParts(ctx.lab, match.host), "`)"];
  if (match.path?.kind === "prefix") parts.push(` && PathPrefix(\`${match.path.prefix}\`)`);
  if (match.path?.kind === "regex") parts.push(` && PathRegexp(\`${match.path.pattern}\`)`);
  if (match.clients.length > 0) {
    const ips = match.clients.map((c) => `ClientIP(\`${c}\`)`);
    parts.push(` && ${ips.length === 1 ? ips[0]! : `(${ips.join(" || ")})`}`);
  }
  return parts;
}

/** Unique router names from host names and paths: `hass-example-org`, `photos-example-org-api`. */
function names(routes: readonly PlacedRoute[]): string[] {
  const seen = new Map<string, number>();
  return routes.map((r) => {
    const path = r.route.match.path;
    const base = label(`${r.host}${path?.kind === "prefix" ? path.prefix : path?.kind === "regex" ? "-re" : ""}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * The routers, services and route-own middlewares (strip prefix, redirect) of Traefik's
 * routes not to their own container, at the dynamic configuration's `http`.
 */
export function traefikHostRoutesSection(ctx: RenderContext, traefik: Traefik): HostSection | undefined {
  const routes = ctx.facts.routes.filter((r) => r.proxy === "traefik" && r.route.target.kind !== "attached");
  if (routes.length === 0) return undefined;
  const http = new AttrTree();
  const routerNames = names(routes);
  routes.forEach((r, i) => {
    const name = routerNames[i]!;
    const { route } = r;
    const router = new AttrTree();
    router.set(["rule"], n.str(rule(ctx, r)));
    const middlewares = route.middlewares.map((m) => m.name);
    if (route.match.path?.kind === "prefix" && route.match.path.strip) {
      http.set(["middlewares", `${name}-strip`, "stripPrefix", "prefixes"], n.list([n.str(route.match.path.prefix)]));
      middlewares.push(`${name}-strip`);
    }
    const upstream = upstreamParts(r.target);
    if (r.target.kind === "traefikApi") router.set(["service"], n.str("api@internal"));
    else if (r.target.kind === "redirect") {
      // The path and query carry over (`www.` → apex keeps `/a?b`), as Caddy's `{uri}` does.
      const to = r.target.to.replace(/\/+$/, "");
      http.set(["middlewares", `${name}-redirect`, "redirectRegex"], n.attrs([n.bind("regex", "^https?://[^/]+(.*)"), n.bind("replacement", `${to}\${1}`), n.bind("permanent", r.target.permanent)]));
      middlewares.push(`${name}-redirect`);
      // A router needs a service; the redirect answers before it is reached.
      router.set(["service"], n.str("noop@internal"));
    } else if (upstream !== undefined) {
      http.set(["services", name, "loadBalancer", "servers"], n.list([n.attrs({ url: n.str(upstream) })]));
      router.set(["service"], n.str(name));
    }
    const entryPoint = route.entryPoint ?? traefik.entryPoint;
    router.set(["entryPoints"], n.list([n.str(entryPoint)]));
    if (middlewares.length > 0) router.set(["middlewares"], n.list(middlewares.map((m) => n.str(m))));
    if (route.priority !== undefined) router.set(["priority"], n.int(route.priority));
    const resolver = route.tls.certResolver ?? traefik.certResolver;
    if (entryPoint === WEB) {
      // plain HTTP
    } else if (resolver !== undefined) router.set(["tls", "certResolver"], n.str(resolver));
    else router.set(["tls"], n.attrs({}));
    http.set(["routers", name], router);
  });
  return {
    comment: "Traefik routes of the host (not to the container they are given to)",
    bindings: [n.bind(dynamicHttpPath(traefik, ctx.facts.release), http.toAttrs())],
  };
}
