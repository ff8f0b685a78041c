import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openRoot, type OutRoot } from "../contain/root.ts";
import { sha256 } from "../hash.ts";
import { JOURNAL_FILE, MANIFEST_FILE, STAGING_DIR } from "../paths.ts";
import { gen, listDirs, readTree, tempDir } from "../../test-support/fixtures.ts";
import { inspectPending, JournalError, recover, rollForward, RollForwardError, serializeJournal, type Journal } from "./journal.ts";
import { lockDirectory } from "../../test-support/fingerprint.ts";
import { listenToDiskChanges } from "./fs-ops.ts";
import { parseJournal } from "./journal-format.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  listenToDiskChanges();
  for (const c of cleanups) c();
  cleanups = [];
});
function outDir(files: Record<string, string>): { dir: string; root: OutRoot } {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, root: openRoot(dir, "out") };
}
const hash = (text: string) => sha256(Buffer.from(text));

/** What a journal entry says: a staged file and what it replaces (`null`: nothing). */
interface StagedRename {
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly replaces: string | null;
}

/**
 * The state a synth leaves when killed right after its commit point: staged files and a journal
 * naming them, written in the staging directory it names.
 */
function committed(dir: string, renames: readonly StagedRename[], rest: Pick<Journal, "deletions" | "pruneDirs">, stage = true): Journal {
  mkdirSync(join(dir, STAGING_DIR), { recursive: true });
  if (stage) for (const r of renames) writeFileSync(join(dir, STAGING_DIR, r.from), r.text);
  const journal: Journal = {
    staging: lstatSync(join(dir, STAGING_DIR), { bigint: true }).ino.toString(),
    ...rest,
    renames: renames.map((r) => ({ from: r.from, to: r.to, sha256: hash(r.text), replaces: r.replaces === null ? null : hash(r.replaces) })),
  };
  writeFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), serializeJournal(journal));
  return journal;
}

const oldIndex = gen("old\n");
const before = { "flake.nix": gen("flake v1\n"), "containers/old/index.nix": oldIndex, "notes.md": "mine\n", [MANIFEST_FILE]: "m1\n" };
const after = { [MANIFEST_FILE]: "m2\n", "containers/new.nix": gen("new\n"), "flake.nix": gen("flake v2\n"), "notes.md": "mine\n" };
const renames: StagedRename[] = [
  { from: "f0", to: "containers/new.nix", text: gen("new\n"), replaces: null },
  { from: "f1", to: "flake.nix", text: gen("flake v2\n"), replaces: gen("flake v1\n") },
  { from: "manifest", to: MANIFEST_FILE, text: "m2\n", replaces: "m1\n" },
];
const rest = { deletions: [{ path: "containers/old/index.nix", sha256: hash(oldIndex) }], pruneDirs: ["containers/old"] };

