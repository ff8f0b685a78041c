import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Runs the real nixfmt (1.4.0, the formatter whose layout `print` reproduces) over many
 * texts at once: they are written into a temporary directory and formatted in place by ONE
 * nixfmt process (a process per text costs ~25 ms; one process over 2,000 small files takes
 * about a second). Test support only: nothing here ships.
 */

/** The outcome for one text: nixfmt's output, or the error it reported (a parse error). */
export type NixfmtResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/**
 * The nixfmt binary named by the environment variable `NIXFMT` (an absolute path to an
 * existing file), or a sentence saying why there is none — for a test to report loudly why
 * it skipped.
 * @example const found = nixfmtFromEnv(); if (typeof found !== "string") console.log(found.reason)
 */
export function nixfmtFromEnv(env: NodeJS.ProcessEnv = process.env): string | { readonly reason: string } {
  const path = env["NIXFMT"];
  if (path === undefined || path === "") {
    return { reason: "NIXFMT is not set (the absolute path of the nixfmt 1.4.0 binary, e.g. ../shared/tools/nixfmt/nixfmt)" };
  }
  if (!isAbsolute(path)) return { reason: `NIXFMT must be an absolute path, got ${JSON.stringify(path)}` };
  if (!existsSync(path)) return { reason: `NIXFMT names no file: ${path}` };
  return path;
}

/** The arguments of one run: `-w width`, then the file names (relative to the directory). */
function run(binary: string, dir: string, names: readonly string[], width: number): { status: number | null; stderr: string } {
  const result = spawnSync(binary, ["-w", String(width), "--", ...names], {
    cwd: dir,
    encoding: "utf8",
    // Deterministic whatever the caller's locale: nixfmt reads and writes UTF-8.
    env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, stderr: result.stderr };
}

/**
 * nixfmt's output (`nixfmt -w width`, default mode) for each text, in order. A text nixfmt
 * cannot parse gets its error message instead.
 * @example formatWithNixfmt("/path/to/nixfmt", ["[1 2]"]) // [{ ok: true, text: "[\n  1\n  2\n]\n" }]
 */
export function formatWithNixfmt(binary: string, texts: readonly string[], width = 100): NixfmtResult[] {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-nixfmt-"));
  try {
    const names = texts.map((_, i) => `${i}.nix`);
    texts.forEach((t, i) => writeFileSync(join(dir, names[i] as string), t));
    // Batches keep the command line well below the system's limit.
    const errors = new Map<number, string>();
    for (let start = 0; start < names.length; start += 2000) {
      const { status, stderr } = run(binary, dir, names.slice(start, start + 2000), width);
      if (status === 0) continue;
      // nixfmt goes on after a file it cannot parse and names it (`12.nix:3:4:`); the other
      // files are formatted (once: re-running them would format them twice).
      const starts = [...stderr.matchAll(/^(\d+)\.nix:\d+:\d+:/gm)];
      if (starts.length === 0) throw new Error(`nixfmt failed (exit ${String(status)}): ${stderr}`);
      starts.forEach((m, k) => {
        const end = k + 1 < starts.length ? (starts[k + 1] as RegExpMatchArray).index : stderr.length;
        errors.set(Number(m[1]), stderr.slice(m.index, end).trim());
      });
    }
    return names.map((name, i) => {
      const error = errors.get(i);
      return error === undefined ? { ok: true, text: readFileSync(join(dir, name), "utf8") } : { ok: false, error };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
