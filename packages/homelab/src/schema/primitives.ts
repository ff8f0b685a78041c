/**
 * Leaf schemas shared by the builders. Each one carries its own "expected …" message; the
 * input parser appends ", got <value>", so every problem reads the same way.
 */
import { z, type Zod } from "./zod.ts";
import { isHostRef, isPublicValue, isSecret } from "../model/index.ts";
import type { HostRef, PublicValue, Secret, StorageCategory } from "../model/index.ts";
import { parseCidr, parseIpv4 } from "../net/ipv4.ts";

/** A zod `error` param that always gives `message`. */
const msg = (message: string) => ({ error: message });

const PORT_MESSAGE = "expected a port 1–65535";
/** A TCP/UDP port. */
export const port = z.int(msg(PORT_MESSAGE)).min(1, msg(PORT_MESSAGE)).max(65535, msg(PORT_MESSAGE));

export const protocol = z.enum(["tcp", "udp"], msg('expected "tcp" or "udp"'));

/** A dotted-quad IPv4 address. */
export const ipv4 = z
  .string(msg('expected an IPv4 address like "10.10.10.5"'))
  .refine((s) => parseIpv4(s) !== undefined, msg('expected an IPv4 address like "10.10.10.5"'));

/** An IPv4 network for container addresses, `/8`–`/29`, host bits clear. */
export const cidr = z.string(msg('expected an IPv4 network like "10.10.10.0/24"')).check((ctx) => {
  const result = parseCidr(ctx.value);
  if (!result.ok) ctx.issues.push({ code: "custom", message: result.reason, input: ctx.value });
});

const bool = (what: string) => z.boolean(msg(`expected true or false (${what})`));
export { bool };

/**
 * A container name as an attribute and unit name can hold it. NixOS's stricter rules for
 * nspawn names (no `_` or `.`, ≤ 11 characters with a private network) are `validate`'s
 * `container-name` check, so they are reported with the rest of the diagnostics.
 */
export const containerName = z
  .string(msg('expected a container name like "immich"'))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, msg('expected a container name: letters, digits and "-", starting with a letter or digit, at most 63 characters'));

/** `networking.hostName`: NixOS's own rule (alphanumeric ends, `-`/`_` inside, ≤ 63, no dots). */
export const hostName = z
  .string(msg('expected a host name like "server"'))
  .regex(/^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/, msg('expected a host name: letters, digits and "-", no dots, at most 63 characters'));

const LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const DOMAIN_MESSAGE = 'expected a lower-case domain name like "example.org"';

/** A lower-case DNS name (≤ 253 characters). */
export const domain = z
  .string(msg(DOMAIN_MESSAGE))
  .max(253, msg(DOMAIN_MESSAGE))
  .regex(DOMAIN, msg(DOMAIN_MESSAGE));

/** A fully qualified host name a route answers to (two labels at least). */
export const fqdn = z
  .string(msg('expected a lower-case host name like "sonarr.example.org"'))
  .max(253, msg('expected a host name of at most 253 characters'))
  .regex(new RegExp(`^${LABEL}(\\.${LABEL})+$`), msg('expected a lower-case host name like "sonarr.example.org"'));

/** One or more labels prepended to the homelab's domain. */
export const subdomain = z
  .string(msg('expected a lower-case subdomain like "photos"'))
  .max(200, msg('expected a subdomain of at most 200 characters'))
  .regex(DOMAIN, msg('expected a lower-case subdomain like "photos"'));

/** `system.stateVersion`. */
export const stateVersion = z
  .string(msg('expected a NixOS release like "25.05"'))
  .regex(/^\d{2}\.(05|11)$/, msg('expected a NixOS release like "25.05"'));

/** `nixpkgs.hostPlatform`. */
export const system = z
  .string(msg('expected a Linux system like "x86_64-linux"'))
  .regex(/^(x86_64|aarch64|i686|armv7l|armv6l|riscv64|powerpc64le)-linux$/, msg('expected a Linux system like "x86_64-linux" or "aarch64-linux"'));

