import { n, type NixBinding, type NixExpr, type NixTrivia } from "@nixjs/expr-printer";
import type { Container, NixConfig, Traefik, TraefikRoute } from "../../model/index.ts";
import { hostNameParts, type RenderContext } from "./context.ts";
import { targetParts } from "./targets.ts";
import { AttrTree } from "./tree.ts";

/**
 * The modules layout's per-container options: the main route's port and host name are
 * `cfg.port` and `cfg.domain` instead of literals.
 */
export interface MainOptions {
  /** The port written as `portExpr`. */
  readonly port: number;
  readonly portExpr: NixExpr;
  /** The first route's host name (absent without a route). */
  readonly domainExpr?: NixExpr;
}

/** Traefik's plain-HTTP entry point (`:80`), always declared next to the TLS one. */
const WEB = "web";

/** Where routes land: the Traefik container's guest config, or the host service. */
export function dynamicHttpPath(traefik: Traefik): string[] {
  const service = ["services", "traefik", "dynamicConfigOptions", "http"];
  return traefik.mode === "container" ? ["containers", "traefik", "config", ...service] : service;
}

function traefikRoutes(c: Container): TraefikRoute[] {
  return c.routes.filter((r): r is TraefikRoute => r.kind === "traefikRoute");
}

/** A name safe in Traefik's dynamic config and as a Nix attribute: `photos-example-org`. */
function label(text: string): string {
  return text.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
}

/**
 * The container's part of Traefik's `dynamicConfigOptions.http`: per route a router (rule,
 * service, entry point, middlewares, TLS) and per target port a load-balancer service (its
 * URL a reference to the container's address), plus, when the container offers forward auth
 * (Authelia), the `forwardAuth` middleware other routes name. camelCase keys throughout
 * (`entryPoints`, `certResolver`): Traefik's file provider is case-sensitive.
 * Router and service are named after the container; with several routes or ports they get
 * a suffix (`<name>-<host>`, `<name>-<port>`).
 */
export function traefikHttp(ctx: RenderContext, c: Container, main?: MainOptions): AttrTree | undefined {
  const traefik = ctx.lab.traefik;
  const routes = traefikRoutes(c);
  const offersAuth = c.backend === "nspawn" && c.forwardAuth !== undefined;
  if (traefik === undefined) {
    if (routes.length > 0) throw new Error(`render: container ${c.name} has a traefikRoute but the homelab has no traefik()`);
    return undefined;
  }
  if (routes.length === 0 && !offersAuth) return undefined;
  const http = new AttrTree();
  const ports = [...new Set(routes.map((r) => r.port))];
  const serviceName = (port: number): string => (ports.length === 1 ? c.name : `${c.name}-${port}`);
  for (const port of ports) {
    const url = n.str(["http://", ...targetParts(c, port, port === main?.port ? main.portExpr : undefined)]);
    http.set(["services", serviceName(port), "loadBalancer", "servers"], n.list([n.attrs({ url })]));
  }
  routes.forEach((route, i) => {
    const name = routes.length === 1 ? c.name : `${c.name}-${label(route.host.name)}`;
    const router = new AttrTree();
    const host =
      i === 0 && main?.domainExpr !== undefined ? [main.domainExpr] : hostNameParts(ctx.lab, route.host);
    router.set(["rule"], n.str(["Host(`", ...host, "`)"]));
    router.set(["service"], n.str(serviceName(route.port)));
    const entryPoint = route.entryPoint ?? traefik.entryPoint;
    router.set(["entryPoints"], n.list([n.str(entryPoint)]));
    const middlewares = [...(route.auth === undefined ? [] : [route.auth]), ...route.middlewares];
    if (middlewares.length > 0) router.set(["middlewares"], n.list(middlewares.map((m) => n.str(m))));
    // A router on the plain-HTTP entry point must not ask for TLS (it would never match);
    // on any other, no `tls` would leave HTTPS requests unrouted.
    const resolver = route.certResolver ?? traefik.certResolver;
    if (entryPoint === WEB) {
      // plain HTTP
    } else if (resolver !== undefined) router.set(["tls", "certResolver"], n.str(resolver));
    else router.set(["tls"], n.attrs({}));
    http.set(["routers", name], router);
  });
  if (c.backend === "nspawn" && c.forwardAuth !== undefined) {
    const fa = c.forwardAuth;
    const auth = new AttrTree()
      .set(["address"], n.str(["http://", ...targetParts(c, fa.port), fa.path]))
      .set(["trustForwardHeader"], n.bool(true))
      .set(["authResponseHeaders"], n.list(fa.authResponseHeaders.map((h) => n.str(h))));
    http.set(["middlewares", c.name, "forwardAuth"], auth);
  }
  return http;
}

/** The "Traefik routing" section of a container file (empty when it has no Traefik route). */
export function traefikSection(
  ctx: RenderContext,
  c: Container,
  trivia: NixTrivia,
  main?: MainOptions,
): NixBinding[] {
  const http = traefikHttp(ctx, c, main);
  if (http === undefined || ctx.lab.traefik === undefined) return [];
  return [n.bind(dynamicHttpPath(ctx.lab.traefik), http.toAttrs(), trivia)];
}

/**
 * `services.traefik` itself: enabled, environment files (DNS API tokens, from agenix), and
 * `staticConfigOptions`, which REPLACES the module's default (`entryPoints.http`) as soon as
 * it is defined, so every entry point is declared: `web` on :80 (redirecting to the TLS entry
 * point), the TLS entry point on :443; the ACME resolver stores its account and certificates
 * under `/var/lib/traefik` (Traefik's only writable directory). Never a `null`: the TOML
 * option type rejects it.
 */
export function traefikService(traefik: Traefik): NixConfig {
  const entryPoints: Record<string, unknown> = {};
  const tls = traefik.entryPoint;
  entryPoints[WEB] = {
    address: ":80",
    ...(traefik.redirectToHttps && tls !== WEB
      ? { http: { redirections: { entryPoint: { to: tls, scheme: "https" } } } }
      : {}),
  };
  if (tls !== WEB) entryPoints[tls] = { address: ":443" };
  const staticConfig: Record<string, unknown> = { entryPoints };
  if (traefik.certResolver !== undefined && traefik.acme !== undefined) {
    const acme = traefik.acme;
    staticConfig["certificatesResolvers"] = {
      [traefik.certResolver]: {
        acme: {
          email: acme.email,
          storage: "/var/lib/traefik/acme.json",
          ...(acme.dnsProvider !== undefined
            ? { dnsChallenge: { provider: acme.dnsProvider } }
            : { httpChallenge: { entryPoint: WEB } }),
        },
      },
    };
  }
  if (traefik.dashboard) staticConfig["api"] = { dashboard: true };
  return {
    services: {
      traefik: {
        enable: true,
        ...(traefik.environmentFiles.length > 0 ? { environmentFiles: [...traefik.environmentFiles] } : {}),
        staticConfigOptions: staticConfig,
      },
    },
  };
}
