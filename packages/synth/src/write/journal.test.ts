import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../hash.ts";
import { JOURNAL_FILE, STAGING_DIR } from "../paths.ts";
import { listDirs, readTree, tempDir } from "../../test-support/fixtures.ts";
import { JournalError, recover, serializeJournal, type Journal } from "./journal.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function outDir(files: Record<string, string>): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The state a synth leaves when killed right after its commit point. */
function committed(dir: string, staged: Record<string, string>, journal: Journal): void {
  mkdirSync(join(dir, STAGING_DIR), { recursive: true });
  for (const [name, text] of Object.entries(staged)) writeFileSync(join(dir, STAGING_DIR, name), text);
  writeFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), serializeJournal(journal));
}

const journal: Journal = {
  deletions: [{ path: "containers/old/index.nix", sha256: sha256(Buffer.from("old\n")) }],
  pruneDirs: ["containers/old"],
  renames: [
    { from: "f0", to: "containers/new.nix" },
    { from: "f1", to: "flake.nix" },
    { from: "manifest", to: ".nixjs-manifest.json" },
  ],
};
const before = { "flake.nix": "flake v1\n", "containers/old/index.nix": "old\n", "notes.md": "mine\n", ".nixjs-manifest.json": "m1\n" };
const after = { ".nixjs-manifest.json": "m2\n", "containers/new.nix": "new\n", "flake.nix": "flake v2\n", "notes.md": "mine\n" };

describe("recover", () => {
  it("does nothing on a clean directory", async () => {
    const dir = outDir(before);
    expect(await recover(dir)).toEqual({ kind: "clean" });
    expect(readTree(dir)).toEqual(new Map(Object.entries(before).sort()));
  });

  it("rolls a committed journal forward: renames, deletions, pruned directories, then cleans up", async () => {
    const dir = outDir(before);
    committed(dir, { f0: "new\n", f1: "flake v2\n", manifest: "m2\n" }, journal);
    expect((await recover(dir)).kind).toBe("rolled-forward");
    expect(readTree(dir)).toEqual(new Map(Object.entries(after)));
    expect(listDirs(dir)).toEqual(["containers"]);
    expect(await recover(dir)).toEqual({ kind: "clean" });
  });

  it("is idempotent: finishes a roll-forward that was itself interrupted half-way", async () => {
    const dir = outDir({ ...before, "flake.nix": "flake v2\n" });
    // f1 was already renamed into place and the deletion done before the interruption.
    writeFileSync(join(dir, "containers/old/index.nix"), "old\n");
    committed(dir, { f0: "new\n", manifest: "m2\n" }, journal);
    await recover(dir);
    expect(readTree(dir)).toEqual(new Map(Object.entries(after)));
  });

  it("deletes only files that still hold what synth wrote", async () => {
    const dir = outDir({ ...before, "containers/old/index.nix": "changed since\n" });
    committed(dir, { f0: "new\n", f1: "flake v2\n", manifest: "m2\n" }, journal);
    await recover(dir);
    expect(readFileSync(join(dir, "containers/old/index.nix"), "utf8")).toBe("changed since\n");
  });

  it("discards a staging directory without a journal (a synth killed before its commit point)", async () => {
    const dir = outDir(before);
    mkdirSync(join(dir, STAGING_DIR));
    writeFileSync(join(dir, STAGING_DIR, "f0"), "half-writ");
    writeFileSync(join(dir, STAGING_DIR, `${JOURNAL_FILE}.tmp`), '{"format":');
    expect(await recover(dir)).toEqual({ kind: "discarded" });
    expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
    expect(readTree(dir)).toEqual(new Map(Object.entries(before).sort()));
  });

  it("refuses to guess when a journal is unreadable", async () => {
    const dir = outDir(before);
    mkdirSync(join(dir, STAGING_DIR));
    writeFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), "{ not json");
    await expect(recover(dir)).rejects.toThrow(JournalError);
    await expect(recover(dir)).rejects.toThrow(/inspect the output directory/);
    writeFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), JSON.stringify({ format: "nixjs-journal", version: 1, deletions: [], pruneDirs: [], renames: [{ from: "f0", to: "../escape" }] }));
    await expect(recover(dir)).rejects.toThrow(/malformed/);
    expect(existsSync(join(dir, STAGING_DIR, JOURNAL_FILE))).toBe(true);
  });
});
