/**
 * The nixpkgs inputs of a fleet's flake: hosts may run different releases (or a custom nixpkgs),
 * and each host is built with its own. The URL most hosts use is the input `nixpkgs` (a tie
 * goes to the newest release); every other URL of a release is `nixpkgs-<release>` with "." as
 * "_" (`nixpkgs-25_11`), and any other URL (a fork, a commit) `nixpkgs-<host>` after the first
 * host, by name, that uses it.
 */
import type { Host } from "../../model/index.ts";
import { nixpkgsUrl, pinnedRelease, SUPPORTED_RELEASES } from "../../releases/release.ts";
import { compareCodeUnits } from "../../util/order.ts";

/** One nixpkgs flake input. */
export interface NixpkgsInput {
  readonly name: string;
  readonly url: string;
}

/** The fleet's nixpkgs inputs (`nixpkgs` first, the others by name) and each host's. */
export interface NixpkgsInputs {
  readonly inputs: readonly NixpkgsInput[];
  /** The input each host is built with, by host name. */
  readonly byHost: ReadonlyMap<string, string>;
}

/** The input `nixpkgs` of the single-host flake, and of the fleet's most common URL. */
export const NIXPKGS = "nixpkgs";

function isReleaseUrl(url: string): boolean {
  return SUPPORTED_RELEASES.some((r) => nixpkgsUrl(r) === url);
}

/** Newer release first; URLs without one after; then by URL (only to be total). */
function preferred(a: string, b: string): number {
  const ra = pinnedRelease(a) ?? "";
  const rb = pinnedRelease(b) ?? "";
  if (ra !== rb) return ra > rb ? -1 : 1;
  return compareCodeUnits(a, b);
}

/**
 * The nixpkgs inputs of `hosts`, whatever their order.
 * @example
 * // dns runs 25.11, nas and proxy 26.05:
 * nixpkgsInputs([dns, nas, proxy]).inputs
 * // [{ name: "nixpkgs", url: "github:NixOS/nixpkgs/nixos-26.05" }, { name: "nixpkgs-25_11", url: "github:NixOS/nixpkgs/nixos-25.11" }]
 */
export function nixpkgsInputs(hosts: readonly Host[]): NixpkgsInputs {
  const sorted = [...hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  const users = new Map<string, Host[]>();
  for (const h of sorted) users.set(h.nixpkgs, [...(users.get(h.nixpkgs) ?? []), h]);
  const urls = [...users.keys()].sort((a, b) => (users.get(b)?.length ?? 0) - (users.get(a)?.length ?? 0) || preferred(a, b));
  const byHost = new Map<string, string>();
  const inputs: NixpkgsInput[] = [];
  urls.forEach((url, i) => {
    const those = users.get(url) ?? [];
    const release = pinnedRelease(url);
    const name =
      i === 0 ? NIXPKGS : isReleaseUrl(url) && release !== undefined ? `${NIXPKGS}-${release.replace(".", "_")}` : `${NIXPKGS}-${those[0]?.name ?? "custom"}`;
    inputs.push({ name, url });
    for (const h of those) byHost.set(h.name, name);
  });
  const [first, ...rest] = inputs;
  return { inputs: first === undefined ? [] : [first, ...rest.sort((a, b) => compareCodeUnits(a.name, b.name))], byHost };
}
