/**
 * What is at a path inside the output directory, found without following a symbolic link:
 * `symlink` names the first link on the way (the path itself, or a directory above it);
 * `other` is a FIFO, socket or device.
 */
export type DiskEntry =
  | { readonly kind: "file"; readonly bytes: Buffer }
  | { readonly kind: "missing" }
  | { readonly kind: "directory" }
  | { readonly kind: "symlink"; readonly link: string; readonly target: string }
  | { readonly kind: "other"; readonly what: string };

/**
 * The part of the output directory a plan depends on: every generated or manifest path, every
 * parent directory of one, and the manifest's own entry when it is not a regular file.
 */
export interface DiskSnapshot {
  readonly entries: ReadonlyMap<string, DiskEntry>;
  /** The manifest's text, `undefined` when there is none. */
  readonly manifestText: string | undefined;
  /** SHA-256 of the manifest's bytes (default: of its text), what the new one replaces. */
  readonly manifestSha256?: string;
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
    }
  | {
      /**
       * Listed in the manifest but without nixjs's header: left where it is and dropped from
       * the manifest (only with `--force`; never deleted).
       */
      readonly kind: "disown";
      readonly path: string;
      readonly forced: "not-generated";
    };

/** The kinds of change synth makes. */
export type FileChangeKind = FileChange["kind"];

/**
 * Why synth will not go on. `edited`, `unowned`, `edited-removed`, `manifest-unreadable` and
 * `not-generated` give way to `--force` (which keeps a `not-generated` file and only drops it
 * from the manifest); `blocked` (a directory or special file where a generated file goes) and
 * `symlink` (a symbolic link where synth would write or delete: containment) never do.
 */
export type RefusalKind = "edited" | "unowned" | "edited-removed" | "manifest-unreadable" | "not-generated" | "blocked" | "symlink";

/** One refusal, naming the file and how to resolve it. */
export interface Refusal {
  readonly kind: RefusalKind;
  readonly path: string;
  readonly message: string;
}

/** Everything a synth would do, computed before anything is written. */
export interface Plan {
  /** Every generated, removed or disowned path, sorted by code units. */
  readonly changes: readonly FileChange[];
  /** Non-empty: nothing may be written. */
  readonly refusals: readonly Refusal[];
  readonly manifest: {
    /** The manifest after this synth. */
    readonly text: string;
    /** The manifest on disk now, if any. */
    readonly previousText: string | undefined;
    /** SHA-256 of the manifest on disk now, if any. */
    readonly previousSha256: string | undefined;
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
