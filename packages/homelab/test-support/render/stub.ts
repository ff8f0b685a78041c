/**
 * Whole-tree evaluation with the workspace's stand-in NixOS (`test/nixos-stub/`): the flake's
 * `outputs` called with stand-in inputs and every module evaluated with option types checked,
 * through its documented Nix entry point `eval-flake.nix` (the TypeScript wrapper lives outside
 * this package's sources, so it is driven through Nix directly).
 */
import { fileURLToPath } from "node:url";
import { nixEval } from "@nixjs/testkit";
import { nixString } from "./files.ts";

const stubEntry = fileURLToPath(new URL("../../../../test/nixos-stub/eval-flake.nix", import.meta.url));

/**
 * The NixOS release rendered trees are evaluated as. Render still pins nixos-25.05 (which the
 * stand-in does not model) and writes the option names 25.11 and 26.05 share; until it renders
 * per release, its trees are judged as NixOS 25.11.
 */
export const stubRelease = "25.11";

/**
 * The machine's own hardware-configuration.nix (root file system, boot loader), which render
 * never writes and every non-container NixOS needs (see test/nixos-stub/eval-server.ts).
 */
const hardwareConfiguration = `{ ... }: {
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  boot.loader.systemd-boot.enable = true;
}`;

function system(dir: string, host: string, extraModules: readonly string[], release: string = stubRelease): string {
  const modules = [hardwareConfiguration, ...extraModules].map((m) => `(${m})`).join(" ");
  return (
    `import (/. + ${nixString(stubEntry)}) { flakeDir = /. + ${nixString(dir)}; host = ${nixString(host)}; ` +
    `release = ${nixString(release)}; extraModules = [ ${modules} ]; }`
  );
}

/**
 * Checks the whole system (failed assertions of host and guests, every value forced) and
 * returns the warnings. Throws Nix's error otherwise. `extraModules` are more host modules (Nix
 * text), e.g. declarations of options a hand-written module would provide.
 */
export function stubCheck(dir: string, host = "server", extraModules: readonly string[] = [], release: string = stubRelease): string[] {
  return (nixEval(`(${system(dir, host, extraModules, release)}).check.warnings`, { cwd: dir }) as string[]);
}

/**
 * Evaluates Nix expressions over the host's evaluated `config` (e.g.
 * `config.networking.nat.internalInterfaces`), returning their JSON values by key.
 */
export function stubEval<K extends string>(
  dir: string,
  values: Record<K, string>,
  host = "server",
  extraModules: readonly string[] = [],
  release: string = stubRelease,
): Record<K, unknown> {
  const fields = Object.entries(values)
    .map(([k, expr]) => `${nixString(k)} = s.toJSONable (${expr as string});`)
    .join("\n");
  return nixEval(`let s = ${system(dir, host, extraModules, release)}; config = s.config; in { ${fields} }`, { cwd: dir }) as Record<K, unknown>;
}
