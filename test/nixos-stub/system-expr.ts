import { NixError, nixEval } from "../../packages/testkit/src/index.ts";
import { hardwareConfiguration, nixosStubDir, type NixosRelease } from "./eval-server.ts";

/**
 * A NixOS system of one release evaluated directly (no flake) by the stand-in, with the machine's
 * hardware configuration (unless `hardware: false`), agenix and `module`; `body` is evaluated with
 * `check` (the full check's result), `config` and `lib` in scope.
 * @example nixEval(systemExpr('{ networking.hostName = "a"; }', "config.networking.hostName"))
 */
export function systemExpr(
  module: string,
  body = "check",
  release: NixosRelease = "26.05",
  { hardware = true }: { readonly hardware?: boolean } = {},
): string {
  const stub = (file: string): string => `(/. + ${JSON.stringify(`${nixosStubDir}/${file}`)})`;
  return [
    `let`,
    `  pkgs = import ${stub(`nixpkgs/${release}`)} { };`,
    `  inherit (pkgs) lib;`,
    `  system = pkgs.nixosStub.evalSystem {`,
    `    modules = [`,
    `      ${stub("agenix/age.nix")}`,
    hardware ? `      (${hardwareConfiguration})` : "",
    `      { nixpkgs.hostPlatform = "x86_64-linux"; system.stateVersion = "25.05"; age.identityPaths = [ "/etc/ssh/ssh_host_ed25519_key" ]; }`,
    `      (${module})`,
    `    ];`,
    `  };`,
    `  inherit (system) config;`,
    `  check = import ${stub("nixos/check.nix")} { inherit lib; } config;`,
    `in ${body}`,
  ].join("\n");
}

/**
 * The message Nix fails with evaluating `source` ("error: " and the indentation removed); throws
 * when the evaluation succeeds.
 * @example expect(errorOf(systemExpr("{ nope = 1; }"))).toContain("does not exist")
 */
export function errorOf(source: string): string {
  try {
    nixEval(source);
  } catch (error) {
    if (!(error instanceof NixError)) throw error;
    return error.stderr.replace(/^error: /, "").replace(/\n {7}/g, "\n");
  }
  throw new Error("expected Nix to fail");
}

