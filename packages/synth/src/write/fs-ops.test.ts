/**
 * The choke point: every disk change refuses a symbolic link on the way (or at the end) and
 * changes nothing outside the output directory; system errors name the file and say what to do.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContainmentError, DiskError } from "../contain/errors.ts";
import { openRoot, type OutRoot } from "../contain/root.ts";
import { fingerprint, lockDirectory } from "../../test-support/fingerprint.ts";
import { readTree, tempDirsPerTest } from "../../test-support/fixtures.ts";
import { createExclusive, makeDirs, removeDirIfEmpty, removeFile, removeTree, renameFile, syncDir, syncFile, syncFiles, writeDurable, writeFile } from "./fs-ops.ts";

const scratch = tempDirsPerTest("nixjs-ops-");

/** `out/` (opened) with `dir/f.txt`, `outside/` with `x.txt` and `sub/`, and `out/link -> outside`, `out/file-link -> outside/x.txt`. */
function setup(): { root: OutRoot; out: string; outside: string } {
  const base = realpathSync(scratch());
  const out = join(base, "out");
  const outside = join(base, "outside");
  mkdirSync(join(out, "dir"), { recursive: true });
  mkdirSync(join(outside, "sub"), { recursive: true });
  writeFileSync(join(out, "dir/f.txt"), "f\n");
  writeFileSync(join(outside, "x.txt"), "x\n");
  symlinkSync(outside, join(out, "link"));
  symlinkSync(join(outside, "x.txt"), join(out, "file-link"));
  return { root: openRoot(out, "out"), out, outside };
}

function refusedLink(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof ContainmentError && error.problem.kind === "symlink") return error.problem.link;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("every disk change refuses a symbolic link and leaves the outside alone", () => {
  const attempts: [string, (root: OutRoot) => unknown, string][] = [
    ["mkdir below a link", (r) => makeDirs(r, "link/new/deeper"), "link"],
    ["mkdir of a link", (r) => makeDirs(r, "link"), "link"],
    ["create through a link", (r) => writeFile(r, "link/new.txt", Buffer.from("n")), "link"],
    ["create at a link", (r) => writeFile(r, "file-link", Buffer.from("n")), "file-link"],
    ["durable create through a link", (r) => writeDurable(r, "link/new.txt", Buffer.from("n")), "link"],
    ["fsync through a link", (r) => syncFile(r, "link/x.txt"), "link"],
    ["fsync of a link", (r) => syncFile(r, "file-link"), "file-link"],
    ["syncfs of a linked directory", (r) => syncFiles(r, "link", Array.from({ length: 20 }, (_, i) => `link/${i}`)), "link"],
    ["fsync of a linked directory", (r) => syncDir(r, "link"), "link"],
    ["rename into a link", (r) => renameFile(r, "dir/f.txt", "link/f.txt"), "link"],
    ["rename over a link", (r) => renameFile(r, "dir/f.txt", "file-link"), "file-link"],
    ["rename out of a link", (r) => renameFile(r, "link/x.txt", "dir/x.txt"), "link"],
    ["unlink through a link", (r) => removeFile(r, "link/x.txt"), "link"],
    ["unlink of a link", (r) => removeFile(r, "file-link"), "file-link"],
    ["rmdir through a link", (r) => removeDirIfEmpty(r, "link/sub"), "link"],
    ["rm -r of a link", (r) => removeTree(r, "link"), "link"],
    ["lock file through a link", (r) => createExclusive(r, "link/lock", "x"), "link"],
  ];
  it.each(attempts)("%s", (_name, attempt, link) => {
    const { root, out, outside } = setup();
    const outsideBefore = fingerprint(outside);
    const outBefore = fingerprint(out);
    expect(refusedLink(() => attempt(root))).toBe(link);
    expect(fingerprint(outside)).toEqual(outsideBefore);
    expect(fingerprint(out)).toEqual(outBefore);
  });

  it("rm -r refuses a link planted inside the tree it removes, before touching it", () => {
    const { root, out, outside } = setup();
    mkdirSync(join(out, "staging/deep"), { recursive: true });
    writeFileSync(join(out, "staging/deep/a"), "a");
    symlinkSync(outside, join(out, "staging/deep/z-link"));
    const outsideBefore = fingerprint(outside);
    expect(refusedLink(() => removeTree(root, "staging"))).toBe("staging/deep/z-link");
    expect(fingerprint(outside)).toEqual(outsideBefore);
  });
});

describe("the operations themselves", () => {
  it("create, flush, rename, delete and prune below the root", () => {
    const { root, out } = setup();
    makeDirs(root, "a/b/c");
    makeDirs(root, "a/b");
    writeDurable(root, "a/b/c/new.txt", Buffer.from("new\n"));
    expect(() => writeFile(root, "a/b/c/new.txt", Buffer.from("again"))).toThrow(new DiskError("EEXIST", "create", "out/a/b/c/new.txt"));
    syncFiles(root, "a/b/c", ["a/b/c/new.txt"]);
    syncDir(root, "a/b");
    syncDir(root, "gone");
    renameFile(root, "a/b/c/new.txt", "dir/moved.txt");
    expect(removeDirIfEmpty(root, "a")).toBe(false);
    expect(removeDirIfEmpty(root, "a/b/c")).toBe(true);
    expect(removeDirIfEmpty(root, "nope")).toBe(false);
    expect(removeDirIfEmpty(root, "dir/f.txt")).toBe(false);
    removeFile(root, "dir/f.txt");
    expect(readTree(out, (p) => p.includes("link"))).toEqual(new Map([["dir/moved.txt", "new\n"]]));
    expect(createExclusive(root, "lock", "1")).toBe(true);
    expect(createExclusive(root, "lock", "2")).toBe(false);
    expect(readFileSync(join(out, "lock"), "utf8")).toBe("1");
    removeTree(root, "a");
    removeTree(root, "a");
    expect(existsSync(join(out, "a"))).toBe(false);
  });

  it("syncs many files with one syncfs, and writes large files whole", () => {
    const { root, out } = setup();
    makeDirs(root, "many");
    const names = Array.from({ length: 20 }, (_, i) => `many/${i}`);
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    for (const name of names) writeFile(root, name, big.subarray(0, 10));
    writeFile(root, "big", big);
    syncFiles(root, "many", names);
    expect(readFileSync(join(out, "big")).equals(big)).toBe(true);
  });

  it("turns system errors into sentences naming the file and what to do", () => {
    const { root, out } = setup();
    expect(() => makeDirs(root, "dir/f.txt/sub")).toThrow("cannot create the directory out/dir/f.txt: something already exists there; move it away, then run synth again (EEXIST)");
    expect(() => writeFile(root, "dir/f.txt/x", Buffer.from(""))).toThrow(
      "cannot create out/dir/f.txt/x: a directory on its way is a file; move that file away, then run synth again (ENOTDIR)",
    );
    expect(() => removeFile(root, "dir")).toThrow(/^cannot delete out\/dir: .* \((EISDIR|EPERM)\)$/);
    expect(() => renameFile(root, "dir/none", "dir/x")).toThrow("cannot move a file into out/dir/x: it does not exist (was it moved or deleted while synth ran?); run synth again (ENOENT)");
    const locked = lockDirectory(join(out, "dir"));
    try {
      expect(() => writeFile(root, "dir/new.txt", Buffer.from("n"))).toThrow(`cannot create out/dir/new.txt: ${locked.advice}`);
      expect(() => removeFile(root, "dir/f.txt")).toThrow(new DiskError(locked.code, "delete", "out/dir/f.txt"));
    } finally {
      locked.undo();
    }
  });
});
