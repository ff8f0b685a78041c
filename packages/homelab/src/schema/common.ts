import { z } from "./zod.ts";
import type { Route } from "../model/index.ts";
import { isRoute } from "../model/brand.ts";
import { routeBuilderNames } from "../proxies/index.ts";
import { absolutePath, bool, ipv4, mountPath, port, protocol } from "./primitives.ts";
import { portOpen } from "./host-network.ts";
import { isSecret } from "../model/brand.ts";
import { isPlainObject } from "../config/plain.ts";

/** A value made by a route builder (`route()`, or a proxy's short form: `traefikRoute()`, `caddyRoute()`). */
const routeRef = z.custom<Route>(isRoute, { error: `expected a route made by ${routeBuilderNames()}` });

/**
 * A port a service listens on: a number (TCP on every address) or `{ port, protocol, address }`.
 * @example 2283
 * @example { port: 53, protocol: "udp" }
 * @example { port: 8080, address: "127.0.0.1" }
 */
export const servicePort = z.union(
  [
    port,
    z.strictObject({
      /** @example port: 53 */
      port,
      /** Default `"tcp"`. @example protocol: "udp" */
      protocol: protocol.optional(),
      /** Bind address; every address (`"0.0.0.0"`) when absent. @example address: "127.0.0.1" */
      address: ipv4.optional(),
      /**
       * How the firewall opens it: on every interface when absent (unless bound to loopback);
       * `false` declares the listener without opening it (LAN-only behind another firewall),
       * `{ interface }` opens it on that interface only.
       * @example open: false
       * @example open: { interface: "enp1s0" }
       */
      open: portOpen.optional(),
    }),
  ],
  { error: "expected a port 1–65535 or { port, protocol, address }" },
);

/** Options every container and host service has. */
export const commonShape = {
  /**
   * `false` keeps the definition (and its reserved address) but leaves it out of the system.
   * Default `true`.
   * @example enable: false
   */
  enable: bool("enable").optional(),
  /**
   * Free text, written as a comment above the definition.
   * @example description: "Photo library"
   */
  description: z
    .string({ error: "expected a description" })
    .regex(/^[^\0]*$/, { error: "a description cannot contain a NUL byte" })
    .optional(),
};

/** `route` / `routes` of a container. */
export const routeShape = {
  /**
   * The reverse-proxy route to this container (at `port`; a route with `to` goes there).
   * @example route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" })
   * @example route: route({ subdomain: "photos", port: 2283, auth: "authelia" })
   */
  route: routeRef.optional(),
  /**
   * Several routes (e.g. two host names); added after `route`.
   * @example routes: [caddyRoute({ subdomain: "a", port: 80 }), caddyRoute({ subdomain: "b", port: 81 })]
   */
  routes: z.array(routeRef).optional(),
};

// ── State directories, generated configuration files and plain env files (both kinds) ──

const ownerName = (what: string) =>
  z
    .string({ error: `expected a ${what} like "1000" or "jellyfin"` })
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$/, { error: `expected a ${what} like "1000" or "jellyfin"` });

/** A host path for state: absolute, no spaces or `:` (Podman's volume syntax), not in the Nix store. */
const statePath = mountPath.refine((p) => !/^\/nix\/store(\/|$)/.test(p), {
  error: "the Nix store is read-only: state cannot live there (pick a path like /var/lib/<name> or /srv/<name>)",
});

/**
 * A state directory: created on the host with its owner and mode (a tmpfiles rule), mounted
 * writable into the container.
 * @example { hostPath: "/srv/immich/library", mountPoint: "/data", user: "1000", group: "1000", mode: "0750" }
 */
export const stateDirectory = z.strictObject(
  {
    /** Where it is on the host: anywhere but the Nix store. @example hostPath: "/srv/immich/library" */
    hostPath: statePath,
    /** Where the container sees it. Default: `hostPath`. @example mountPoint: "/data" */
    mountPoint: mountPath.optional(),
    /** Its owner (a name or a numeric id, as the host knows it). Default `"root"`. @example user: "1000" */
    user: ownerName("user").optional(),
    /** Its group. Default `"root"`. @example group: "1000" */
    group: ownerName("group").optional(),
    /** Octal mode. Default `"0755"`. @example mode: "0750" */
    mode: z
      .string({ error: 'expected an octal mode like "0750"' })
      .regex(/^0?[0-7]{3}$/, { error: 'expected an octal mode like "0750"' })
      .optional(),
  },
  { error: "expected { hostPath, mountPoint, user, group, mode }" },
);

type Format = "yaml" | "json" | "toml" | "ini";

