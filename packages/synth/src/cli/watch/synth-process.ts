/**
 * Each synth of `nixjs watch` runs as its own `nixjs synth` process (as `cdk watch` runs the
 * app anew): whatever a config does — end the process, throw from a timer, await forever, leak
 * memory, change globals — it cannot harm the watcher, and every run is exactly the command the
 * user knows, with its output and exit code. The process is started in its own process group,
 * so that the terminal's Ctrl-C reaches the watcher only, which lets it finish.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LOCK_FILE, STAGING_DIR } from "../../paths.ts";
import type { WatchArgs } from "../args.ts";

/** A running synth. */
export interface SynthProcess {
  /** Its exit code (`null` when a signal ended it). */
  readonly done: Promise<number | null>;
  /** Ends it at once (SIGKILL); see {@link leaveNoTrace}. */
  kill(): void;
}

/** Where the child's output goes: the watcher's own streams, or pipes forwarded to them. */
export interface SynthOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** The child writes to the process's own stdout and stderr (keeps the terminal's colours). */
  readonly inherit: boolean;
}

/**
 * Starts `nixjs synth` with the watch's options, the way this process was started (the same
 * Node, its flags — tsx's loader when run from the sources — and the same script).
 * @example const run = startSynth(args, "/repo", process.env, { stdout, stderr, inherit: true }); await run.done
 */
export function startSynth(args: WatchArgs, cwd: string, env: NodeJS.ProcessEnv, output: SynthOutput): SynthProcess {
  const argv = ["synth", "--config", args.config, "--out", args.out];
  if (args.force) argv.push("--force");
  if (args.strict) argv.push("--strict");
  if (args.quiet) argv.push("--quiet");
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...argv], {
    cwd,
    env,
    detached: true,
    stdio: output.inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  child.stdout?.setEncoding("utf8").on("data", (t: string) => output.stdout.write(t));
  child.stderr?.setEncoding("utf8").on("data", (t: string) => output.stderr.write(t));
  const done = new Promise<number | null>((resolve) => {
    child.on("error", (error) => {
      output.stderr.write(`error: could not start synth: ${error.message}\n`);
      resolve(2);
    });
    child.on("close", (code) => resolve(code));
  });
  return { done, kill: () => child.kill("SIGKILL") };
}

/**
 * After a synth was killed: finishes or discards what it left (its journal decides), under
 * the lock it held, which is taken over since its process is dead, then releases it. A lock
 * held by a live process (another synth) is left alone. Goes through the contained root, as
 * synth itself does: nothing is touched through a symbolic link below the output directory.
 * @example await leaveNoTrace("/repo/server", "server")
 */
export async function leaveNoTrace(outDir: string, display: string): Promise<void> {
  if (!existsSync(join(outDir, LOCK_FILE)) && !existsSync(join(outDir, STAGING_DIR))) return;
  const { locateOutDir } = await import("../../contain/out-dir.ts");
  const { acquireLock, releaseLock } = await import("../../write/lock.ts");
  const { recover } = await import("../../write/journal.ts");
  const located = locateOutDir(outDir, display);
  if (located.kind === "missing") return;
  const attempt = await acquireLock(located.root);
  if (attempt.kind !== "acquired") return;
  try {
    await recover(located.root);
  } finally {
    await releaseLock(located.root, attempt.lock);
  }
}
