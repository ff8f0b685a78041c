import type { NixSelect } from "@nixjs/expr-printer";
import type { AuthModelKind } from "./auth.ts";
import type { Container } from "./containers.ts";
import type { Homelab, Host, HostService } from "./homelab.ts";
import type { ProxyKind } from "./proxies.ts";
import type { HostRef } from "./refs.ts";
import type { PublicValue } from "./public.ts";
import type { Middleware } from "./middleware.ts";
import type { Route } from "./routing.ts";
import type { Secret } from "./secret.ts";

/**
 * Every model object made by a builder carries this (non-enumerable) brand, its value the
 * object's `kind`. It tells a secret or a host reference nested in a `config` from user data
 * that merely has a `kind` field. `Symbol.for` keeps two copies of the package interoperable.
 */
export const MODEL_BRAND: unique symbol = Symbol.for("@nixjs/homelab.model") as never;

const HOST_REFS_KEY = Symbol.for("@nixjs/homelab.host-refs");

/**
 * The kinds of branded model objects: the core's, each proxy's (from the proxies' type map, so
 * a new proxy adds its kind here without an edit), routes and middlewares (every kind of
 * middleware is branded `"middleware"`: one brand, its `kind` says which).
 */
export type ModelKind = "secret" | "container" | ProxyKind | Route["kind"] | "middleware" | "service" | "host" | "publicValue" | "homelab"
  // auth providers, OIDC clients, DNS rewrites
  | AuthModelKind;

/**
 * The brand of a value (its kind), `undefined` for anything no builder made. For the
 * predicates: this file's, and each proxy's own (`isTraefik`, in `proxies/traefik/`).
 * @example brandOf(caddy({})) // "caddy"
 */
export function brandOf(value: unknown): unknown {
  return typeof value === "object" && value !== null
    ? (value as { [MODEL_BRAND]?: unknown })[MODEL_BRAND]
    : undefined;
}

/**
 * True for a value made by {@link import("../builders/secret.ts").secret}. In a `config` it
 * stands for its `path` (`config.age.secrets.<name>.path`).
 * @example isSecret(secret("sonarr-env")) // true
 */
export function isSecret(value: unknown): value is Secret {
  return brandOf(value) === "secret";
}

/**
 * True for a reference into the host's configuration (`containerRef(…).localAddress`,
 * `hostRef(…)`), which the renderer writes as `config.…` (reaching the host from a guest).
 * @example isHostRef(containerRef("authelia").localAddress) // true
 */
export function isHostRef(value: unknown): value is HostRef {
  return typeof value === "object" && value !== null && HOST_REFS.has(value);
}

/**
 * Host references are plain Nix selection nodes, frozen by `@nixjs/expr-printer`: they are
 * known by identity, in a set shared by every copy of this package (a registered symbol).
 */
const HOST_REFS: WeakSet<object> = ((globalThis as { [HOST_REFS_KEY]?: WeakSet<object> })[HOST_REFS_KEY] ??= new WeakSet());

/**
 * Marks `node` (a selection `config.<path>` with a plain attribute path) as a host reference.
 * @example registerHostRef(n.select("config.containers.authelia.localAddress"))
 */
export function registerHostRef(node: NixSelect): HostRef {
  HOST_REFS.add(node);
  return node as HostRef;
}

/** True for a value made by `container()`. @example isContainer(container("immich", {})) */
export function isContainer(value: unknown): value is Container {
  return brandOf(value) === "container";
}

/** True for a value made by `service()`. @example isHostService(service("cloudflared", {})) */
export function isHostService(value: unknown): value is HostService {
  return brandOf(value) === "service";
}

/** True for a value made by `host()` (a host of a fleet). @example isHost(host("nas", {…})) */
export function isHost(value: unknown): value is Host {
  return brandOf(value) === "host";
}

/** True for a value made by `publicValue()`. @example isPublicValue(publicValue("x", "a demo token")) */
export function isPublicValue(value: unknown): value is PublicValue {
  return brandOf(value) === "publicValue";
}

/**
 * True for a value made by `route()` or its short forms (`traefikRoute()`, `caddyRoute()`).
 * @example isRoute(route({ subdomain: "x", port: 80 })) // true
 */
export function isRoute(value: unknown): value is Route {
  return brandOf(value) === "route";
}

/**
 * True for a value made by a middleware builder (`forwardAuth()`, `chain()`, `headers()`, …).
 * @example isMiddleware(ipAllowList("lan", ["192.168.0.0/16"])) // true
 */
export function isMiddleware(value: unknown): value is Middleware {
  return brandOf(value) === "middleware";
}

/** True for any value a builder made (a model object, never user data). */
export function isModelObject(value: unknown): boolean {
  return brandOf(value) !== undefined;
}

/** True for a value made by `homelab()`. @example isHomelab(lab) */
export function isHomelab(value: unknown): value is Homelab {
  return brandOf(value) === "homelab";
}
