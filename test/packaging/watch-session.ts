/**
 * `nixjs watch` in a child process, driven by its output: the test waits for the lines the
 * command prints after each run, never for a time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { userEnv } from "../../packages/synth/test-support/packed-install.ts";

/** A running `nixjs watch`. */
export class WatchSession {
  #output = "";
  #cursor = 0;
  readonly #child: ChildProcess;
  readonly #exited: Promise<number | null>;
  #waiters: (() => void)[] = [];

  constructor(bin: string, args: readonly string[], cwd: string, env: Record<string, string> = {}) {
    this.#child = spawn(bin, ["watch", ...args], { cwd, env: userEnv(env) });
    const append = (t: string): void => {
      this.#output += t;
      for (const wake of this.#waiters) wake();
    };
    this.#child.stdout!.setEncoding("utf8").on("data", append);
    this.#child.stderr!.setEncoding("utf8").on("data", append);
    this.#exited = new Promise((resolve) => this.#child.on("close", (code) => {
      resolve(code);
      for (const wake of this.#waiters) wake();
    }));
  }

  /** Everything printed so far (stdout and stderr, in the order they came). */
  get output(): string {
    return this.#output;
  }

  /**
   * Waits until the output printed since the previous `next` contains `pattern`; returns that
   * output (up to the end of the match) and moves past it. Rejects if the command ends first.
   */
  async next(pattern: RegExp): Promise<string> {
    for (;;) {
      const rest = this.#output.slice(this.#cursor);
      const m = pattern.exec(rest);
      if (m !== null) {
        const end = m.index + m[0].length;
        this.#cursor += end;
        return rest.slice(0, end);
      }
      if (this.#child.exitCode !== null || this.#child.signalCode !== null) {
        throw new Error(`nixjs watch ended (${this.#child.exitCode ?? this.#child.signalCode}) before printing ${pattern}:\n${this.#output}`);
      }
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
      this.#waiters = [];
    }
  }

  /** Sends `signal` and resolves with the exit code. */
  async stop(signal: NodeJS.Signals = "SIGINT"): Promise<number | null> {
    this.#child.kill(signal);
    return this.#exited;
  }
}
