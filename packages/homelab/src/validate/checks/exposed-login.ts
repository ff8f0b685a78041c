/**
 * The login an admin app asks for itself, so `admin-ui-public` does not report an app that is
 * not "without authentication": Portainer and Cockpit always ask; the *arr apps when their
 * authentication is Forms or Basic and required for every address (the default
 * "DisabledForLocalAddresses" lets in whatever a proxy on the same host forwards); Pi-hole
 * unless its password is set empty; Dozzle and AdGuard Home once users are configured.
 * Read only where set, as the app reads it (an image's environment, a NixOS module's
 * settings); a setting nixjs cannot see (a file in a volume) is not guessed.
 */
import { definedAt } from "../../config/defined.ts";
import type { AppSurface } from "./route-backends.ts";

/**
 * How an admin app asks for its own login.
 * - `always`: it cannot be turned off (Portainer's admin account, Cockpit's system login);
 * - `servarr`: the *arr apps' `<APP>__AUTH__METHOD` / `__REQUIRED` (NixOS: `settings.auth`);
 * - `whenSet`: on once a setting holds something other than `off` (a non-empty list of users);
 * - `unlessEmpty`: on unless one of the variables is set to the empty string.
 */
export type OwnLogin =
  | { readonly kind: "always" }
  | { readonly kind: "servarr"; readonly app: string }
  | { readonly kind: "whenSet"; readonly env?: string; readonly nixos?: readonly string[]; readonly off: readonly string[] }
  | { readonly kind: "unlessEmpty"; readonly env: readonly string[] };

/** A setting as the app reads it: an image's environment variable, or a NixOS option. */
function setting(surface: AppSurface, env: string | undefined, nixos: readonly string[] | undefined): unknown {
  if (surface.kind === "image") return env === undefined ? undefined : surface.c.environment[env];
  return nixos === undefined ? undefined : definedAt(surface.config, nixos);
}

const lower = (v: unknown): string | undefined => (typeof v === "string" ? v.trim().toLowerCase() : undefined);

/**
 * True when the app on `surface` asks everyone who reaches it to log in.
 * @example hasOwnLogin({ kind: "image", c: sonarr }, { kind: "servarr", app: "sonarr" }) // true with SONARR__AUTH__METHOD=Forms
 */
export function hasOwnLogin(surface: AppSurface, login: OwnLogin): boolean {
  switch (login.kind) {
    case "always":
      return true;
    case "servarr": {
      // Servarr's config from the environment: SONARR__AUTH__METHOD; nixpkgs writes
      // services.sonarr.settings.auth.method as that variable.
      const env = login.app.toUpperCase();
      const read = (key: string) => lower(setting(surface, `${env}__AUTH__${key.toUpperCase()}`, ["services", login.app, "settings", "auth", key]));
      const method = read("method");
      // Required defaults to Enabled; DisabledForLocalAddresses admits the proxy's (local) address.
      return (method === "forms" || method === "basic") && read("required") !== "disabledforlocaladdresses";
    }
    case "whenSet": {
      const value = setting(surface, login.env, login.nixos);
      if (Array.isArray(value)) return value.length > 0;
      const text = lower(value);
      return text !== undefined && text !== "" && !login.off.includes(text);
    }
    case "unlessEmpty":
      return surface.kind === "image" && !login.env.some((name) => surface.c.environment[name] === "");
  }
}