describe("recover", () => {
  it("does nothing on a clean directory", async () => {
    const { dir, root } = outDir(before);
    expect(await recover(root)).toEqual({ kind: "clean" });
    expect(readTree(dir)).toEqual(new Map(Object.entries(before).sort()));
  });

  it("rolls a committed journal forward: renames, deletions, pruned directories, then cleans up", async () => {
    const { dir, root } = outDir(before);
    committed(dir, renames, rest);
    expect(inspectPending(root)).toEqual({ kind: "committed", files: 4 });
    expect(await recover(root)).toEqual({ kind: "rolled-forward", files: 4 });
    expect(readTree(dir)).toEqual(new Map(Object.entries(after)));
    expect(listDirs(dir)).toEqual(["containers"]);
    expect(await recover(root)).toEqual({ kind: "clean" });
    expect(inspectPending(root)).toEqual({ kind: "none" });
  });

  it("flushes what it changed: discarding syncs the output directory; rolling forward makes a directory once", async () => {
    const discard = outDir(before);
    mkdirSync(join(discard.dir, STAGING_DIR));
    const ops: string[] = [];
    listenToDiskChanges((op) => ops.push(op));
    await recover(discard.root);
    expect(ops).toEqual(["rm -r .nixjs-staging", "fsync-dir ."]);

    const { dir, root } = outDir({ ...before, "containers/x/y.nix": gen("y\n") });
    committed(dir, [...renames.slice(0, 2), { from: "f2", to: "containers/x/z.nix", text: gen("z\n"), replaces: null }, { from: "f3", to: "new/deep/n.nix", text: gen("n\n"), replaces: null }], { deletions: [], pruneDirs: [] });
    ops.length = 0;
    await recover(root);
    expect(ops.filter((op) => !op.startsWith("rename"))).toEqual([
      "mkdir new/deep",
      "fsync-dir containers/x",
      "fsync-dir new/deep",
      "fsync-dir containers",
      "fsync-dir .",
      "unlink .nixjs-staging/journal.json",
      "rm -r .nixjs-staging",
      "fsync-dir .",
    ]);
  });

  it("is idempotent: finishes a roll-forward that was itself interrupted half-way", async () => {
    const { dir, root } = outDir({ ...before, "flake.nix": gen("flake v2\n") });
    // f1 was already renamed into place before the interruption.
    committed(dir, renames.filter((r) => r.from !== "f1"), rest);
    const journal = parseJournal(readFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), "utf8"));
    expect(journal.renames.map((r) => r.from)).toEqual(["f0", "manifest"]);
    expect(inspectPending(root)).toEqual({ kind: "committed", files: 3 });
    await recover(root);
    expect(readTree(dir)).toEqual(new Map(Object.entries(after)));
  });

  it("deletes only files that still hold what synth wrote, and never one without the header", async () => {
    const edited = outDir({ ...before, "containers/old/index.nix": gen("changed since\n") });
    committed(edited.dir, renames, rest);
    expect(inspectPending(edited.root)).toEqual({ kind: "committed", files: 3 });
    await recover(edited.root);
    expect(readFileSync(join(edited.dir, "containers/old/index.nix"), "utf8")).toBe(gen("changed since\n"));

    // A journal naming a hand-written file with its true hash: the hash alone is not enough.
    const mine = outDir({ ...before, "hardware.nix": "{ hand-written }\n" });
    committed(mine.dir, renames, { deletions: [{ path: "hardware.nix", sha256: hash("{ hand-written }\n") }], pruneDirs: [] });
    await recover(mine.root);
    expect(readFileSync(join(mine.dir, "hardware.nix"), "utf8")).toBe("{ hand-written }\n");
  });

  it("discards a staging directory without a journal (a synth killed before its commit point)", async () => {
    const { dir, root } = outDir(before);
    mkdirSync(join(dir, STAGING_DIR, "sub"), { recursive: true });
    writeFileSync(join(dir, STAGING_DIR, "f0"), "half-writ");
    writeFileSync(join(dir, STAGING_DIR, "sub/x"), "x");
    writeFileSync(join(dir, STAGING_DIR, `${JOURNAL_FILE}.tmp`), '{"format":');
    expect(inspectPending(root)).toEqual({ kind: "uncommitted" });
    expect(await recover(root)).toEqual({ kind: "discarded" });
    expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
    expect(readTree(dir)).toEqual(new Map(Object.entries(before).sort()));
  });

  it("refuses to guess when a journal is unreadable, malformed, or of another version", async () => {
    const { dir, root } = outDir(before);
    mkdirSync(join(dir, STAGING_DIR));
    const journalPath = join(dir, STAGING_DIR, JOURNAL_FILE);
    writeFileSync(journalPath, "{ not json");
    await expect(recover(root)).rejects.toThrow(JournalError);
    await expect(recover(root)).rejects.toThrow("an interrupted synth left out/.nixjs-staging/journal.json, which is not valid JSON; inspect the output directory, then delete out/.nixjs-staging/ and run synth again");
    expect(inspectPending(root)).toMatchObject({ kind: "unusable", problem: expect.stringContaining("is not valid JSON") });
    const good = JSON.parse(serializeJournal({ staging: "1", deletions: [], pruneDirs: [], renames: [] }));
    const variants: [unknown, string][] = [
      [{ ...good, version: 1 }, "is not a version 2 nixjs journal"],
      [{ ...good, format: "nixjs-manifest" }, "is not a version 2 nixjs journal"],
      ["nixjs-journal", "is not a version 2 nixjs journal"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: hash(""), replaces: null }, { from: "f1", to: "../y", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: ["f0"], to: "x.nix", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0/x", to: "x.nix", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: ["x.nix"], sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: [hash("")], replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: `${hash("")}0`, replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: `0${hash("")}`, replaces: null }] }, "malformed"],
      [{ ...good, renames: [null] }, "malformed"],
      [{ ...good, deletions: [null] }, "malformed"],
      [{ ...good, deletions: ["x.nix"] }, "malformed"],
      [{ ...good, staging: "12x" }, "malformed"],
      [{ ...good, staging: "x12" }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "../escape", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "/etc/passwd", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "../f0", to: "x.nix", sha256: hash(""), replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: "zz", replaces: null }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: hash(""), replaces: "zz" }] }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: hash("") }] }, "malformed"],
      [{ ...good, deletions: [{ path: "a/../../x", sha256: hash("") }] }, "malformed"],
      [{ ...good, deletions: [{ path: "x.nix", sha256: 1 }] }, "malformed"],
      [{ ...good, pruneDirs: ["/tmp"] }, "malformed"],
      [{ ...good, staging: "twelve" }, "malformed"],
      [{ ...good, staging: 12 }, "malformed"],
      [{ ...good, deletions: {} }, "malformed"],
      [{ ...good, renames: [{ from: "f0", to: "x.nix", sha256: hash(""), replaces: null }, { from: "f1", to: "x.nix", sha256: hash(""), replaces: null }] }, "moves two files to one place"],
      [null, "is not a version 2 nixjs journal"],
    ];
    for (const [doc, problem] of variants) {
      writeFileSync(journalPath, JSON.stringify(doc));
      await expect(recover(root), JSON.stringify(doc)).rejects.toThrow(problem);
      await expect(recover(root), JSON.stringify(doc)).rejects.toMatchObject({ name: "JournalError" });
    }
    expect(existsSync(journalPath)).toBe(true);
    expect(readTree(dir, (p) => p.startsWith(STAGING_DIR))).toEqual(new Map(Object.entries(before).sort()));
  });

  it("round-trips through its text, every field kept", () => {
    const journal: Journal = {
      staging: "42",
      deletions: [{ path: "a.nix", sha256: hash("a") }],
      pruneDirs: ["d"],
      renames: [{ from: "f0", to: "b.nix", sha256: hash("b"), replaces: hash("c") }, { from: "manifest", to: MANIFEST_FILE, sha256: hash("m"), replaces: null }],
    };
    expect(parseJournal(serializeJournal(journal))).toEqual(journal);
    expect(JSON.parse(serializeJournal(journal))).toMatchObject({ format: "nixjs-journal", version: 2 });
  });
});

