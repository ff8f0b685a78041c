import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceSite } from "../model/index.ts";

/** Where a site could not be found (a stack without frames, or `Error.stackTraceLimit = 0`). */
export const UNKNOWN_SITE: SourceSite = Object.freeze({ file: "<unknown>", line: 0, column: 0 });

/** `    at fn (file:///a/b.ts:3:5)`, `    at /a/b.ts:3:5`, `    at async fn (/a/b.ts:3:5)`. */
const FRAME = /^\s*at\s+(?:.*?\()?(.+?):(\d+):(\d+)\)?\s*$/;

/**
 * Frames kept per capture: the call site and up to this many callers in the user's files
 * (helpers calling helpers). More frames cost more at every builder call.
 */
const FRAMES = 12;

/**
 * The folder holding nixjs's packages (`…/packages/` in the workspace; installed copies live
 * under `node_modules`, which ends a chain anyway): the parent of this package's folder, the
 * nearest one with a `package.json` (this module is `src/site/capture.ts`, or part of a bundle
 * in `dist/`). A frame in their sources or their build is nixjs itself, never the user's code;
 * their tests are user code for this purpose.
 */
const PACKAGES_DIR = `${dirname(packageDir(fileURLToPath(import.meta.url)))}${sep}`;

function packageDir(file: string): string {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return dirname(file);
}

/**
 * The call site of `builder`: the first stack frame above it, as a path relative to the
 * working directory (never an absolute path of this machine), and in `via` the calls in the
 * user's own files that led there. Line and column are those of the TypeScript source: tsx
 * and vitest both install source maps for `Error.stack`.
 *
 * The frames are captured now, but turned into text only when a field is first read (then
 * kept): V8 formats a captured stack lazily, and formatting is what costs — every frame goes
 * through the source maps (the first one of a file parses the file's whole map), about three
 * times the capture itself — while most sites are never shown (only diagnostics and
 * missing-secret warnings read them). The result is the same as reading it at once: the
 * frames and the working directory are taken now.
 *
 * @param builder the public builder function; frames from it inward are skipped.
 * @example captureSite(container) // { file: "homelab.config.ts", line: 31, column: 5 }
 */
// biome-ignore lint: any function is a valid stack-trace boundary.
export function captureSite(builder: Function): SourceSite {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES;
  try {
    Error.captureStackTrace(holder, builder);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return new CapturedSite(holder, process.cwd());
}

/**
 * A frozen {@link SourceSite} whose fields are read from the captured stack on first use, then
 * kept. `file`, `line` and `column` are enumerable own properties (shared accessors, defined
 * per instance), so a site compares, spreads and serialises like a plain
 * `{ file, line, column }`; `via` is not enumerable, so it does not change that.
 */
class CapturedSite implements SourceSite {
  declare readonly file: string;
  declare readonly line: number;
  declare readonly column: number;
  declare readonly via: readonly SourceSite[];
  #holder: { stack?: string } | undefined;
  readonly #cwd: string;
  #sites: readonly SourceSite[] | undefined;

  constructor(holder: { stack?: string }, cwd: string) {
    this.#holder = holder;
    this.#cwd = cwd;
    Object.defineProperties(this, SITE_FIELDS);
    Object.freeze(this);
  }

  static resolve(captured: CapturedSite): readonly SourceSite[] {
    if (captured.#sites === undefined) {
      captured.#sites = parseFrames(captured.#holder?.stack ?? "", captured.#cwd);
      captured.#holder = undefined; // the frames are no longer needed
    }
    return captured.#sites;
  }
}

const first = (site: CapturedSite): SourceSite => CapturedSite.resolve(site)[0] ?? UNKNOWN_SITE;
const SITE_FIELDS: PropertyDescriptorMap = {
  file: { enumerable: true, get(this: CapturedSite) { return first(this).file; } },
  line: { enumerable: true, get(this: CapturedSite) { return first(this).line; } },
  column: { enumerable: true, get(this: CapturedSite) { return first(this).column; } },
  via: { enumerable: false, get(this: CapturedSite) { return CapturedSite.resolve(this).slice(1); } },
};

/**
 * The first frame of a V8 stack that names a source location, relative to `cwd`.
 * @example parseFirstFrame("Error\n    at /w/homelab.config.ts:3:5", "/w") // { file: "homelab.config.ts", line: 3, column: 5 }
 */
export function parseFirstFrame(stack: string, cwd: string): SourceSite {
  return parseFrames(stack, cwd)[0] ?? UNKNOWN_SITE;
}

/**
 * The call site (the first frame naming a source location that is not Node's own) and the
 * callers after it that are in the user's files, stopping at the first frame that is not:
 * Node's internals, `node_modules`, or nixjs's own sources.
 * @example parseFrames("Error\n    at app (/w/lib.ts:3:5)\n    at /w/homelab.config.ts:9:1", "/w")
 * // [{ file: "lib.ts", line: 3, column: 5 }, { file: "homelab.config.ts", line: 9, column: 1 }]
 */
export function parseFrames(stack: string, cwd: string, packagesDir: string = PACKAGES_DIR): SourceSite[] {
  const sites: SourceSite[] = [];
  for (const line of stack.split("\n")) {
    const m = FRAME.exec(line);
    if (m === null) continue;
    const [, location, lineText, columnText] = m as unknown as [string, string, string, string];
    if (location.startsWith("node:")) {
      if (sites.length === 0) continue;
      break;
    }
    if (sites.length > 0 && !isUserFile(location, packagesDir)) break;
    sites.push(Object.freeze({ file: relativeFile(location, cwd), line: Number(lineText), column: Number(columnText) }));
  }
  return sites;
}

/** A frame of the user's code: not in `node_modules`, not nixjs's package sources or build. */
function isUserFile(location: string, packagesDir: string): boolean {
  const file = location.startsWith("file://") ? safePath(location) : location;
  if (file.includes("/node_modules/") || file.includes(`${sep}node_modules${sep}`)) return false;
  if (!file.startsWith(packagesDir)) return true;
  return /\.test\.[cm]?[jt]s$/.test(file) || !/[\\/](?:src|dist)[\\/]/.test(file.slice(packagesDir.length));
}

function safePath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return url;
  }
}

function relativeFile(location: string, cwd: string): string {
  const file = location.startsWith("file://") ? safePath(location) : location;
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return sep === "/" ? rel : rel.split(sep).join("/");
}
