/**
 * The NixOS releases nixjs renders for. A tree is written in the shape its release expects
 * (option names, types, what exists): see `table.ts` and `docs/nixos/`. Supporting the next
 * release is one entry here and one column per option family in the table.
 */

/** Every supported release, oldest first. */
export const SUPPORTED_RELEASES = ["25.11", "26.05"] as const;

/** A NixOS release nixjs renders for. */
export type Release = (typeof SUPPORTED_RELEASES)[number];

/** The current stable release: what `homelab()` renders for unless told otherwise. */
export const DEFAULT_RELEASE: Release = "26.05";

/**
 * True for a supported release.
 * @example isRelease("26.05") // true
 */
export function isRelease(value: string): value is Release {
  return (SUPPORTED_RELEASES as readonly string[]).includes(value);
}

/**
 * The release a nixpkgs flake URL pins (`…/nixos-26.05`), or `undefined` (unstable, a commit,
 * a fork's branch).
 * @example pinnedRelease("github:NixOS/nixpkgs/nixos-25.11") // "25.11"
 */
export function pinnedRelease(nixpkgs: string): string | undefined {
  return /nixos-(\d{2}\.\d{2})(?:$|[^\d])/.exec(nixpkgs)?.[1];
}

/**
 * The nixpkgs flake input of a release.
 * @example nixpkgsUrl("26.05") // "github:NixOS/nixpkgs/nixos-26.05"
 */
export function nixpkgsUrl(release: Release): string {
  return `github:NixOS/nixpkgs/nixos-${release}`;
}

/**
 * Code-order comparison of two releases ("25.11" < "26.05"): both are `YY.MM`.
 * @example atLeast("26.05", "25.11") // true
 */
export function atLeast(release: Release, than: Release): boolean {
  return release >= than;
}
