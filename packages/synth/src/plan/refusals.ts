/**
 * The refusals of a plan and their messages: each names the file (or the symbolic link) and
 * says how to resolve it.
 */
import { HEADER_FOR_MESSAGES } from "../header.ts";
import { compareCodeUnits, MANIFEST_FILE } from "../paths.ts";
import type { Refusal, RefusalKind } from "./types.ts";

/**
 * Whether `--force` overrides a refusal of this kind: it overrides ownership (who wrote a
 * file), never containment (a symbolic link) nor a directory or device in the way.
 * @example forceOverrides("symlink") // false
 */
export function forceOverrides(kind: RefusalKind): boolean {
  return kind !== "blocked" && kind !== "symlink";
}

/** What a refusal of each ownership kind says about `path`. */
export const OWNERSHIP_MESSAGES = {
  edited: (path: string) =>
    `${path} was edited by hand since nixjs generated it; move your change into the config (or a hand-written module), restore the file, or run with --force to overwrite it`,
  unowned: (path: string) => `${path} exists but was not written by nixjs; move it away, or run with --force to overwrite it`,
  headerless: (path: string) =>
    `${path} exists but was not written by nixjs: it does not start with ${HEADER_FOR_MESSAGES}, whatever ${MANIFEST_FILE} says; move it away, or run with --force to overwrite it`,
  editedRemoved: (path: string) =>
    `${path} is no longer generated, but it was edited by hand since nixjs wrote it; move your changes elsewhere and delete it, or run with --force to delete it`,
  notGenerated: (path: string) =>
    `${path} is listed in ${MANIFEST_FILE} as generated, but it does not start with ${HEADER_FOR_MESSAGES}, so nixjs treats it as hand-written and never deletes it (a manifest is only a claim); delete it yourself if it is no longer needed, or run with --force to keep it and drop it from the manifest`,
} as const;

/**
 * Collects the paths a plan would write or delete through each symbolic link, then gives one
 * refusal per link: a link is named once, however many generated files lie below it.
 */
export class SymlinkRefusals {
  readonly #links = new Map<string, { target: string; writes: string[]; deletes: string[] }>();

  /** `path` would be written (`write`) or deleted (`delete`) through `link`. */
  add(link: string, target: string, path: string, action: "write" | "delete"): void {
    let entry = this.#links.get(link);
    if (entry === undefined) this.#links.set(link, (entry = { target, writes: [], deletes: [] }));
    (action === "write" ? entry.writes : entry.deletes).push(path);
  }

  /** One `symlink` refusal per link. */
  refusals(): Refusal[] {
    return [...this.#links].map(([link, { target, writes, deletes }]) => ({
      kind: "symlink" as const,
      path: link,
      message: symlinkMessage(link, target, writes, deletes),
    }));
  }
}

function symlinkMessage(link: string, target: string, writes: readonly string[], deletes: readonly string[]): string {
  const head = `${link} is a symbolic link (to ${target}); nixjs never writes or deletes through a symbolic link inside its output directory, even with --force`;
  const itself = writes.includes(link) || deletes.includes(link);
  const parts: string[] = [];
  if (writes.length > 0) parts.push(`it would write ${list(writes, link)}`);
  if (deletes.length > 0) parts.push(`${MANIFEST_FILE} lists ${list(deletes, link)} as generated, to delete`);
  const fix = itself
    ? writes.length > 0
      ? "remove the link (nixjs then writes the file in its place)"
      : `remove the link, or its entry in ${MANIFEST_FILE} if the link is yours`
    : writes.length > 0
      ? "replace the link with a real directory, or move it out of the output directory"
      : `replace the link with a real directory, or remove the entries below it from ${MANIFEST_FILE} if they are not nixjs's`;
  return `${head}: ${parts.join("; ")}. To go on, ${fix}`;
}

/** Up to three paths, then how many more; the link itself reads as "it". */
function list(paths: readonly string[], link: string): string {
  const sorted = [...paths].sort(compareCodeUnits).map((p) => (p === link ? "a file there" : p));
  const shown = sorted.slice(0, 3).join(", ");
  return sorted.length > 3 ? `${shown} and ${sorted.length - 3} more` : shown;
}
