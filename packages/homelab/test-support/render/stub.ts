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

function system(dir: string, host: string): string {
  return `import (/. + ${nixString(stubEntry)}) { flakeDir = /. + ${nixString(dir)}; host = ${nixString(host)}; }`;
}

/**
 * Checks the whole system (failed assertions of host and guests, every value forced) and
 * returns the warnings. Throws Nix's error otherwise.
 */
export function stubCheck(dir: string, host = "server"): string[] {
  return (nixEval(`(${system(dir, host)}).check.warnings`, { cwd: dir }) as string[]);
}

/**
 * Evaluates Nix expressions over the host's evaluated `config` (e.g.
 * `config.networking.nat.internalInterfaces`), returning their JSON values by key.
 */
export function stubEval<K extends string>(dir: string, values: Record<K, string>, host = "server"): Record<K, unknown> {
  const fields = Object.entries(values)
    .map(([k, expr]) => `${nixString(k)} = s.toJSONable (${expr as string});`)
    .join("\n");
  return nixEval(`let s = ${system(dir, host)}; config = s.config; in { ${fields} }`, { cwd: dir }) as Record<K, unknown>;
}
