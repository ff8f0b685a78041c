/**
 * Committing a plan, in this process: what is staged, flushed and journaled (seen through
 * `listenToDiskChanges`), the journal at the commit point (the listener throws there, as a
 * crash would stop it), and every way a commit stops before its commit point.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiskError } from "../contain/errors.ts";
import { openRoot, type OutRoot } from "../contain/root.ts";
import { sha256 } from "../hash.ts";
import { readDisk } from "../plan/disk.ts";
import { planTree } from "../plan/plan.ts";
import type { Plan } from "../plan/types.ts";
import { fingerprint, lockDirectory } from "../../test-support/fingerprint.ts";
import { gen, readTree, tempDirsPerTest } from "../../test-support/fixtures.ts";
import { commitPlan, NotCommittedError } from "./commit.ts";
import { listenToDiskChanges } from "./fs-ops.ts";
import { LockLostError, acquireLock, releaseLock, type HeldLock } from "./lock.ts";
import { parseJournal } from "./journal-format.ts";

const scratch = tempDirsPerTest("nixjs-commit-");
afterEach(() => listenToDiskChanges());
const hash = (text: string) => sha256(Buffer.from(text));

/** An output directory synth wrote `v1` into, the plan to `v2`, and the lock held. */
async function setup(): Promise<{ out: string; root: OutRoot; plan: Plan; lock: HeldLock; manifestV1: string }> {
  const out = join(realpathSync(scratch()), "server");
  mkdirSync(out);
  const root = openRoot(out, "server");
  const attempt = await acquireLock(root);
  if (attempt.kind !== "acquired") throw new Error("locked");
  const v1 = new Map([["flake.nix", gen("v1\n")], ["containers/old/a.nix", gen("old\n")], ["containers/keep.nix", gen("keep\n")]]);
  await commitPlan(root, planTree(v1, await readDisk(root, v1.keys())), attempt.lock);
  const v2 = new Map([["flake.nix", gen("v2\n")], ["containers/keep.nix", gen("keep\n")], ["containers/new/b.nix", gen("b\n")]]);
  const plan = planTree(v2, await readDisk(root, v2.keys()));
  return { out, root, plan, lock: attempt.lock, manifestV1: readFileSync(join(out, ".nixjs-manifest.json"), "utf8") };
}

describe("commitPlan", () => {
  it("stages and flushes every file, commits, then moves, deletes, prunes and flushes each directory it changed, deepest first", async () => {
    const { out, root, plan, lock } = await setup();
    const ops: string[] = [];
    listenToDiskChanges((op) => ops.push(op));
    await commitPlan(root, plan, lock);
    expect(ops).toEqual([
      "mkdir .nixjs-staging",
      "create .nixjs-staging/f0",
      "write .nixjs-staging/f0",
      "create .nixjs-staging/f1",
      "write .nixjs-staging/f1",
      "create .nixjs-staging/manifest",
      "write .nixjs-staging/manifest",
      "fsync .nixjs-staging/f0",
      "fsync .nixjs-staging/f1",
      "fsync .nixjs-staging/manifest",
      "fsync-dir .nixjs-staging",
      "fsync-dir .",
      "create .nixjs-staging/journal.json.tmp",
      "write .nixjs-staging/journal.json.tmp",
      "fsync .nixjs-staging/journal.json.tmp",
      "rename .nixjs-staging/journal.json.tmp -> .nixjs-staging/journal.json",
      "fsync-dir .nixjs-staging",
      // Applied: the deletion and its emptied directory, then the renames (a new directory made once).
      "unlink containers/old/a.nix",
      "rmdir containers/old",
      "mkdir containers/new",
      "rename .nixjs-staging/f0 -> containers/new/b.nix",
      "rename .nixjs-staging/f1 -> flake.nix",
      "rename .nixjs-staging/manifest -> .nixjs-manifest.json",
      "fsync-dir containers/new",
      "fsync-dir containers/old",
      "fsync-dir containers",
      "fsync-dir .",
      "unlink .nixjs-staging/journal.json",
      "rm -r .nixjs-staging",
      "fsync-dir .",
    ]);
    expect(readTree(out, (p) => p.startsWith(".nixjs"))).toEqual(new Map([["containers/keep.nix", gen("keep\n")], ["containers/new/b.nix", gen("b\n")], ["flake.nix", gen("v2\n")]]));
    await releaseLock(root, lock);
  });

  it("records in the journal the staging directory, every staged file's hash and what each rename replaces", async () => {
    const { out, root, plan, lock, manifestV1 } = await setup();
    // Stopped right after the commit point, as a crash would.
    listenToDiskChanges((op) => {
      if (op === "unlink containers/old/a.nix") throw new Error("crash");
    });
    await expect(commitPlan(root, plan, lock)).rejects.toThrow("crash");
    const journal = parseJournal(readFileSync(join(out, ".nixjs-staging/journal.json"), "utf8"));
    expect(journal).toEqual({
      staging: lstatSync(join(out, ".nixjs-staging"), { bigint: true }).ino.toString(),
      deletions: [{ path: "containers/old/a.nix", sha256: hash(gen("old\n")) }],
      pruneDirs: ["containers/old"],
      renames: [
        { from: "f0", to: "containers/new/b.nix", sha256: hash(gen("b\n")), replaces: null },
        { from: "f1", to: "flake.nix", sha256: hash(gen("v2\n")), replaces: hash(gen("v1\n")) },
        { from: "manifest", to: ".nixjs-manifest.json", sha256: hash(plan.manifest.text), replaces: hash(manifestV1) },
      ],
    });
    expect(readFileSync(join(out, ".nixjs-staging/f1"), "utf8")).toBe(gen("v2\n"));
  });

  it("refuses a plan with refusals", async () => {
    const { root, plan, lock } = await setup();
    const refused = { ...plan, refusals: [{ kind: "edited" as const, path: "flake.nix", message: "edited" }] };
    await expect(commitPlan(root, refused, lock)).rejects.toThrow("commitPlan: the plan has refusals");
  });
});

