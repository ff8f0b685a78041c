import type { Plan } from "../plan/types.ts";
import type { Paint } from "./color.ts";

/**
 * Unified diffs (disk → what synth would write) of every changed file, removals included
 * (`+++ /dev/null`), with `a/` and `b/` prefixes as git prints them. The manifest's diff
 * (hashes) is left out. Loads the `diff` package only when called, so a synth that shows
 * no diff never pays for it.
 * @example process.stdout.write(await formatDiffs(plan, "server", paint(false)))
 */
export async function formatDiffs(plan: Plan, out: string, p: Paint): Promise<string> {
  // A disowned file keeps its bytes: nothing to show.
  const changed = plan.changes.filter((c) => c.kind !== "unchanged" && c.kind !== "disown");
  if (changed.length === 0) return "";
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import("diff");
  const prefix = out === "." ? "" : `${out}/`;
  const parts: string[] = [];
  for (const c of changed) {
    const before = c.kind === "create" ? "" : c.previous.toString("utf8");
    const after = c.kind === "delete" ? "" : c.bytes.toString("utf8");
    const oldName = c.kind === "create" ? "/dev/null" : `a/${prefix}${c.path}`;
    const newName = c.kind === "delete" ? "/dev/null" : `b/${prefix}${c.path}`;
    const options = { context: 3, headerOptions: FILE_HEADERS_ONLY };
    parts.push(colorPatch(createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, options), p));
  }
  return parts.join("");
}

function colorPatch(patch: string, p: Paint): string {
  return patch
    .split("\n")
    .map((line) =>
      line.startsWith("+++") || line.startsWith("---") ? p.bold(line)
        : line.startsWith("+") ? p.green(line)
        : line.startsWith("-") ? p.red(line)
        : line.startsWith("@@") ? p.cyan(line)
        : line,
    )
    .join("\n");
}
