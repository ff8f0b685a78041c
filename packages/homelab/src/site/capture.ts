import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceSite } from "../model/index.ts";

/** Where a site could not be found (a stack without frames, or `Error.stackTraceLimit = 0`). */
export const UNKNOWN_SITE: SourceSite = Object.freeze({ file: "<unknown>", line: 0, column: 0 });

/** `    at fn (file:///a/b.ts:3:5)`, `    at /a/b.ts:3:5`, `    at async fn (/a/b.ts:3:5)`. */
const FRAME = /^\s*at\s+(?:.*?\()?(.+?):(\d+):(\d+)\)?\s*$/;

/**
 * The call site of `builder`: the first stack frame above it, as a path relative to the
 * working directory (never an absolute path of this machine). Line and column are those of
 * the TypeScript source: tsx and vitest both install source maps for `Error.stack`.
 *
 * @param builder the public builder function; frames from it inward are skipped.
 * @example captureSite(container) // { file: "homelab.config.ts", line: 31, column: 5 }
 */
// biome-ignore lint: any function is a valid stack-trace boundary.
export function captureSite(builder: Function): SourceSite {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 4;
  try {
    Error.captureStackTrace(holder, builder);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return parseFirstFrame(holder.stack ?? "", process.cwd());
}

/**
 * The first frame of a V8 stack that names a source location, relative to `cwd`.
 * @example parseFirstFrame("Error\n    at /w/homelab.config.ts:3:5", "/w") // { file: "homelab.config.ts", line: 3, column: 5 }
 */
export function parseFirstFrame(stack: string, cwd: string): SourceSite {
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (m === null) continue;
    const [, location, lineText, columnText] = m as unknown as [string, string, string, string];
    if (location.startsWith("node:")) continue;
    return Object.freeze({
      file: relativeFile(location, cwd),
      line: Number(lineText),
      column: Number(columnText),
    });
  }
  return UNKNOWN_SITE;
}

function relativeFile(location: string, cwd: string): string {
  let file = location;
  if (file.startsWith("file://")) {
    try {
      file = fileURLToPath(file);
    } catch {
      return file;
    }
  }
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return sep === "/" ? rel : rel.split(sep).join("/");
}
