/**
 * Whole-tree evaluation with the stand-in NixOS as a chosen release (`stub.ts` judges trees as
 * 25.11 only): the flake's outputs with stand-in inputs, every value checked, for the tests of
 * options that must hold on each supported release.
 */
import { fileURLToPath } from "node:url";
import { nixEval } from "@nixjs/testkit";
import { nixString } from "./files.ts";

const stubEntry = fileURLToPath(new URL("../../../../test/nixos-stub/eval-flake.nix", import.meta.url));

/** The NixOS releases the stand-in models. */
export const STUB_RELEASES = ["25.11", "26.05"] as const;

/** The machine's hardware-configuration.nix, which render never writes. */
const hardware = `{ ... }: { fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; }; boot.loader.systemd-boot.enable = true; }`;

function system(dir: string, host: string, release: string, extraModules: readonly string[]): string {
  const modules = [hardware, ...extraModules].map((m) => `(${m})`).join(" ");
  return `import (/. + ${nixString(stubEntry)}) { flakeDir = /. + ${nixString(dir)}; host = ${nixString(host)}; release = ${nixString(release)}; extraModules = [ ${modules} ]; }`;
}

/**
 * The system's warnings after checking it whole (assertions of host and guests, every value
 * forced), and the JSON values of `values` (Nix expressions over `config`).
 * @example evalAs(dir, "26.05", { rules: "config.systemd.tmpfiles.rules" })
 */
export function evalAs<K extends string>(
  dir: string,
  release: string,
  values: Record<K, string>,
  options: { readonly host?: string; readonly extraModules?: readonly string[] } = {},
): Record<K, unknown> & { readonly warnings: string[] } {
  const fields = Object.entries(values)
    .map(([k, expr]) => `${nixString(k)} = s.toJSONable (${expr as string});`)
    .join("\n");
  const expr = `let s = ${system(dir, options.host ?? "server", release, options.extraModules ?? [])}; config = s.config; in { warnings = s.check.warnings; ${fields} }`;
  return nixEval(expr, { cwd: dir }) as Record<K, unknown> & { warnings: string[] };
}
