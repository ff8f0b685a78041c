/**
 * How the `nixjs` bin and the root `synth.ts` run the command: `main`, and around it the last
 * resort for what a user's config can do to the process behind synth's back — call
 * `process.exit()` from a callback, throw from a timer or a promise after loading, or await
 * something that never settles (Node would otherwise end silently, or with exit 13, or with a
 * raw stack and exit 1, the code for drift). Each of those ends the command with exit 2 and one
 * sentence naming the config file.
 */
import { writeSync } from "node:fs";
import { ExitCalled, configInFlight, interceptExit } from "../config/exit-guard.ts";
import { describeThrown, siteInConfig } from "../config/thrown.ts";
import { main } from "./main.ts";

/**
 * Runs the command for `argv` and sets the process's exit code; returns at once.
 * @example runCommand(process.argv.slice(2))
 */
export function runCommand(argv: readonly string[]): void {
  let finished = false;
  const restoreExit = interceptExit();
  const stop = (message: string, site?: string | undefined): never => {
    writeSync(2, `error: ${message}\n${site === undefined ? "" : `  at ${site}\n`}`);
    restoreExit();
    process.exit(2);
  };
  process.on("uncaughtException", (error) => stop(...blame(error)));
  process.on("unhandledRejection", (reason) => stop(...blame(reason)));
  process.on("beforeExit", () => {
    if (finished) return;
    const config = configInFlight();
    if (config?.loading) {
      stop(`${config.displayName} never finished loading: it waits for something that never happens (a top-level await on a promise nothing settles?); nothing was written`);
    }
    stop("synth stopped before it finished, with nothing left to wait for; this is a bug in nixjs (set NIXJS_DEBUG=1 and report it)");
  });
  main(argv).then(
    (code) => {
      finished = true;
      restoreExit();
      process.exitCode = code;
    },
    (error: unknown) => stop(...blame(error)),
  );
}

/** Whose fault a late throw is, in words, and the config's line when the stack has one. */
function blame(error: unknown): [message: string, site?: string | undefined] {
  const config = configInFlight();
  if (config !== undefined) {
    const site = siteInConfig(error, config.absolutePath, config.displayName);
    const after = config.loading ? "while loading" : "after loading, while synth ran";
    if (error instanceof ExitCalled) {
      return [`${config.displayName} called process.exit(${error.code ?? ""}) ${after}; a config must not end the process: remove the call`, site];
    }
    if (site !== undefined) {
      return [`${config.displayName} threw ${after}: ${describeThrown(error, config.absolutePath, config.displayName)} (from a callback or a promise it started)`, site];
    }
  }
  const text = error instanceof Error ? (process.env["NIXJS_DEBUG"] ? error.stack ?? error.message : `${error.name}: ${error.message}`) : String(error);
  return [`${text}\nThis is a bug in nixjs; set NIXJS_DEBUG=1 for the stack.`];
}
