/**
 * The journal's format: what one synth does to the output directory, written atomically once
 * every new file is staged and flushed (its appearance is the commit point). Besides the
 * changes, it records what lets a later synth check it before applying it: the staging
 * directory it was written in (a journal copied, checked out or planted elsewhere does not
 * name the directory it lies in), the hash of every staged file, and the hash of every file a
 * rename replaces or a deletion removes.
 */
import { MANIFEST_FILE, relativePathProblem } from "../paths.ts";

const FORMAT = "nixjs-journal";
/** 2: adds `staging`, and `sha256`/`replaces` on renames. A version 1 journal is refused. */
const VERSION = 2;

/** One staged file and its place in the tree. */
export interface JournalRename {
  /** A name inside the staging directory. */
  readonly from: string;
  /** Its place, relative to the output directory. */
  readonly to: string;
  /** SHA-256 of the staged bytes. */
  readonly sha256: string;
  /** SHA-256 of the file it replaces, `null` when it creates one: any other file there is left alone. */
  readonly replaces: string | null;
}

/** One synth's changes, in the order they are applied. */
export interface Journal {
  /** The inode number (decimal) of the staging directory the journal was written in. */
  readonly staging: string;
  /** Files synth wrote before and no longer generates: deleted only while they still hash to `sha256` (and carry the header). */
  readonly deletions: readonly { readonly path: string; readonly sha256: string }[];
  /** Directories removed if the deletions left them empty, deepest first. */
  readonly pruneDirs: readonly string[];
  /** Staged files to move into place; the manifest last. */
  readonly renames: readonly JournalRename[];
}

/** A journal that cannot be read or must not be applied; the message says what to do. */
export class JournalError extends Error {
  override readonly name = "JournalError";
}

/**
 * The journal's text (deterministic, for humans who look).
 * @example serializeJournal({ staging: "1234", deletions: [], pruneDirs: [], renames: [] })
 */
export function serializeJournal(journal: Journal): string {
  const { staging, deletions, pruneDirs, renames } = journal;
  return `${JSON.stringify({ format: FORMAT, version: VERSION, staging, deletions, pruneDirs, renames }, null, 2)}\n`;
}

/**
 * Reads and checks a journal's text; throws {@link JournalError} when it is not a version 2
 * nixjs journal whose every path stays inside the output directory.
 * @example parseJournal(readFileSync(".nixjs-staging/journal.json", "utf8"))
 */
export function parseJournal(text: string): Journal {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new JournalError("is not valid JSON");
  }
  // Read with `?.`: a JSON value of any type has no such field rather than throwing.
  const d = doc as Record<string, unknown> | null;
  if (d?.["format"] !== FORMAT || d["version"] !== VERSION) throw new JournalError(`is not a version ${VERSION} nixjs journal`);
  const { staging, deletions, pruneDirs, renames } = d;
  const ok =
    typeof staging === "string" && /^[0-9]+$/.test(staging) &&
    Array.isArray(deletions) && deletions.every((x: Entry) => isDeletion(x ?? {})) &&
    Array.isArray(pruneDirs) && pruneDirs.every(isSafe) &&
    Array.isArray(renames) && renames.every((x: Entry) => isRename(x ?? {}));
  if (!ok) throw new JournalError("has malformed entries");
  const targets = (renames as JournalRename[]).map((r) => r.to);
  if (new Set(targets).size !== targets.length) throw new JournalError("moves two files to one place");
  return {
    staging,
    deletions: (deletions as { path: string; sha256: string }[]).map(({ path, sha256 }) => ({ path, sha256 })),
    pruneDirs: pruneDirs as string[],
    renames: (renames as JournalRename[]).map(({ from, to, sha256, replaces }) => ({ from, to, sha256, replaces })),
  };
}

/** An entry of a journal's lists, as parsed: any JSON value. */
type Entry = { readonly [key: string]: unknown } | null | undefined;

function isDeletion({ path, sha256 }: { readonly [key: string]: unknown }): boolean {
  return isSafe(path) && isHash(sha256);
}

function isRename({ from, to, sha256, replaces }: { readonly [key: string]: unknown }): boolean {
  return isStagedName(from) && isSafe(to) && isHash(sha256) && (replaces === null || isHash(replaces));
}

/** A path inside the output directory that synth may write: a generated file's, or the manifest. */
function isSafe(path: unknown): path is string {
  return typeof path === "string" && (path === MANIFEST_FILE || relativePathProblem(path) === undefined);
}

function isStagedName(name: unknown): name is string {
  return typeof name === "string" && /^[a-z0-9]+$/.test(name);
}

function isHash(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value);
}
