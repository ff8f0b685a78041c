/** What is at a path inside the output directory (lstat: a symlink is `other`). */
export type DiskEntry =
  | { readonly kind: "file"; readonly bytes: Buffer }
  | { readonly kind: "missing" }
  | { readonly kind: "directory" }
  | { readonly kind: "other" };

/**
 * The part of the output directory a plan depends on: every generated or manifest path
 * (lstat) and every parent directory of a generated path (stat, so a symlinked directory
 * counts as a directory).
 */
export interface DiskSnapshot {
  readonly entries: ReadonlyMap<string, DiskEntry>;
  /** The manifest's text, `undefined` when there is none. */
  readonly manifestText: string | undefined;
}

/** One generated path and what synth will do with it. Bytes are UTF-8. */
export type FileChange =
  | { readonly kind: "create"; readonly path: string; readonly bytes: Buffer; readonly hash: string }
  | {
      readonly kind: "update";
      readonly path: string;
      readonly bytes: Buffer;
      readonly hash: string;
      readonly previous: Buffer;
      /** Set when `--force` overrode a refusal: why it would have refused. */
      readonly forced?: RefusalKind;
    }
  | {
      readonly kind: "unchanged";
      readonly path: string;
      readonly hash: string;
      /** The file was there already, byte-identical but not in the manifest: now it is. */
      readonly adopted: boolean;
    }
  | {
      readonly kind: "delete";
      readonly path: string;
      readonly previous: Buffer;
      readonly previousHash: string;
      readonly forced?: RefusalKind;
    };

/** The kinds of change synth makes. */
export type FileChangeKind = FileChange["kind"];

/**
 * Why synth will not go on. `edited`, `unowned`, `edited-removed` and `manifest-unreadable`
 * give way to `--force`; `blocked` (a directory or special file where a generated file
 * goes) never does.
 */
export type RefusalKind = "edited" | "unowned" | "edited-removed" | "manifest-unreadable" | "blocked";

/** One refusal, naming the file and how to resolve it. */
export interface Refusal {
  readonly kind: RefusalKind;
  readonly path: string;
  readonly message: string;
}

/** Everything a synth would do, computed before anything is written. */
export interface Plan {
  /** Every generated or removed path, sorted by code units. */
  readonly changes: readonly FileChange[];
  /** Non-empty: nothing may be written. */
  readonly refusals: readonly Refusal[];
  readonly manifest: {
    /** The manifest after this synth. */
    readonly text: string;
    /** The manifest on disk now, if any. */
    readonly previousText: string | undefined;
    readonly changed: boolean;
  };
  /** Directories that may be left empty by deletions, deepest first (removed if empty). */
  readonly pruneDirs: readonly string[];
}

/** Files written, left alone and removed: the summary line. */
export interface PlanCounts {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}
