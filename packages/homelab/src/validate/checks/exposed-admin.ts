/**
 * `admin-ui-public` and `open-signup-public`: a route that admits the internet without a login
 * in front (no authenticating middleware, not LAN-only) to an admin interface, or to an app
 * whose configuration lets anyone sign up. A route with auth through its chain, or a LAN-only
 * route, is not reported: the owner has put something in front. Neither is an admin app that
 * asks for its own login (`exposed-login.ts`), a route limited to a path that always wants a
 * key (the *arr apps' `/api`, routed without auth for mobile apps), nor a sign-up that other
 * settings close again (SSO-only registration, an admin's confirmation, a token).
 */
import { definedAt } from "../../config/defined.ts";
import { formatPath } from "../../diagnostics/path.ts";
import { atContainer, type Located } from "../../facts/located.ts";
import { authenticates } from "../../model/middleware.ts";
import type { PathMatch, Route } from "../../model/routing.ts";
import { boolSetting, imageIs, nixosEnables } from "./app-match.ts";
import { ADMIN_APPS, SIGNUP_SETTINGS, type SignupSetting } from "./exposed-apps.ts";
import { hasOwnLogin } from "./exposed-login.ts";
import type { CheckContext } from "../context.ts";
import { backendSurfaces, routeBackend, type AppSurface } from "./route-backends.ts";
import { isLanOnly } from "./route-scope.ts";

/**
 * True when a route lets anyone on the internet in without logging in first.
 * @example openToInternet(route({ subdomain: "adguard", port: 3000, public: true })) // true
 */
export function openToInternet(route: Pick<Route, "match" | "middlewares">): boolean {
  return !authenticates(route.middlewares) && !isLanOnly(route);
}

/** An app found on a surface, where it is declared. */
export interface FoundApp {
  readonly app: string;
  readonly at: Located;
}

/** True when a route takes only requests under one of `prefixes` (`/api`, `/api/v3/…`). */
function limitedTo(path: PathMatch | undefined, prefixes: readonly string[]): boolean {
  if (path === undefined) return false;
  const under = (p: string, prefix: string) => p === prefix || p.startsWith(`${prefix}/`);
  if (path.kind === "prefix") return prefixes.some((prefix) => under(path.prefix.replace(/\/$/, ""), prefix));
  // A regex anchored at a prefix: `^/api/`, `^/api(/|$)`.
  return prefixes.some((prefix) => path.pattern.startsWith(`^${prefix}/`) || path.pattern.startsWith(`^${prefix}(/|$)`) || path.pattern.startsWith(`^${prefix}($|/)`));
}

/**
 * The admin interfaces a surface runs without a login of their own: an image of the table, a
 * NixOS service it enables. With `route`, one limited to a path that always wants a key is none.
 * @example adminApps({ kind: "image", c: adguard }) // [{ app: "AdGuard Home", at: containers.adguard.image }]
 */
export function adminApps(surface: AppSurface, route?: Pick<Route, "match">): FoundApp[] {
  const out: FoundApp[] = [];
  for (const entry of ADMIN_APPS) {
    if (entry.login !== undefined && hasOwnLogin(surface, entry.login)) continue;
    if (entry.keyedPaths !== undefined && route !== undefined && limitedTo(route.match.path, entry.keyedPaths)) continue;
    if (surface.kind === "image") {
      if (imageIs(surface.c.image, entry.images)) out.push({ app: entry.app, at: atContainer(surface.c, "image") });
    } else if (entry.nixos !== undefined && nixosEnables(surface.config, entry.nixos)) {
      out.push({ app: entry.app, at: { ...surface.at, path: [...surface.at.path, ...entry.nixos] } });
    }
  }
  return out;
}

/** An open sign-up setting found on a surface. */
export interface OpenSignup extends FoundApp {
  /** The option or variable, as written: `services.gitea.settings.service.DISABLE_REGISTRATION`. */
  readonly name: string;
  readonly value: unknown;
}

/** True when another setting closes an open sign-up again (`closedBy`). */
function closed(surface: AppSurface, entry: SignupSetting): boolean {
  return (entry.closedBy ?? []).some((c) => {
    const value = surface.kind === "image" ? (c.env === undefined ? undefined : surface.c.environment[c.env]) : c.nixos === undefined ? undefined : definedAt(surface.config, c.nixos);
    return boolSetting(value) === c.value;
  });
}

/**
 * The settings on a surface that let anyone sign up (only where set: defaults are not guessed).
 * @example openSignups({ kind: "image", c: vaultwarden }) // [{ app: "Vaultwarden", name: "SIGNUPS_ALLOWED", value: "true", … }]
 */
export function openSignups(surface: AppSurface): OpenSignup[] {
  const out: OpenSignup[] = [];
  for (const entry of SIGNUP_SETTINGS) {
    if (surface.kind === "image") {
      const image = entry.image;
      if (image === undefined || !imageIs(surface.c.image, image.images)) continue;
      const value = surface.c.environment[image.env];
      if (boolSetting(value) === entry.open && !closed(surface, entry)) out.push({ app: entry.app, at: atContainer(surface.c, "environment", image.env), name: image.env, value });
      continue;
    }
    const nixos = entry.nixos;
    if (nixos === undefined || !nixosEnables(surface.config, nixos.enable)) continue;
    for (const path of nixos.paths) {
      const value = definedAt(surface.config, path);
      if (boolSetting(value) === entry.open && !closed(surface, entry)) out.push({ app: entry.app, at: { ...surface.at, path: [...surface.at.path, ...path] }, name: formatPath(path), value });
    }
  }
  return out;
}

/** A setting's value as written, for messages: `false`, `"true"`. */
export function shownValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Traefik's own API and dashboard, as an admin interface. */
const TRAEFIK_API = "Traefik's API and dashboard (api@internal)";

/** What to do about a route open to the internet. */
const CLOSE = 'add auth (e.g. auth: "authelia") or a chain with forwardAuth(), or limit it to the LAN (clients: ["192.168.0.0/16"])';

/**
 * Reports every route that admits the internet without a login to an admin interface or to
 * an app with open sign-up, naming where the app (or the setting) is.
 */
export function checkExposedApps(ctx: CheckContext): void {
  const { report } = ctx;
  for (const r of ctx.facts.routes) {
    if (!openToInternet(r.route)) continue;
    const backend = routeBackend(ctx.facts, r.target);
    if (backend.kind === "traefikApi") {
      report.warning("admin-ui-public", r, `${r.host} routes the internet to ${TRAEFIK_API}, an admin interface, without authentication: ${CLOSE}`);
      continue;
    }
    for (const surface of backendSurfaces(ctx.facts, backend)) {
      for (const a of adminApps(surface, r.route)) {
        report.warning("admin-ui-public", r, `${r.host} routes the internet to ${a.app}, an admin interface, without authentication: ${CLOSE}`, [a.at]);
      }
      for (const s of openSignups(surface)) {
        report.warning(
          "open-signup-public",
          r,
          `${r.host} routes the internet to ${s.app}, which lets anyone sign up (${s.name} = ${shownValue(s.value)}), without authentication in front: close sign-up (invite users instead), add auth, or limit the route to the LAN`,
          [s.at],
        );
      }
    }
  }
}
