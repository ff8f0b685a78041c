/** Options newer than the pinned NixOS release (nixos-options.md §8). */
import { at, type CheckContext } from "../context.ts";

/** The release of a `…/nixos-25.05`-style nixpkgs URL, or `undefined` (unstable, a commit …). */
export function pinnedRelease(nixpkgs: string): string | undefined {
  return /nixos-(\d{2}\.\d{2})(?:$|[^\d])/.exec(nixpkgs)?.[1];
}

export function checkRelease(ctx: CheckContext): void {
  const release = pinnedRelease(ctx.lab.nixpkgs);
  if (release === undefined || release >= "25.05") return;
  for (const c of ctx.enabled) {
    if (c.backend === "nspawn" && c.privateUsers !== undefined && c.privateUsers !== "no") {
      ctx.report.error("option-unavailable", at(c, ".privateUsers"), `privateUsers exists from NixOS 25.05 on, but nixpkgs is ${release}: pin a newer nixpkgs or drop privateUsers`);
    }
  }
}
