import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** nix-instantiate failed: `stderr` holds Nix's own message, `source` what it was given. */
export class NixError extends Error {
  override readonly name = "NixError";
  constructor(
    readonly stderr: string,
    readonly source: string,
  ) {
    super(`nix-instantiate failed: ${stderr.trim()}\n--- source ---\n${truncate(source)}`);
  }
}

function truncate(text: string): string {
  return text.length > 4000 ? `${text.slice(0, 4000)}\n… (${text.length} characters)` : text;
}

/** A private HOME so Nix never reads or writes the developer's own files; removed at exit. */
const home = mkdtempSync(join(tmpdir(), "nixjs-nix-home-"));
process.once("exit", () => rmSync(home, { recursive: true, force: true }));

export interface RunOptions {
  /** Directory that relative paths in the source resolve against (stdin sources). */
  readonly cwd?: string;
}

/**
 * Runs nix-instantiate with `args`, feeding `source` on stdin (`-`), in a clean environment:
 * no NIX_PATH, a dummy store (nothing is ever built or copied), C locale.
 */
export function runNix(args: readonly string[], source: string, options: RunOptions = {}): string {
  const result = spawnSync("nix-instantiate", ["--store", "dummy://", ...args, "-"], {
    input: source,
    cwd: options.cwd,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: home, NIX_PATH: "", LC_ALL: "C" },
  });
  if (result.error !== undefined) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? "nix-instantiate is not installed: run `sh test/ensure-nix.sh` (Debian package nix-bin)"
        : `could not run nix-instantiate: ${result.error.message}`,
    );
  }
  if (result.status !== 0) throw new NixError(result.stderr, source);
  return result.stdout;
}

/** `nix-instantiate --parse`: Nix's normalised one-line rendering of the parsed source. */
export function nixParse(source: string, options?: RunOptions): string {
  return runNix(["--parse"], source, options).trimEnd();
}

/** `nix-instantiate --eval --strict --json` of `source`, decoded. */
export function nixEval(source: string, options?: RunOptions): unknown {
  return JSON.parse(runNix(["--eval", "--strict", "--json"], source, options));
}
