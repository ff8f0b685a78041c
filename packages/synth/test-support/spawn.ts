/**
 * Runs the real command in a child process, as `npx tsx synth` does: node with tsx's loader
 * (and the `@nixjs/source` condition), started directly (no wrapper process), so that a
 * signal reaches the process doing the I/O.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
/** tsx's loader (its package's main export), as a URL for `node --import`. */
export const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href;
/**
 * Node's options that run this repository's TypeScript as `npx tsx synth` does: tsx's loader,
 * and `@nixjs/*` resolved to their sources (the `@nixjs/source` export condition), not `dist/`.
 */
export const FROM_SOURCES = ["--conditions=@nixjs/source", "--import", TSX_LOADER] as const;
/**
 * How node runs `script`: a bundled `.mjs` (see bundled.ts) as it is, TypeScript from the
 * sources.
 */
function nodeArgs(script: string): string[] {
  return script.endsWith(".mjs") ? [script] : [...FROM_SOURCES, script];
}
/** The repository's root `synth.ts`. */
export const ROOT_SYNTH = fileURLToPath(new URL("../../../synth.ts", import.meta.url));
/** The `nixjs` bin of `@nixjs/synth`: it runs the build (`dist/`), so `pnpm build` first. */
export const NIXJS_BIN = fileURLToPath(new URL("../bin/nixjs.js", import.meta.url));
/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** A stand-in command whose config stage reads a JSON file map (see fixture-cli.ts). */
export const FIXTURE_CLI = fileURLToPath(new URL("./fixture-cli.ts", import.meta.url));

/** A finished child: exit code (null when killed), output. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `script` with `args` under tsx (a bundled `.mjs`: plain node), synchronously. `env` adds to a clean environment. */
export function runScript(script: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }): ChildRun {
  const r = spawnSync(process.execPath, [...nodeArgs(script), ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: childEnv(options.env),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `script` until it announces its pause before disk change number `pauseAt`, then
 * SIGKILLs it there. Resolves `killed: false` when the run ends before reaching that point.
 */
export async function runAndKillAt(
  script: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; pauseAt: number },
): Promise<{ killed: boolean; operation: string; run: ChildRun }> {
  const env = { ...options.env, NIXJS_INTERNAL_PAUSE_AT: String(options.pauseAt) };
  const r = await runUntilPause(script, args, options.cwd, env, (_operation, pid) => process.kill(pid, "SIGKILL"));
  return { killed: r.signal === "SIGKILL", operation: r.operation, run: r.run };
}

/**
 * Runs `script` until it announces its pause before disk change number `pauseAt`, calls
 * `atPause` there (the process is blocked: the test may change the tree), then lets it go on
 * and waits for it to end. `paused` is false when the run ended before that point.
 */
export async function runPausedAt(
  script: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; pauseAt: number; resumeFile: string },
  atPause: (operation: string) => void,
): Promise<{ paused: boolean; operation: string; run: ChildRun }> {
  const env = { ...options.env, NIXJS_INTERNAL_PAUSE_AT: String(options.pauseAt), NIXJS_INTERNAL_RESUME_FILE: options.resumeFile };
  const r = await runUntilPause(script, args, options.cwd, env, (operation) => {
    try {
      atPause(operation);
    } finally {
      writeFileSync(options.resumeFile, "");
    }
  });
  return { paused: r.operation !== "", operation: r.operation, run: r.run };
}

/**
 * Runs `script` and calls `onPause` once, when it announces its pause (`nixjs-paused <n> <pid>
 * <operation>` on stderr), with the operation and the pid to act on; resolves when it ends.
 */
function runUntilPause(
  script: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  onPause: (operation: string, pid: number) => void,
): Promise<{ operation: string; signal: NodeJS.Signals | null; run: ChildRun }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs(script), ...args], { cwd, env: childEnv(env) });
    let stdout = "";
    let stderr = "";
    let operation = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t: string) => {
      stderr += t;
      const m = /^nixjs-paused (\d+) (\d+) (.*)$/m.exec(stderr);
      if (m && operation === "") {
        operation = m[3]!;
        onPause(operation, Number(m[2]));
      }
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ operation, signal, run: { code, stdout, stderr } }));
  });
}

/**
 * The disk changes a run makes, in order (`NIXJS_INTERNAL_TRACE_OPS`): number and operation.
 * @example traceOps(FIXTURE_CLI, [], { cwd, env }).find((o) => o.op.startsWith("rename"))
 */
export function traceOps(script: string, args: readonly string[], options: { cwd: string; env?: Record<string, string> }): { n: number; op: string }[] {
  const run = runScript(script, args, { cwd: options.cwd, env: { ...options.env, NIXJS_INTERNAL_TRACE_OPS: "1" } });
  return [...run.stderr.matchAll(/^nixjs-op (\d+) (.*) @[\d.]+ms$/gm)].map((m) => ({ n: Number(m[1]), op: m[2]! }));
}

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: process.env["HOME"] ?? "/tmp", LC_ALL: "C", NO_COLOR: "1", ...extra };
}
