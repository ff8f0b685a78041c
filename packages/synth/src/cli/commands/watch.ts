/**
 * `nixjs watch`: a synth now and after every change of the config or of a local file it
 * imports. The files are the config's module graph as esbuild compiles it (`compileConfig`'s
 * inputs), found again after every run, so an import added or removed is followed. Runs never
 * overlap: a change during a run starts one more run after it. Ctrl-C (or SIGTERM) stops
 * watching, lets a running synth finish (a second Ctrl-C kills it, and what it left is
 * recovered), and returns 0.
 */
import { relative, resolve, sep } from "node:path";
import type { WatchArgs } from "../args.ts";
import type { CommandIo } from "../main.ts";
import { fileWatcher, listFiles } from "../watch/file-watcher.ts";
import { leaveNoTrace, startSynth, type SynthProcess } from "../watch/synth-process.ts";

/**
 * Runs `nixjs watch` until SIGINT or SIGTERM; returns 0 then.
 * @example process.exitCode = await runWatch({ config: "homelab.config.ts", out: "server", force: false, strict: false, quiet: false }, { stdout: process.stdout, stderr: process.stderr })
 */
export async function runWatch(args: WatchArgs, io: CommandIo): Promise<number> {
  // The crash tests' pause (`NIXJS_INTERNAL_PAUSE_AT`, see write/fs-ops.ts) is for the synths a
  // watch runs, not for the watch's own recovery after a kill: taken out of this process's
  // environment before anything of the write layer is loaded, and handed to each synth.
  const childEnv = { ...process.env };
  delete process.env["NIXJS_INTERNAL_PAUSE_AT"];
  const cwd = io.cwd ?? process.cwd();
  const configPath = resolve(cwd, args.config);
  const outDir = resolve(cwd, args.out);
  const show = (file: string): string => relative(cwd, file).split(sep).join("/");
  const say = (line: string): void => void io.stderr.write(`watch: ${line}\n`);
  const { compileConfig } = await import("../../config/compile-config.ts");
  const inherit = io.stdout === process.stdout && io.stderr === process.stderr;

  let running: SynthProcess | undefined;
  let again: readonly string[] | undefined;
  let stopping = false;
  let finished: () => void = () => {};
  const stopped = new Promise<void>((r) => (finished = r));

  const watcher = fileWatcher((changed) => {
    if (running !== undefined) again = [...(again ?? []), ...changed];
    else void run(changed);
  });

  /** One synth, then the module graph again, then the next run if something changed meanwhile. */
  const run = async (changed: readonly string[] | undefined): Promise<void> => {
    if (changed !== undefined) say(`${listFiles(changed.map(show))} changed`);
    running = startSynth(args, cwd, childEnv, { stdout: io.stdout, stderr: io.stderr, inherit });
    const code = await running.done;
    running = undefined;
    if (stopping) return finished();
    const graph = await compileConfig(configPath, { cwd });
    if (stopping) return;
    const files = graph.kind === "compiled" ? graph.inputs : [...new Set([configPath, ...graph.inputs])];
    // A config that does not compile may import a file that does not exist yet: any source
    // file appearing in the watched folders is then worth another try.
    watcher.watch(files, graph.kind === "failed");
    const next = again;
    again = undefined;
    if (next !== undefined) return run(next);
    const outcome = code === 0 ? "synth done" : code === 1 ? "the config has errors, nothing was written" : `synth failed (exit ${code ?? "by a signal"})`;
    const watched = files.length === 1 ? show(files[0]!) : `${files.length} files (${listFiles(files.map(show))})`;
    say(`${outcome}; watching ${watched}; Ctrl-C to stop`);
  };

  const stop = (): void => {
    if (stopping) {
      // The second Ctrl-C: end the running synth now; what it left is recovered below.
      running?.kill();
      return;
    }
    stopping = true;
    watcher.close();
    if (running === undefined) return finished();
    say("stopping when the running synth has finished (Ctrl-C again to end it now)");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  say(`synth of ${show(configPath)} into ${show(outDir) || "."}/ on every change of it or of a file it imports`);
  void run(undefined);
  await stopped;
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  try {
    await leaveNoTrace(outDir, show(outDir) || ".");
  } catch (error) {
    // A journal that cannot be trusted, a link in the way: the next synth says what to do.
    say(`could not finish what the last synth left: ${error instanceof Error ? error.message : String(error)}; run \`nixjs synth\``);
  }
  // esbuild's service process (the module graph) must not keep this one alive.
  (await import("../../config/compile-config.ts")).warmCompiler().stop();
  say("stopped");
  return 0;
}