describe("a journal that does not describe this directory is not applied at all", () => {
  it("a journal planted (checked out, copied) from elsewhere: its staging directory is another one", async () => {
    const { dir, root } = outDir({ ...before, "hardware.nix": "{ hand-written }\n" });
    const journal = committed(dir, [{ from: "f0", to: "hardware.nix", text: gen("evil\n"), replaces: "{ hand-written }\n" }], { deletions: [], pruneDirs: [] });
    writeFileSync(join(dir, STAGING_DIR, JOURNAL_FILE), serializeJournal({ ...journal, staging: String(BigInt(journal.staging) + 1n) }));
    const tree = readTree(dir);
    await expect(recover(root)).rejects.toThrow(/^an interrupted synth is pending in out\/, but nixjs will not finish it:\n {2}out\/\.nixjs-staging\/journal\.json was not written in this staging directory \(it was copied, checked out or planted\)/);
    expect(readTree(dir)).toEqual(tree);
    expect(inspectPending(root)).toMatchObject({ kind: "unusable" });
  });

  it("a rename over a file that is not what the journal says it replaces, or that appeared since", async () => {
    const changed = outDir({ ...before, "flake.nix": gen("flake v1, edited since\n") });
    committed(changed.dir, renames, rest);
    const tree = readTree(changed.dir);
    await expect(recover(changed.root)).rejects.toThrow("out/flake.nix changed since this synth planned to replace it");
    expect(readTree(changed.dir)).toEqual(tree);

    const appeared = outDir({ ...before, "containers/new.nix": "{ mine }\n" });
    committed(appeared.dir, renames, rest);
    await expect(recover(appeared.root)).rejects.toThrow("out/containers/new.nix was created by someone else since this synth planned its changes");
    expect(readFileSync(join(appeared.dir, "containers/new.nix"), "utf8")).toBe("{ mine }\n");

    const directory = outDir(before);
    mkdirSync(join(directory.dir, "containers/new.nix"));
    committed(directory.dir, renames, rest);
    await expect(recover(directory.root)).rejects.toThrow("out/containers/new.nix is a directory now");

    const fifo = outDir(before);
    spawnSync("mkfifo", [join(fifo.dir, "containers/new.nix")]);
    committed(fifo.dir, renames, rest);
    await expect(recover(fifo.root)).rejects.toThrow("out/containers/new.nix is a special file now");
  });

  it("a damaged staged file", async () => {
    const { dir, root } = outDir(before);
    committed(dir, renames, rest);
    writeFileSync(join(dir, STAGING_DIR, "f1"), gen("flake v2, torn"));
    await expect(recover(root)).rejects.toThrow("the staged copy of out/flake.nix is damaged");
    expect(readTree(dir, (p) => p.startsWith(STAGING_DIR))).toEqual(new Map(Object.entries(before).sort()));
  });

  it("a symbolic link, or a file where a directory goes, on the way of a rename or a deletion", async () => {
    const outside = tempDir();
    cleanups.push(outside.cleanup);
    writeFileSync(join(outside.dir, "index.nix"), oldIndex);
    const { "containers/old/index.nix": _moved, ...rootFiles } = before;
    const linked = outDir(rootFiles);
    symlinkSync(outside.dir, join(linked.dir, "containers"));
    committed(linked.dir, renames, { deletions: [{ path: "containers/index.nix", sha256: hash(oldIndex) }], pruneDirs: [] });
    await expect(recover(linked.root)).rejects.toThrow(`out/containers/new.nix cannot be written: out/containers is a symbolic link (to ${outside.dir})`);
    await expect(recover(linked.root)).rejects.toThrow(`out/containers/index.nix cannot be deleted: out/containers is a symbolic link`);
    expect(readTree(outside.dir)).toEqual(new Map([["index.nix", oldIndex]]));

    const blocked = outDir(before);
    rmSync(join(blocked.dir, "containers"), { recursive: true });
    writeFileSync(join(blocked.dir, "containers"), "a file\n");
    committed(blocked.dir, renames, { deletions: [], pruneDirs: [] });
    await expect(recover(blocked.root)).rejects.toThrow("out/containers/new.nix cannot be written: out/containers is a file where a directory goes");
  });

  it("a staging directory or journal that is a symbolic link", async () => {
    const outside = tempDir();
    cleanups.push(outside.cleanup);
    writeFileSync(join(outside.dir, JOURNAL_FILE), "{}");
    const { dir, root } = outDir(before);
    symlinkSync(outside.dir, join(dir, STAGING_DIR));
    await expect(recover(root)).rejects.toThrow(`out/.nixjs-staging is a symbolic link (to ${outside.dir})`);
    expect(inspectPending(root)).toMatchObject({ kind: "unusable", problem: expect.stringContaining("is a symbolic link") });
    rmSync(join(dir, STAGING_DIR));
    mkdirSync(join(dir, STAGING_DIR));
    symlinkSync(join(outside.dir, JOURNAL_FILE), join(dir, STAGING_DIR, JOURNAL_FILE));
    await expect(recover(root)).rejects.toThrow("out/.nixjs-staging/journal.json is a symbolic link");
    expect(existsSync(join(outside.dir, JOURNAL_FILE))).toBe(true);
    rmSync(join(dir, STAGING_DIR), { recursive: true });
    writeFileSync(join(dir, STAGING_DIR), "not a directory\n");
    await expect(recover(root)).rejects.toThrow("out/.nixjs-staging is not a directory, though nixjs keeps its staging area there; move it away");
  });
});

