/**
 * The journal: what one synth does to the output directory, written atomically once every
 * new file is staged and flushed. Its appearance is the commit point: before it, the old
 * tree stands and the staging area is garbage; after it, rolling forward (idempotent, any
 * number of times, from any interruption) yields the new tree.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMissing } from "../plan/disk.ts";
import { sha256 } from "../hash.ts";
import { JOURNAL_FILE, MANIFEST_FILE, relativePathProblem, STAGING_DIR } from "../paths.ts";
import { makeDir, removeDirIfEmpty, removeFile, removeTree, renameFile, syncDir } from "./fs-ops.ts";

const FORMAT = "nixjs-journal";
const VERSION = 1;

/** One synth's changes, in the order they are applied. */
export interface Journal {
  /** Files synth wrote before and no longer generates: deleted only while they still hash to `sha256`. */
  readonly deletions: readonly { readonly path: string; readonly sha256: string }[];
  /** Directories removed if the deletions left them empty, deepest first. */
  readonly pruneDirs: readonly string[];
  /** Staged file (a name inside the staging directory) → its place in the tree; the manifest last. */
  readonly renames: readonly { readonly from: string; readonly to: string }[];
}

/** What recovery found and did at the start of a synth. */
export type Recovery =
  | { readonly kind: "clean" }
  | { readonly kind: "rolled-forward"; readonly files: number }
  | { readonly kind: "discarded" };

/** The journal's text (deterministic, for humans who look). */
export function serializeJournal(journal: Journal): string {
  return `${JSON.stringify({ format: FORMAT, version: VERSION, ...journal }, null, 2)}\n`;
}

/** A journal that cannot be read: the commit happened but what it said is lost. */
export class JournalError extends Error {
  override readonly name = "JournalError";
}

/**
 * Reads and checks a journal's text; throws {@link JournalError} when it is not one.
 * @example parseJournal(readFileSync(".nixjs-staging/journal.json", "utf8"))
 */
export function parseJournal(text: string): Journal {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new JournalError("is not valid JSON");
  }
  const d = doc as Partial<Journal> & { format?: unknown; version?: unknown };
  if (d.format !== FORMAT || d.version !== VERSION) throw new JournalError(`is not a version ${VERSION} nixjs journal`);
  const safe = (p: unknown): p is string => typeof p === "string" && (p === MANIFEST_FILE || relativePathProblem(p) === undefined);
  const staged = (p: unknown): p is string => typeof p === "string" && /^[a-z0-9]+$/.test(p);
  const ok =
    Array.isArray(d.deletions) && d.deletions.every((x) => safe(x?.path) && typeof x.sha256 === "string") &&
    Array.isArray(d.pruneDirs) && d.pruneDirs.every(safe) &&
    Array.isArray(d.renames) && d.renames.every((x) => staged(x?.from) && safe(x.to));
  if (!ok) throw new JournalError("has malformed entries");
  return { deletions: d.deletions!, pruneDirs: d.pruneDirs!, renames: d.renames! };
}

/**
 * Applies a committed journal. Idempotent: a rename whose staged file is gone was done, a
 * deletion whose file is gone (or no longer holds what synth wrote) is skipped, so running it
 * again after an interruption at any point finishes the same tree. Removes the journal and
 * the staging directory last.
 * @example await rollForward("/repo/server", journal)
 */
export async function rollForward(outDir: string, journal: Journal): Promise<void> {
  const staging = join(outDir, STAGING_DIR);
  const touched = new Set<string>([outDir]);
  for (const { path, sha256: hash } of journal.deletions) {
    const target = join(outDir, path);
    const bytes = readIfFile(target);
    if (bytes === undefined || sha256(bytes) !== hash) continue;
    removeFile(target);
    touched.add(dirname(target));
  }
  for (const dir of journal.pruneDirs) {
    if (removeDirIfEmpty(join(outDir, dir))) touched.add(dirname(join(outDir, dir)));
  }
  // Directories seen to exist: nothing removes one while the renames run, so each is checked once.
  const present = new Set<string>();
  for (const { from, to } of journal.renames) {
    const source = join(staging, from);
    if (!existsSync(source)) continue;
    const target = join(outDir, to);
    const dir = dirname(target);
    if (!present.has(dir)) {
      if (!existsSync(dir)) makeDir(dir);
      present.add(dir);
    }
    renameFile(source, target);
    touched.add(dir);
  }
  // Deepest first, so that a new directory's own entry is flushed after its contents.
  for (const dir of [...touched].sort((a, b) => b.length - a.length)) syncDir(dir);
  removeFile(join(staging, JOURNAL_FILE));
  removeTree(staging);
  syncDir(outDir);
}

/**
 * Run at the start of every synth, under the lock: finishes a synth that was interrupted
 * after its commit point (roll forward) and throws away one interrupted before it.
 * @example const recovery = await recover("/repo/server") // { kind: "clean" }
 */
export async function recover(outDir: string): Promise<Recovery> {
  const staging = join(outDir, STAGING_DIR);
  if (!existsSync(staging)) return { kind: "clean" };
  let text: string | undefined;
  try {
    text = readFileSync(join(staging, JOURNAL_FILE), "utf8");
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  if (text === undefined) {
    removeTree(staging);
    syncDir(outDir);
    return { kind: "discarded" };
  }
  let journal: Journal;
  try {
    journal = parseJournal(text);
  } catch (error) {
    const where = join(STAGING_DIR, JOURNAL_FILE);
    throw new JournalError(`an interrupted synth left ${where}, which ${(error as Error).message}; inspect the output directory, then delete ${STAGING_DIR}`);
  }
  await rollForward(outDir, journal);
  return { kind: "rolled-forward", files: journal.renames.length + journal.deletions.length };
}

function readIfFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === "EISDIR") return undefined;
    throw error;
  }
}
