/**
 * Traefik's Docker-provider labels for routes to a Podman container (`traefik({ mode: "podman" })`):
 * the same typed routes the file provider renders (model/routing.ts), written as the labels
 * Traefik reads from the container through the Podman socket. A pure function of the model:
 * which routes become labels is decided elsewhere (`podman-routes.ts`).
 *
 * Label reference: https://doc.traefik.io/traefik/routing/providers/docker/ — keys are
 * `traefik.http.routers.<router>.<option>`, `traefik.http.services.<service>.loadbalancer.
 * server.port`, `traefik.docker.network`; list values are comma-separated.
 */
import { n, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { Homelab } from "../../model/homelab.ts";
import type { Middleware } from "../../model/middleware.ts";
import type { Route } from "../../model/routing.ts";
import { hostNameParts } from "../../render/core/context.ts";
import { WEB } from "./dynamic.ts";
import { routeRule } from "./rule.ts";

/**
 * A name Traefik accepts as one segment of a label key: a router, service or middleware name
 * between two dots. A dot would split the key (`routers.my.app.rule` is router `my`), `@`
 * separates a provider (`name@file`), and Traefik's label parser knows no quoting.
 */
export const LABEL_NAME = /^[A-Za-z0-9_-]+$/;

/** What the Traefik instance gives every route that does not name its own. */
export interface LabelDefaults {
  /** The TLS entry point (`traefik({ entryPoint })`). */
  readonly entryPoint: string;
  /** The certificate resolver (`traefik({ certResolver })`). */
  readonly certResolver?: string;
  /** Entry points with TLS defaults of their own (`entryPoints.<name>.http.tls`). */
  readonly tlsEntryPoints?: readonly string[];
}

/** One route to a Podman container, with the names and the port its labels use. */
export interface LabelledRoute {
  readonly route: Route;
  /** Router name, unique on the container (checked against {@link LABEL_NAME}). */
  readonly router: string;
  /** Load-balancer service name. */
  readonly service: string;
  /** The port inside the container: reached over the Podman network, never published. */
  readonly port: number;
}

/** Expressions that replace literals (the modules layout's `cfg.domain` and `cfg.port`). */
export interface LabelExprs {
  /** The host name of the route at `index`, or `undefined` for the literal one. */
  readonly hostParts?: (index: number) => readonly NixStringPart[] | undefined;
  /** A service's port, or `undefined` for the literal one. */
  readonly port?: (port: number) => NixExpr | undefined;
}

/** One label: its key and its value (a Nix string, with `${domain}` where the rule names it). */
export type Label = readonly [key: string, value: NixExpr];

/**
 * How a label names a middleware: every middleware nixjs defines lives in Traefik's file
 * provider (the dynamic configuration mounted into the container), and a name without a
 * provider is looked up in the labels' own provider (`docker`), hence `@file`; a named
 * middleware that gives its provider (`crowdsec@file`) is kept.
 * @example middlewareRef(forwardAuth("authelia")) // "authelia@file"
 */
export function middlewareRef(m: Middleware): string {
  return m.kind === "named" && m.name.includes("@") ? m.name : `${m.name}@file`;
}

/** The strip-prefix middleware a `path: { prefix, strip: true }` route gets, defined by its own labels. */
export function stripMiddlewareName(router: string): string {
  return `${router}-strip`;
}

/**
 * The labels of one route: its router (rule, entry point, service, middlewares, priority,
 * TLS) and, with a stripped prefix, its own `stripprefix` middleware. The service's port and
 * `traefik.enable`/`traefik.docker.network` are the container's ({@link containerLabels}).
 * @example routeLabels(lab, { entryPoint: "websecure" }, { route, router: "app", service: "app", port: 80 })
 */
export function routeLabels(lab: Pick<Homelab, "domain">, defaults: LabelDefaults, r: LabelledRoute, hostParts?: readonly NixStringPart[]): Label[] {
  const { route } = r;
  const key = (option: string): string => `traefik.http.routers.${r.router}.${option}`;
  // The file provider's rule, to the byte: one model, two renderers.
  const out: Label[] = [[key("rule"), n.str(routeRule(hostParts ?? hostNameParts(lab, route.match.host), route.match))]];
  const entryPoint = route.entryPoint ?? defaults.entryPoint;
  out.push([key("entrypoints"), n.str(entryPoint)]);
  out.push([key("service"), n.str(r.service)]);
  const refs = route.middlewares.map(middlewareRef);
  const path = route.match.path;
  if (path?.kind === "prefix" && path.strip) {
    const strip = stripMiddlewareName(r.router);
    refs.push(`${strip}@docker`);
    out.push([`traefik.http.middlewares.${strip}.stripprefix.prefixes`, n.str(path.prefix)]);
  }
  if (refs.length > 0) out.push([key("middlewares"), n.str(refs.join(","))]);
  if (route.priority !== undefined) out.push([key("priority"), n.str(String(route.priority))]);
  // As in the file provider (router.ts): a router on the plain-HTTP entry point asks for no
  // TLS (it would never match); nor does a route without TLS settings of its own on an entry
  // point with TLS defaults (a router's TLS replaces the entry point's); on any other, TLS
  // with the route's resolver, or the default certificate.
  const own = route.tls;
  const hasOwn = own.certResolver !== undefined || own.domains.length > 0 || own.options !== undefined;
  if (entryPoint !== WEB && (hasOwn || !(defaults.tlsEntryPoints ?? []).includes(entryPoint))) {
    const resolver = route.tls.certResolver ?? defaults.certResolver;
    if (resolver !== undefined) out.push([key("tls.certresolver"), n.str(resolver)]);
    else out.push([key("tls"), n.str("true")]);
    route.tls.domains.forEach((d, i) => {
      out.push([key(`tls.domains[${i}].main`), n.str(d.main)]);
      if (d.sans.length > 0) out.push([key(`tls.domains[${i}].sans`), n.str(d.sans.join(","))]);
    });
    if (route.tls.options !== undefined) out.push([key("tls.options"), n.str(`${route.tls.options}@file`)]);
  }
  return out;
}

/**
 * Every label a container gets for its routes: `traefik.enable=true` (the provider exposes
 * nothing by default), `traefik.docker.network` (the network Traefik reaches it on; required
 * as soon as the container is on two), one load-balancer service per port and each route's
 * router. Sorted by key, as the container's own labels are.
 * @example containerLabels(lab, defaults, "media", [{ route, router: "sonarr", service: "sonarr", port: 8989 }])
 */
export function containerLabels(
  lab: Pick<Homelab, "domain">,
  defaults: LabelDefaults,
  network: string,
  routes: readonly LabelledRoute[],
  exprs: LabelExprs = {},
): Label[] {
  const { hostParts, port: portExpr } = exprs;
  const out: Label[] = [
    ["traefik.enable", n.str("true")],
    ["traefik.docker.network", n.str(network)],
  ];
  const services = new Map<string, number>();
  for (const r of routes) services.set(r.service, r.port);
  for (const [service, port] of services) {
    const expr = portExpr?.(port);
    out.push([`traefik.http.services.${service}.loadbalancer.server.port`, expr === undefined ? n.str(String(port)) : n.str([n.call("toString", expr)])]);
  }
  routes.forEach((r, i) => out.push(...routeLabels(lab, defaults, r, hostParts?.(i))));
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
