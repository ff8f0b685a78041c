/** The input schema of `route()`, the general route builder. */
import { caddyReverseProxySchema } from "../proxies/caddy/schema.ts";
import { PROXY_KINDS } from "../model/proxy-kinds.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { middlewareRef } from "./middleware.ts";
import { bool, clientRange, containerName, email, hostName, httpUrl, identifier, ipv4, port, re2, urlPath } from "./primitives.ts";
import { routeProblems, routeShape } from "./routes.ts";
import { z, type Input, type Zod } from "./zod.ts";

const msg = (message: string) => ({ error: message });

/** The forms of `to`, by the key that names each. */
const TARGETS = {
  // First: `{ host, container, port }` also has the key `container`.
  host: z
    .strictObject(
      {
        /** Another host of the fleet. @example host: "nas" */
        host: hostName,
        /** A container on it. @example container: "jellyfin" */
        container: containerName.optional(),
        /** Or a host service on it. @example service: "samba" */
        service: containerName.optional(),
        /** The port it is published on there. @example port: 8096 */
        port,
      },
      msg("expected { host, container | service, port }"),
    )
    .check((ctx) => {
      if ((ctx.value.container === undefined) === (ctx.value.service === undefined)) {
        ctx.issues.push({ code: "custom", input: ctx.value, path: [], message: "give one of container or service (what the route reaches on that host)" });
      }
    }),
  container: z.strictObject({ /** @example container: "immich" */ container: containerName, /** @example port: 2283 */ port }, msg("expected { container, port }")),
  service: z.strictObject({ /** @example service: "hass" */ service: containerName, /** @example port: 8123 */ port }, msg("expected { service, port }")),
  hostPort: z.strictObject({ /** @example hostPort: 8123 */ hostPort: port, /** Default "127.0.0.1". @example address: "10.0.0.2" */ address: ipv4.optional() }, msg("expected { hostPort, address? }")),
  url: z.strictObject({ /** @example url: "http://192.168.1.20:8123" */ url: httpUrl }, msg("expected { url }")),
  podman: z.strictObject({ /** @example podman: "authentik-server" */ podman: containerName, /** @example port: 9000 */ port, /** @example network: "authentik" */ network: containerName }, msg("expected { podman, port, network }")),
  redirect: z.strictObject({ /** @example redirect: "https://example.org" */ redirect: httpUrl, /** 301/308 instead of 302/307. Default true. @example permanent: false */ permanent: bool("permanent").optional() }, msg("expected { redirect, permanent? }")),
} as const;

const TO_ERROR = 'expected "api@internal" or one of { container, port }, { host, container | service, port }, { service, port }, { hostPort }, { url }, { podman, port, network }, { redirect }';

/** `to`: checked by the form its key names, so a mistake gets that form's message. */
const routeTo = z
  .custom<"api@internal" | Zod.input<(typeof TARGETS)[keyof typeof TARGETS]>>((v) => v === "api@internal" || (asRecord(v) !== undefined && Object.keys(TARGETS).some((k) => k in (v as object))), msg(TO_ERROR))
  .check((ctx) => {
    if (ctx.value === "api@internal") return;
    const key = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).find((k) => k in (ctx.value as object))!;
    const result = TARGETS[key].safeParse(ctx.value, { reportInput: true });
    if (result.success) return;
    for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: issue.input, path: [...issue.path] } as never);
  });