describe("a commit stops before its commit point, and the tree is left as it was", () => {
  it("when a symbolic link appeared since the plan", async () => {
    const { out, root, plan, lock } = await setup();
    const outside = join(out, "..", "outside");
    mkdirSync(outside);
    rmSync(join(out, "containers"), { recursive: true });
    symlinkSync(outside, join(out, "containers"));
    const before = fingerprint(join(out, ".."));
    const error = await commitPlan(root, plan, lock).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "JournalError" });
    expect((error as Error).message).toBe(
      [
        "the output directory changed while synth ran, so nothing was written:",
        `  server/containers/new/b.nix cannot be written: server/containers is a symbolic link (to ${outside})`,
        `  server/containers/old/a.nix cannot be deleted: server/containers is a symbolic link (to ${outside})`,
        "  server/containers/old cannot be deleted: server/containers is a symbolic link (to " + outside + ")",
        "Resolve that, then run synth again.",
      ].join("\n"),
    );
    // The staged files are gone again; nothing else changed.
    expect(fingerprint(join(out, ".."))).toEqual(before);
  });

  it("when a file it replaces changed since the plan", async () => {
    const { out, root, plan, lock } = await setup();
    writeFileSync(join(out, "flake.nix"), gen("v1, edited\n"));
    await expect(commitPlan(root, plan, lock)).rejects.toThrow("  server/flake.nix changed since this synth planned to replace it\n");
    expect(readFileSync(join(out, "flake.nix"), "utf8")).toBe(gen("v1, edited\n"));
    expect(existsSync(join(out, ".nixjs-staging"))).toBe(false);
  });

  it("when staging fails: says nothing changed", async () => {
    const { out, root, plan, lock } = await setup();
    const before = readTree(out);
    const locked = lockDirectory(out);
    let error: unknown;
    try {
      error = await commitPlan(root, plan, lock).catch((e: unknown) => e);
    } finally {
      locked.undo();
    }
    expect(error).toBeInstanceOf(NotCommittedError);
    expect(error).toMatchObject({ name: "NotCommittedError" });
    expect((error as Error).message).toBe(
      `${new DiskError(locked.code, "create the directory", "server/.nixjs-staging").message}\nNothing was changed in server/: the old tree stands (the next synth discards the files staged in server/.nixjs-staging/).`,
    );
    expect(readTree(out)).toEqual(before);
  });

  it("when the lock was taken from it", async () => {
    const { out, root, plan, lock } = await setup();
    const unlocked = (p: string) => p.startsWith(".nixjs-staging") || p === ".nixjs.lock";
    const before = readTree(out, unlocked);
    writeFileSync(join(out, ".nixjs.lock"), JSON.stringify({ pid: 1, host: "elsewhere", token: "other" }));
    const error = await commitPlan(root, plan, lock).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockLostError);
    expect((error as Error).message).toBe(`server/.nixjs.lock no longer names this synth (pid ${process.pid}); the tree was left unchanged`);
    expect(readTree(out, unlocked)).toEqual(before);
  });
});
