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
 * The frames are captured now, but turned into text only when `file`, `line` or `column` is
 * first read (then kept): V8 formats a captured stack lazily, and formatting is what costs —
 * every frame goes through the source maps (the first one of a file parses the file's whole
 * map), about three times the capture itself — while most sites are never shown (only
 * diagnostics and missing-secret warnings read them). The result is the same as reading it at
 * once: the frames and the working directory are taken now.
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
  return new CapturedSite(holder, process.cwd());
}

/**
 * A frozen {@link SourceSite} whose fields are read from the captured stack on first use, then
 * kept. They are enumerable own properties (shared accessors, defined per instance), so a site
 * compares, spreads and serialises like a plain `{ file, line, column }`.
 */
class CapturedSite implements SourceSite {
  declare readonly file: string;
  declare readonly line: number;
  declare readonly column: number;
  #holder: { stack?: string } | undefined;
  readonly #cwd: string;
  #site: SourceSite | undefined;

  constructor(holder: { stack?: string }, cwd: string) {
    this.#holder = holder;
    this.#cwd = cwd;
    Object.defineProperties(this, SITE_FIELDS);
    Object.freeze(this);
  }

  static resolve(captured: CapturedSite): SourceSite {
    if (captured.#site === undefined) {
      captured.#site = parseFirstFrame(captured.#holder?.stack ?? "", captured.#cwd);
      captured.#holder = undefined; // the frames are no longer needed
    }
    return captured.#site;
  }
}

const SITE_FIELDS: PropertyDescriptorMap = {
  file: { enumerable: true, get(this: CapturedSite) { return CapturedSite.resolve(this).file; } },
  line: { enumerable: true, get(this: CapturedSite) { return CapturedSite.resolve(this).line; } },
  column: { enumerable: true, get(this: CapturedSite) { return CapturedSite.resolve(this).column; } },
};

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