/** Why `value` is not data `format` can write, and where below the value; undefined when it is. */
export function formatValueProblem(format: Format, value: unknown, path: readonly (string | number)[] = []): { path: (string | number)[]; message: string; value: unknown } | undefined {
  const at = (message: string) => ({ path: [...path], message, value });
  const depth = path.length;
  if (isSecret(value)) {
    return at("a secret cannot go into a configuration file (it is written to the world-readable Nix store): write the path where the container finds it instead, e.g. \"/run/secrets/db-password\"");
  }
  if (format === "ini") {
    if (depth === 0) {
      if (!isPlainObject(value)) return at("an INI file is { section: { key: value } }");
      for (const [k, v] of Object.entries(value)) {
        if (!isPlainObject(v)) return { path: [...path, k], message: "an INI section is { key: value }", value: v };
        const p = formatValueProblem(format, v, [...path, k]);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    if (depth === 1) {
      for (const [k, v] of Object.entries(value as object)) {
        const p = formatValueProblem(format, v, [...path, k]);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    if (value === null || typeof value === "boolean" || typeof value === "string") return undefined;
    if (typeof value === "number") return Number.isFinite(value) ? undefined : at("expected a finite number");
    return at("an INI value is a string, number, boolean or null");
  }
  if (format === "toml" && depth === 0 && !isPlainObject(value)) return at("a TOML file is a table: { key: value }");
  if (value === null) return format === "toml" ? at("TOML has no null: leave the key out") : undefined;
  if (typeof value === "boolean" || typeof value === "string") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : at("expected a finite number");
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = formatValueProblem(format, v, [...path, i]);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = formatValueProblem(format, v, [...path, k]);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  return at("expected plain data: strings, numbers, booleans, null, lists and objects");
}

/**
 * A configuration file written into the Nix store from data with NixOS's `pkgs.formats`
 * (`(pkgs.formats.yaml { }).generate …`) and mounted read-only into the container. The store
 * is world-readable: no secrets in `value` (a secret's path as a string is fine).
 * @example { mountPoint: "/app/config/settings.yaml", format: "yaml", value: { title: "Home" } }
 */
export const configFile = z
  .strictObject(
    {
      /** Where the container sees the file. @example mountPoint: "/app/config/settings.yaml" */
      mountPoint: mountPath,
      /** `pkgs.formats.<format>`. @example format: "toml" */
      format: z.enum(["yaml", "json", "toml", "ini"], { error: 'expected "yaml", "json", "toml" or "ini"' }),
      /**
       * The file's content as data: for INI `{ section: { key: value } }`; TOML has no null.
       * @example value: { server: { port: 8080, hosts: ["a", "b"] } }
       */
      value: z.unknown(),
      /** The store file's name. Default `<container>-<file name>`. @example name: "homepage-settings.yaml" */
      name: z
        .string({ error: 'expected a file name like "app.yaml"' })
        .regex(/^[A-Za-z0-9+_?=-][A-Za-z0-9+._?=-]*$/, { error: 'expected a file name like "app.yaml" (letters, digits, "+-._?=")' })
        .optional(),
    },
    { error: "expected { mountPoint, format, value }" },
  )
  .check((ctx) => {
    const p = formatValueProblem(ctx.value.format, ctx.value.value);
    if (p !== undefined) ctx.issues.push({ code: "custom", message: p.message, input: p.value, path: ["value", ...p.path] });
  });

/** State directories and configuration files: options of both container kinds. */
export const filesShape = {
  /**
   * Directories the container keeps its state in, anywhere on the host, created with owner and
   * mode and mounted writable.
   * @example stateDirectories: [{ hostPath: "/srv/jellyfin", mountPoint: "/config", user: "1000", group: "1000", mode: "0750" }]
   */
  stateDirectories: z.array(stateDirectory).optional(),
  /**
   * Configuration files generated from data (`pkgs.formats`) and mounted read-only.
   * @example configFiles: [{ mountPoint: "/app/config/settings.yaml", format: "yaml", value: { title: "Home" } }]
   */
  configFiles: z.array(configFile).optional(),
};

/**
 * An environment file that is not a secret: a map written to the store, or a file on the host.
 * @example { values: { TZ: "Europe/Berlin" } }
 * @example "/etc/homelab/common.env"
 */
export const envFile = z.union(
  [
    absolutePath,
    z.strictObject(
      {
        /** `NAME=value` lines (world-readable in the store: no secrets). @example values: { TZ: "Europe/Berlin" } */
        values: z.record(
          z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a variable name like "TZ"' }),
          z.union([z.string().regex(/^[^\n\0]*$/, { error: "an env file value is one line" }), z.number(), z.boolean()], {
            error: "expected a string, number or boolean (secrets go in environmentFiles)",
          }),
          { error: "expected { NAME: value }" },
        ),
        /** The store file's name. Default `<container>.env`. @example name: "common.env" */
        name: z
          .string({ error: 'expected a file name like "app.env"' })
          .regex(/^[A-Za-z0-9+_?=-][A-Za-z0-9+._?=-]*$/, { error: 'expected a file name like "app.env"' })
          .optional(),
      },
      { error: "expected { values, name }" },
    ),
  ],
  { error: 'expected a host path like "/etc/app.env" or { values: { NAME: "value" } }' },
);

/** Podman's files: both kinds' plus plain env files. */
export const podmanFilesShape = {
  ...filesShape,
  /**
   * Environment files that are not secrets (`environmentFiles` of Podman, after the secret
   * ones): a map written to the store, or a path on the host.
   * @example envFiles: [{ values: { TZ: "Europe/Berlin", PUID: 1000 } }, "/etc/homelab/common.env"]
   */
  envFiles: z.array(envFile).optional(),
};
