/**
 * Watching a set of files for `nixjs watch`: one `fs.watch` per folder that holds one of them
 * (not per file: an editor that saves by writing a new file and renaming it over the old one
 * would end a watch on the file itself), and a callback a short while after the last change,
 * so that one save — often several events — or a burst of saves starts one synth.
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";

/** How long after the last change the callback runs. */
export const DEBOUNCE_MS = 100;

/** A file set being watched; {@link FileWatcher.watch} replaces the set. */
export interface FileWatcher {
  /** Watches exactly `files` (absolute paths); with `anySource`, any `.ts`/`.js`/`.json` file in their folders too. */
  watch(files: readonly string[], anySource?: boolean): void;
  /** Stops watching; no callback runs after it. */
  close(): void;
}

const SOURCE = /\.(?:[cm]?[jt]sx?|json)$/;

/**
 * Calls `onChange` with the changed files (absolute paths, sorted) `DEBOUNCE_MS` after the last
 * change among the watched files.
 * @example const w = fileWatcher((changed) => rerun(changed)); w.watch(["/repo/homelab.config.ts"])
 */
export function fileWatcher(onChange: (changed: readonly string[]) => void): FileWatcher {
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Set<string>();
  let anySource = false;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = (): void => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending = new Set();
    onChange(changed);
  };
  const changedIn = (dir: string, name: string | Buffer | null): void => {
    if (closed || name === null) return;
    const file = join(dir, name.toString());
    if (!wanted.has(file) && !(anySource && SOURCE.test(file))) return;
    pending.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, DEBOUNCE_MS);
  };

  return {
    watch(files, any = false) {
      if (closed) return;
      wanted = new Set(files);
      anySource = any;
      const dirs = new Set(files.map((f) => dirname(f)));
      for (const [dir, w] of watchers) {
        if (dirs.has(dir)) continue;
        w.close();
        watchers.delete(dir);
      }
      for (const dir of dirs) {
        if (watchers.has(dir)) continue;
        try {
          const w = watch(dir, { persistent: true }, (_event, name) => changedIn(dir, name));
          // A folder deleted while watched: forget it; the next run watches what exists then.
          w.on("error", () => {
            w.close();
            watchers.delete(dir);
          });
          watchers.set(dir, w);
        } catch {
          // The folder does not exist (yet): nothing to watch there.
        }
      }
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/**
 * For messages: `homelab.config.ts`, or `a.ts, b.ts, c.ts and 3 more`.
 * @example listFiles(["homelab.config.ts", "lib/apps.ts"]) // "homelab.config.ts, lib/apps.ts"
 */
export function listFiles(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}