/** Options of `route()`. */
export const routeSchema = z.strictObject(
  {
    subdomain: routeShape.subdomain,
    host: routeShape.host,
    /**
     * Only requests under this path prefix (Traefik `PathPrefix`, Caddy `handle`).
     * @example path: "/api"
     */
    path: urlPath.optional(),
    /**
     * Only requests whose path matches this regular expression (RE2: Traefik `PathRegexp`,
     * Caddy `path_regexp`).
     * @example pathRegex: "^/api/v[0-9]+/"
     */
    pathRegex: re2.optional(),
    /**
     * Remove `path` before proxying (Traefik `stripPrefix`, Caddy `handle_path`). Default false.
     * @example stripPrefix: true
     */
    stripPrefix: bool("stripPrefix").optional(),
    /**
     * Only these client addresses (a LAN-only router beside the public one): Traefik
     * `ClientIP`, Caddy `remote_ip`.
     * @example clients: ["192.168.1.0/24", "fd00::/8"]
     */
    clients: z.array(clientRange, msg('expected a list of addresses or networks like ["192.168.1.0/24"]')).optional(),
    /**
     * Where requests go; required for a route given to `homelab({ routes })`. Given to a
     * container without `to`, the route targets that container at `port`.
     * @example to: { service: "hass", port: 8123 }
     * @example to: { host: "nas", container: "jellyfin", port: 8096 }
     * @example to: { url: "http://192.168.1.20:8123" }
     * @example to: "api@internal"
     * @example to: { redirect: "https://example.org" }
     */
    to: routeTo.optional(),
    /**
     * Caddy: serve the route's host name on this port of its own, Caddy's `host:port` site
     * address (a LAN-only admin UI beside the public site); Caddy's HTTPS port otherwise.
     * @example sitePort: 8443
     */
    sitePort: port.optional(),
    /**
     * The port of the container the route is given to (a service port of an nspawn
     * container, a published host port of a Podman container).
     * @example port: 2283
     */
    port: port.optional(),
    /**
     * Forward auth through this provider (`authelia()`, or a container with `forwardAuth`):
     * a `forwardAuth` middleware at the front of the chain.
     * @example auth: "authelia"
     */
    auth: containerName.optional(),
    /**
     * Middlewares, applied in order (after `auth`).
     * @example middlewares: [secureHeaders, ipAllowList("lan", ["192.168.0.0/16"])]
     */
    middlewares: z.array(middlewareRef, msg("expected a list of middlewares")).optional(),
    /**
     * Router priority; higher wins where matchers overlap (Traefik `priority`).
     * @example priority: 100
     */
    priority: z.int(msg("expected a priority 1 or more")).min(1, msg("expected a priority 1 or more")).optional(),
    /**
     * TLS of the route; the proxy's defaults otherwise.
     * @example tls: { certResolver: "letsencrypt", domains: [{ main: "example.org", sans: ["*.example.org"] }] }
     * @example tls: { internal: true }
     */
    tls: z
      .strictObject(
        {
          /** Traefik certificate resolver. @example certResolver: "letsencrypt-staging" */
          certResolver: identifier("certificate resolver").optional(),
          /** Traefik `tls.domains`: wildcard certificates. @example domains: [{ main: "*.example.org" }] */
          domains: z
            .array(
              z.strictObject(
                {
                  /** @example main: "*.example.org" */
                  main: z.string(msg('expected a host name like "*.example.org"')).regex(/^(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, msg('expected a host name like "example.org" or "*.example.org"')),
                  /** @example sans: ["example.org"] */
                  sans: z.array(z.string().regex(/^(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, msg('expected a host name like "example.org" or "*.example.org"'))).optional(),
                },
                msg("expected { main, sans? }"),
              ),
            )
            .optional(),
          /** Traefik TLS options by name. @example options: "modern" */
          options: identifier("TLS options").optional(),
          /** Caddy per-site ACME e-mail. @example email: "admin@example.org" */
          email: email.optional(),
          /** Caddy's own CA (`tls internal`). @example internal: true */
          internal: bool("internal").optional(),
        },
        msg("expected { certResolver?, domains?, options?, email?, internal? }"),
      )
      .optional(),
    /**
     * Traefik entry point; the proxy's default TLS entry point when absent.
     * @example entryPoint: "websecure"
     */
    entryPoint: identifier("entry point").optional(),
    public: routeShape.public,
    /**
     * The proxy that serves the route; needed only on a host with both.
     * @example proxy: "caddy"
     */
    proxy: z.enum(PROXY_KINDS, msg(`expected ${PROXY_KINDS.map((k) => `"${k}"`).join(" or ")}`)).optional(),
    /**
     * Caddy: further Caddyfile directives for the route's handler.
     * @example extraConfig: "encode zstd gzip"
     */
    extraConfig: z.string(msg("expected Caddyfile text")).optional(),
    /**
     * Caddy: further upstreams (load-balanced), `lb_policy`, `header_up` and `header_down` of
     * the route's `reverse_proxy`.
     * @example reverseProxy: { upstreams: ["192.168.1.21:8096"], headerUp: { Host: "{upstream_hostport}" } }
     */
    reverseProxy: caddyReverseProxySchema.optional(),
  },
  msg("expected an object with route options { subdomain | host, port | to, … }"),
);

/** What `route()` accepts. */
export type RouteOptions = Input<typeof routeSchema>;

/** `route()`'s cross-field rules, beside those every route builder has. */
export function routeOptionProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  const problems = routeProblems(raw);
  if (r["path"] !== undefined && r["pathRegex"] !== undefined) problems.push({ path: ["pathRegex"], message: "give either path or pathRegex, not both" });
  if (r["stripPrefix"] === true && r["path"] === undefined) problems.push({ path: ["stripPrefix"], message: "stripPrefix removes path: give path too" });
  if (r["to"] !== undefined && r["port"] !== undefined) problems.push({ path: ["port"], message: "give either to (with its own port) or port (of the container the route is given to), not both" });
  return problems;
}
