/**
 * Recognising an app behind a route: an OCI image by its repository name, a NixOS service by
 * its `enable` option; and reading a setting's value (a boolean, a list of addresses) the way
 * the app reads it.
 */
import { definedAt } from "../../config/defined.ts";
import { parseImage } from "../../oci/image.ts";

/**
 * True when `image`'s repository is one of `repositories`, compared by whole trailing path
 * components: `"sonarr"` matches `lscr.io/linuxserver/sonarr:4.0.9` and `ghcr.io/hotio/sonarr`,
 * `"portainer/portainer-ce"` matches `docker.io/portainer/portainer-ce:2.21.4`.
 * @example imageIs("lscr.io/linuxserver/sonarr:4.0.9", ["sonarr"]) // true
 * @example imageIs("docker.io/library/nginx:1.27", ["sonarr"]) // false
 */
export function imageIs(image: string, repositories: readonly string[]): boolean {
  const name = (parseImage(image)?.name ?? image).toLowerCase();
  return repositories.some((r) => name === r || name.endsWith(`/${r}`));
}

/**
 * True when a NixOS configuration enables the service whose `enable` option is `enable`.
 * @example nixosEnables({ services: { gitea: { enable: true } } }, ["services", "gitea", "enable"]) // true
 */
export function nixosEnables(config: unknown, enable: readonly string[]): boolean {
  return definedAt(config, enable) === true;
}

/**
 * A boolean as an app reads it from Nix or from its environment: `true`/`false`, or the strings
 * `"true"`, `"1"`, `"yes"`, `"on"` (and their negations); `undefined` for anything else.
 * @example boolSetting("True") // true
 * @example boolSetting(0) // undefined
 */
export function boolSetting(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  return undefined;
}

/**
 * A list of addresses as an app reads it: a Nix list of strings, or one string separated by
 * commas and/or spaces; `undefined` when it is something nixjs cannot read (a Nix expression,
 * a reference).
 * @example addressList("127.0.0.1, ::1") // ["127.0.0.1", "::1"]
 * @example addressList(["127.0.0.1"]) // ["127.0.0.1"]
 */
export function addressList(value: unknown): string[] | undefined {
  if (typeof value === "string") return value.split(/[\s,]+/).filter((s) => s.length > 0);
  if (Array.isArray(value) && value.every((v): v is string => typeof v === "string")) return value.flatMap((v) => addressList(v)!);
  return undefined;
}
