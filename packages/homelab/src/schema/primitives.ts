/**
 * Leaf schemas shared by the builders. Each one carries its own "expected …" message; the
 * input parser appends ", got <value>", so every problem reads the same way.
 */
import { z, type Zod } from "./zod.ts";
import { isPublicValue, isSecret } from "../model/index.ts";
import type { PublicValue, Secret, StorageCategory } from "../model/index.ts";
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


/** A bcrypt hash (`caddy hash-password`, `htpasswd -B`): `$2a$`, `$2b$` or `$2y$`, cost, 53 characters. */
export const BCRYPT = /^\$2[aby]?\$\d\d\$[./A-Za-z0-9]{53}$/;

/** A bcrypt hash; never a plain password. */
export const bcryptHash = z
  .string(msg("expected a bcrypt hash"))
  .regex(BCRYPT, msg('expected a bcrypt hash from "caddy hash-password" (plain passwords are not accepted)'));

const IPV6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

/**
 * Why `text` is not a client address range (an IPv4/IPv6 address or CIDR, any prefix), or
 * `undefined`. IPv6 is checked for its characters and prefix only: cheap, and what slips
 * through is refused by the proxy at start, never silently widened.
 * @example clientRangeProblem("192.168.1.0/24") // undefined
 */
export function clientRangeProblem(text: string): string | undefined {
  const [address = "", prefix, ...rest] = text.split("/");
  if (rest.length > 0) return "expected one /prefix";
  const v6 = IPV6.test(address) && address.split("::").length <= 2;
  if (parseIpv4(address) === undefined && !v6) return 'expected an address or network like "192.168.1.0/24" or "fd00::/8"';
  if (prefix === undefined) return undefined;
  const max = v6 ? 128 : 32;
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix) || Number(prefix) > max) return `expected a prefix length 0–${max} after "/"`;
  return undefined;
}

/** A client address range: an IPv4/IPv6 address or a CIDR (LAN-only routers, allow-lists). */
export const clientRange = z.string(msg('expected an address or network like "192.168.1.0/24"')).check((ctx) => {
  const problem = clientRangeProblem(ctx.value);
  if (problem !== undefined) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
});

/** A URL path: starts with `/`, no spaces, quotes or backticks (they end Traefik's rule strings). */
export const urlPath = z
  .string(msg('expected a path like "/api"'))
  .regex(/^\/[^\s`"'\\]*$/, msg('expected a path starting with "/" without spaces, quotes or backticks, like "/api"'));

/**
 * Why `pattern` cannot be a proxy's regular expression (Traefik and Caddy use Go's RE2), or
 * `undefined`. It must compile, and JavaScript-only syntax RE2 rejects is refused cheaply:
 * lookaround and backreferences. RE2's `(?P<name>…)` and leading flags `(?i)` are accepted.
 * @example re2Problem("^/api/(v1|v2)/") // undefined
 * @example re2Problem("(?<=/)api") // "expected RE2 syntax (…), which has no lookbehind"
 */
export function re2Problem(pattern: string): string | undefined {
  if (/\(\?<[=!]/.test(pattern)) return "expected RE2 syntax (Traefik's and Caddy's regex engine), which has no lookbehind";
  if (/\(\?[=!]/.test(pattern)) return "expected RE2 syntax (Traefik's and Caddy's regex engine), which has no lookahead";
  if (/\\[1-9]|\\k</.test(pattern)) return "expected RE2 syntax (Traefik's and Caddy's regex engine), which has no backreferences";
  const js = pattern.replace(/^\(\?[imsU]+\)/, "").replace(/\(\?P</g, "(?<");
  try {
    new RegExp(js, "u");
    return undefined;
  } catch (error) {
    return `expected a regular expression that compiles (${(error as Error).message})`;
  }
}

/** A regular expression in RE2 syntax (Traefik's `PathRegexp`, Caddy's `path_regexp`). */
export const re2 = z.string(msg('expected a regular expression like "^/api/(v1|v2)/"')).check((ctx) => {
  const problem = re2Problem(ctx.value);
  if (problem !== undefined) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
});

/**
 * Why `text` is not an `http(s)://host[:port][/path]` URL, or `undefined`.
 * @example urlProblem("http://192.168.1.20:8123") // undefined
 */
export function urlProblem(text: string): string | undefined {
  const m = /^https?:\/\/([^/:?#\s[\]]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?(\/[^\s?#]*)?$/.exec(text);
  if (m === null) return 'expected a URL like "http://192.168.1.20:8123" (http or https, a host, an optional port and path)';
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return "expected a port 1–65535 in the URL";
  return undefined;
}

/** An `http(s)://host[:port][/path]` URL: another machine, a LAN device. */
export const httpUrl = z.string(msg('expected a URL like "http://192.168.1.20:8123"')).check((ctx) => {
  const problem = urlProblem(ctx.value);
  if (problem !== undefined) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
});

/** A middleware defined by nixjs: letters, digits, `-` and `_` (no `@provider`, that is Traefik's). */
export const middlewareName = z
  .string(msg('expected a middleware name like "secure-headers"'))
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, msg('expected a middleware name: letters, digits, "-" and "_"'));