/** A flake reference (`github:NixOS/nixpkgs/nixos-25.05`). */
export const flakeUrl = z
  .string(msg('expected a flake URL like "github:NixOS/nixpkgs/nixos-25.05"'))
  .regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/, msg('expected a flake URL like "github:NixOS/nixpkgs/nixos-25.05"'));

/** An absolute path without whitespace (nspawn splits its flags on whitespace). */
export const absolutePath = z
  .string(msg('expected an absolute path like "/var/lib/app"'))
  .regex(/^\/[^\s\0]*$/, msg('expected an absolute path without spaces, like "/var/lib/app"'));

/** A bind-mount path: absolute, no whitespace, no `:` (nspawn reads `host:guest`). */
export const mountPath = z
  .string(msg('expected an absolute path like "/var/lib/app"'))
  .regex(/^\/[^\s\0:,]*$/, msg('expected an absolute path without spaces, ":" or ",", like "/var/lib/app"'));

/** A module the flake imports, relative to the output directory (`./hardware-configuration.nix`). */
export const modulePath = z
  .string(msg('expected a relative path like "./hardware-configuration.nix"'))
  .regex(/^\.{1,2}\/[A-Za-z0-9._+\-/]+$/, msg('expected a relative Nix path like "./hardware-configuration.nix" (letters, digits, "._+-/")'));

/** A network interface name (Linux allows at most 15 characters). */
export const interfaceName = z
  .string(msg('expected an interface name like "enp1s0"'))
  .regex(/^[A-Za-z0-9_.-]{1,15}$/, msg('expected an interface name like "enp1s0" (at most 15 characters)'));

/** A user or group: a name or a numeric id. */
export const account = z
  .string(msg('expected a user or group like "authelia-main" or "1000"'))
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\$?$/, msg('expected a user or group like "authelia-main" or "1000"'));

/** An identifier for Traefik entry points, resolvers and middlewares. */
export const identifier = (what: string) =>
  z
    .string(msg(`expected a ${what} name`))
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(@[a-z]+)?$/, msg(`expected a ${what} name: letters, digits, "-" and "_"`));

/** An e-mail address (ACME account, per-site TLS). */
export const email = z
  .string(msg('expected an e-mail address like "admin@example.org"'))
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, msg('expected an e-mail address like "admin@example.org"'));

/** A storage category of Podman state: `/opt/<category>/<name>`. */
export const category = z.enum(
  ["media", "services", "databases", "monitoring", "business"] satisfies StorageCategory[],
  msg('expected one of "media", "services", "databases", "monitoring", "business"'),
);

/** A value made by `secret()`. */
export const secretRef = z.custom<Secret>(isSecret, msg('expected a secret made by secret("name")'));

/** A literal declared public with `publicValue()`. */
export const publicValueRef = z.custom<PublicValue>(isPublicValue, msg('expected a value made by publicValue("…", "reason")'));

/**
 * A string checked by `inner`, or a literal declared public with `publicValue()` (then
 * unchecked: the user says what it is). One schema, so a wrong value gets `inner`'s message
 * or `error`, never the other alternative's.
 * @example orPublic(z.string(), "expected a string argument")
 */
export function orPublic(inner: Zod.ZodType<string>, error: string) {
  return z
    .custom<string | PublicValue>((v) => typeof v === "string" || isPublicValue(v), msg(error))
    .check((ctx) => {
      if (typeof ctx.value !== "string") return;
      const result = inner.safeParse(ctx.value, { reportInput: true });
      if (result.success) return;
      for (const issue of result.error.issues) ctx.issues.push({ code: "custom", message: issue.message, input: ctx.value, path: [...issue.path] });
    });
}

/** A value made by `containerRef()`/`hostRef()`. */
export const hostRefValue = z.custom<HostRef>(isHostRef, msg("expected a host reference"));

/** Free text on one line (descriptions become Nix comments). */
export const oneLine = (what: string) =>
  z.string(msg(`expected ${what}`)).regex(/^[^\n\r\0]*$/, msg(`expected ${what} on one line`));
