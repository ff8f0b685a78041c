/**
 * Values that are no secret even under a secret's name: switches, empty and "unset" words,
 * placeholders filled in at run time, references (paths, addresses), public keys.
 */
import { isPublicValue } from "./public-values.ts";

/** Boolean-like strings: the value of a switch that shares a secret's name (`PASSWORD_RESET_ENABLED`). */
const BOOLEAN_LIKE = /^(?:true|false|yes|no|on|off|y|n|0|1|enabled?|disabled?)$/i;

/** Words that say "no secret set" (`password: "none"`): not a password anyone could use. */
const UNSET_WORDS = /^(?:none|null|nil|undefined)$/i;

/**
 * Placeholders some program replaces at run time: the value written is the name of the
 * secret, never the secret. Each line: the syntax and who reads it.
 */
const PLACEHOLDERS: readonly RegExp[] = [
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $DB_PASSWORD: shell, envsubst, many entrypoints
  /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?\?)[^}]*)?\}$/, // ${DB_PASSWORD}, ${DB_PASSWORD:?unset}: shell, envsubst, compose
  /^\{env\.[A-Za-z_][A-Za-z0-9_]*\}$/, // {env.TOKEN}: Caddy runtime placeholder
  /^\{\$[A-Za-z_][A-Za-z0-9_]*\}$/, // {$TOKEN}: Caddyfile environment substitution
  /^%\((?:ENV_)?[A-Za-z_][A-Za-z0-9_]*\)s$/, // %(ENV_X)s: supervisord, Python %-formatting
  /^\{\{[^{}]*\}\}$/, // {{ env "X" }}, {{ .Env.X }}: Go templates, Jinja, gomplate
  /^@[A-Za-z_][A-Za-z0-9_-]*@$/, // @password@: nixpkgs substituteAll / replace-secret at activation
  /^__[A-Z][A-Z0-9_]*__$/, // __DB_PASSWORD__, __FILE__: upper-case markers that sed/envsubst replace at start
  /^!secret(?:\.yaml)?\s+\S+$/, // !secret name: Home Assistant, zigbee2mqtt's secret.yaml
  /^!env_var\s+\S+$/, // !env_var NAME: ESPHome
  /^\$__(?:env|file|vault)\{[^}]*\}$/, // $__file{/run/agenix/x}: Grafana variable expansion
  /^env:[A-Za-z_][A-Za-z0-9_]*$/, // env:NAME: tools that read a secret from a named variable
  /^%d\/\S+$/, // %d/name: systemd's credentials directory specifier
];

/** `${NAME:-fallback}` / `{$NAME:fallback}`: the fallback is written literally, so it is judged. */
const WITH_FALLBACK = [/^\$\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)\}$/s, /^\{\$[A-Za-z_][A-Za-z0-9_]*:(.*)\}$/s];

/**
 * References: an absolute path (`/run/agenix/x`, no `=`: base64 has one where a path has
 * none), a `file:` URL, systemd `LoadCredential=id:/path` and postfix `hash:/etc/…` tables,
 * an address without credentials (`https://vault.example/v1/x`, `op://vault/item`).
 */
const REFERENCES: readonly RegExp[] = [
  /^~?\/[^\s=]*$/,
  /^file:(?:\/\/)?\/[^\s]*$/,
  /^[A-Za-z0-9_.@-]+:\/(?!\/)[^\s=]*$/,
  /^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i,
];

/** A hash value that locks an account (NixOS documents `hashedPassword = "!"`). */
export const LOCKED_MARKER = /^[!*]+$/;

/**
 * Whether the value is computed at run time: command substitution, `${…}` (also how an
 * interpolated reference reaches these rules, see `classify.ts`), and in scripts and
 * command lines any `$NAME`.
 * @example isDynamic("pre$(cat /run/agenix/x)", false) // true
 * @example isDynamic("pa$Sword", false) // false
 */
export function isDynamic(value: string, inShell: boolean): boolean {
  if (value.includes("${") || value.includes("$(") || value.includes("`")) return true;
  return inShell && /\$[A-Za-z_]/.test(value);
}

/**
 * The literal a value writes into the store, if any: `undefined` for anything harmless,
 * the fallback of `${NAME:-fallback}`, else the value itself.
 * @example literalOf("hunter2", false) // "hunter2"
 * @example literalOf("${DB_PASSWORD}", false) // undefined
 * @example literalOf("/run/agenix/db", false) // undefined
 */
export function literalOf(value: string, inShell: boolean): string | undefined {
  const v = unquote(value.trim());
  if (v === "" || BOOLEAN_LIKE.test(v) || UNSET_WORDS.test(v)) return undefined;
  for (const re of WITH_FALLBACK) {
    const m = re.exec(v);
    if (m !== null) return literalOf(m[1]!, inShell);
  }
  if (PLACEHOLDERS.some((re) => re.test(v)) || REFERENCES.some((re) => re.test(v))) return undefined;
  if (isDynamic(v, inShell) || isPublicValue(v)) return undefined;
  return v;
}

/**
 * One level of matching quotes around a value.
 * @example unquote('"hunter2"') // "hunter2"
 */
export function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/s.exec(value);
  return m === null ? value : m[2]!;
}