describe("a roll-forward that fails half-way", () => {
  it("says the tree is part old, part new, which files are done and which are not; the next recovery finishes", async () => {
    const { dir, root } = outDir(before);
    const journal = committed(dir, renames, rest);
    // The directory of the second rename refuses new entries.
    const locked = lockDirectory(dir);
    let error: unknown;
    try {
      await rollForward(root, journal);
    } catch (e) {
      error = e;
    } finally {
      locked.undo();
    }
    expect(error).toBeInstanceOf(RollForwardError);
    expect(error).toMatchObject({ name: "RollForwardError", done: ["containers/old/index.nix", "containers/new.nix"], notDone: ["flake.nix", MANIFEST_FILE] });
    const message = (error as Error).message;
    expect(message).toContain(`synth committed its changes to out/ but could not finish applying them: cannot move a file into out/flake.nix: ${locked.advice}`);
    expect(message).toContain("out/ is now part old, part new:\n  done (2): out/containers/old/index.nix, out/containers/new.nix\n  not done (2): out/flake.nix, out/.nixjs-manifest.json\n");
    expect(message).toContain("To finish: fix the cause above, then run synth again; it completes this synth first (the new files wait in out/.nixjs-staging/: do not delete it).");
    expect(inspectPending(root)).toEqual({ kind: "committed", files: 2 });
    expect(await recover(root)).toEqual({ kind: "rolled-forward", files: 4 });
    expect(readTree(dir)).toEqual(new Map(Object.entries(after)));
  });
});

describe("RollForwardError", () => {
  it("lists up to ten files of each kind, then how many more, and says none when there are none", () => {
    const { root } = outDir({});
    const many = Array.from({ length: 12 }, (_, i) => `f${i}.nix`);
    const message = new RollForwardError(new Error("cause"), root, [], many).message;
    expect(message).toContain("  done (0): none\n");
    expect(message).toContain(`  not done (12): ${many.slice(0, 10).map((p) => `out/${p}`).join(", ")} and 2 more\n`);
    const ten = many.slice(0, 10);
    expect(new RollForwardError("cause", root, ten, []).message).toContain(`  done (10): ${ten.map((p) => `out/${p}`).join(", ")}\n`);
    expect(new RollForwardError("odd", root, [], []).message).toMatch(/^synth committed its changes to out\/ but could not finish applying them: odd\n/);
  });
});
