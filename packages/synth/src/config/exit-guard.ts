/**
 * A config is a program: it can call `process.exit()`, which would end synth behind its back
 * (exit 0, nothing written: `--check` would pass on a stale tree). While synth runs, the real
 * `process.exit` is replaced by one that throws {@link ExitCalled}, so the call is reported as
 * the config's mistake instead.
 */

/** What `process.exit(code)` throws while {@link interceptExit} is in force. */
export class ExitCalled extends Error {
  override readonly name = "ExitCalled";
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${code === undefined ? "" : String(code)}) was called`);
  }
}

/**
 * Replaces `process.exit` until the returned function restores it. Nested calls stack.
 * @example const restore = interceptExit(); try { await import(config) } finally { restore() }
 */
export function interceptExit(): () => void {
  const real = process.exit;
  process.exit = ((code?: number | string | null) => {
    throw new ExitCalled(code);
  }) as typeof process.exit;
  return () => {
    process.exit = real;
  };
}

/** The config synth loaded (or is loading), for the command's last-resort handlers. */
export interface ConfigInFlight {
  readonly absolutePath: string;
  readonly displayName: string;
  /** True while its import runs (a top-level await that never settles leaves it true). */
  readonly loading: boolean;
}

let current: ConfigInFlight | undefined;

/**
 * Records which config is loading (`loading: true`) or was loaded (`false`), so that a late
 * throw or an early end can be blamed on the right file.
 * @example markConfig({ absolutePath, displayName, loading: true })
 */
export function markConfig(config: ConfigInFlight): void {
  current = config;
}

/** @example configInFlight()?.displayName // "homelab.config.ts" */
export function configInFlight(): ConfigInFlight | undefined {
  return current;
}
