import { spawnSync } from "node:child_process";
import { constants, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../test-support/fixtures.ts";
import { ContainmentError, DiskError } from "./errors.ts";
import { inodeOf, listDir, look, O_NOFOLLOW, openRoot, reach, readRegular } from "./root.ts";

const scratch = tempDirsPerTest("nixjs-root-");

/** An output directory `out/` holding `a/b/c.txt`, next to a directory `outside/` with `secret.txt`. */
function tree(): { base: string; out: string; outside: string } {
  const base = realpathSync(scratch());
  const out = join(base, "out");
  const outside = join(base, "outside");
  mkdirSync(join(out, "a/b"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(out, "a/b/c.txt"), "c\n");
  writeFileSync(join(outside, "secret.txt"), "secret\n");
  return { base, out, outside };
}

function mkfifo(path: string): void {
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed`);
}

function containment(call: () => unknown): ContainmentError {
  try {
    call();
  } catch (error) {
    if (error instanceof ContainmentError) return error;
    throw error;
  }
  throw new Error("expected a ContainmentError");
}

describe("openRoot", () => {
  it("resolves the output directory once: it may itself be a symbolic link", () => {
    const { base, out } = tree();
    symlinkSync("out", join(base, "via-link"));
    const root = openRoot(join(base, "via-link"), "via-link");
    expect(root.path).toBe(out);
    expect(root.display).toBe("via-link");
    expect(root.ino).toBe(lstatSync(out, { bigint: true }).ino);
    expect(readRegular(root, "a/b/c.txt").toString()).toBe("c\n");
  });

  it("refuses a file, and names a missing directory", () => {
    const { out } = tree();
    expect(containment(() => openRoot(join(out, "a/b/c.txt"), "c")).message).toBe("c/ is not a directory where nixjs expects a regular file; move it away, then run synth again");
    expect(() => openRoot(join(out, "nope"), "nope")).toThrow(new DiskError("ENOENT", "open the output directory", "nope/"));
  });
});

describe("look: what a path names, never following a link", () => {
  it("tells files, directories, missing paths and special files apart", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    mkfifo(join(out, "a/fifo"));
    expect(look(root, "a/b/c.txt")).toEqual({ kind: "file", size: 2 });
    expect(look(root, "a/b")).toEqual({ kind: "directory" });
    expect(look(root, "")).toEqual({ kind: "directory" });
    expect(look(root, "a/nope/x")).toEqual({ kind: "missing" });
    // A file where a directory goes: nothing can be below it.
    expect(look(root, "a/b/c.txt/x")).toEqual({ kind: "missing" });
    expect(look(root, "a/fifo")).toEqual({ kind: "special", what: "a FIFO (named pipe)" });
  });

  it("names the first symbolic link on the way, at every component, wherever it points", () => {
    const { out, outside } = tree();
    const root = openRoot(out, "out");
    symlinkSync(outside, join(out, "top"));
    symlinkSync("../b", join(out, "a/b/inside")); // to inside the tree: still a link
    symlinkSync(join(outside, "gone"), join(out, "a/dangling"));
    expect(look(root, "top/secret.txt")).toEqual({ kind: "symlink", link: "top", target: outside });
    expect(look(root, "top")).toEqual({ kind: "symlink", link: "top", target: outside });
    expect(look(root, "a/b/inside/c.txt")).toEqual({ kind: "symlink", link: "a/b/inside", target: "../b" });
    expect(look(root, "a/dangling")).toEqual({ kind: "symlink", link: "a/dangling", target: join(outside, "gone") });
    expect(look(root, "a/dangling/x/y")).toMatchObject({ kind: "symlink", link: "a/dangling" });
  });
});

describe("reach: a path checked for an operation right now", () => {
  it("returns the absolute path below the real root", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    expect(reach(root, "a/b/c.txt")).toBe(join(out, "a/b/c.txt"));
    expect(reach(root, "a/new/deeper.txt")).toBe(join(out, "a/new/deeper.txt"));
    // A file where a directory goes: the walk stops there, the operation gets ENOTDIR.
    expect(reach(root, "a/b/c.txt/x/y")).toBe(join(out, "a/b/c.txt/x/y"));
    expect(reach(root, "")).toBe(out);
  });

  it("refuses a symbolic link at every component, naming it, and at the end unless asked", () => {
    const { out, outside } = tree();
    const root = openRoot(out, "out");
    symlinkSync(outside, join(out, "a/b/link"));
    symlinkSync(outside, join(out, "top"));
    for (const [path, link] of [["top/secret.txt", "top"], ["top", "top"], ["a/b/link/x/y.txt", "a/b/link"], ["a/b/link", "a/b/link"]] as const) {
      const error = containment(() => reach(root, path));
      expect(error.problem).toEqual({ kind: "symlink", link, target: outside });
      expect(error.message).toBe(
        `out/${link} is a symbolic link (to ${outside}); nixjs never reads, writes or deletes through a symbolic link inside its output directory, even with --force. Replace it with a real directory or file, or move it out of out/, then run synth again`,
      );
    }
    // The link itself, not what it points to: for lstat-like uses.
    expect(reach(root, "a/b/link", "any")).toBe(join(out, "a/b/link"));
    expect(containment(() => reach(root, "top/x", "any")).problem).toMatchObject({ link: "top" });
  });

  it("refuses every path that is not plain and relative", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    for (const [path, problem] of [
      ["../outside/secret.txt", "leaves the output directory (`..`)"],
      ["a/../../outside", "leaves the output directory (`..`)"],
      ["/etc/passwd", "is absolute"],
      ["a\0b", "contains a NUL character"],
      ["a//b", "has an empty segment"],
      ["a/./b", "has a `.` segment"],
      ["a\\b", "contains a backslash (use `/`)"],
    ]) {
      const error = containment(() => reach(root, path!));
      expect(error.problem).toEqual({ kind: "path", path, problem });
      expect(error.message).toBe(`${JSON.stringify(path)} ${problem}; nixjs only touches paths inside its output directory out/`);
      expect(containment(() => look(root, path!)).problem.kind).toBe("path");
    }
  });

  it("refuses everything once the output directory is not the one opened", () => {
    const { base, out, outside } = tree();
    const root = openRoot(out, "out");
    renameSync(out, join(base, "moved"));
    symlinkSync(outside, out);
    const error = containment(() => reach(root, "a/b/c.txt"));
    expect(error.problem).toEqual({ kind: "replaced" });
    expect(error.message).toBe("out/ was moved or replaced while synth ran; run synth again");
    expect(containment(() => look(root, "a")).problem.kind).toBe("replaced");
  });
});

describe("reading below the root", () => {
  it("reads regular files only: never a link, a directory, or a FIFO (which would block)", () => {
    const { out, outside } = tree();
    const root = openRoot(out, "out");
    mkfifo(join(out, "a/fifo"));
    symlinkSync(join(outside, "secret.txt"), join(out, "a/link.txt"));
    expect(readRegular(root, "a/b/c.txt")).toEqual(Buffer.from("c\n"));
    expect(containment(() => readRegular(root, "a/fifo")).message).toBe("out/a/fifo is a FIFO (named pipe) where nixjs expects a regular file; move it away, then run synth again");
    expect(containment(() => readRegular(root, "a/b")).problem).toEqual({ kind: "special", path: "a/b", what: "a directory" });
    expect(containment(() => readRegular(root, "a/link.txt")).problem).toMatchObject({ kind: "symlink", link: "a/link.txt" });
    expect(() => readRegular(root, "a/none")).toThrow(new DiskError("ENOENT", "read", "out/a/none"));
  });

  it("lists a directory sorted by code units, and gives a directory's inode", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    for (const name of ["b.txt", "B.txt", "a.txt"]) writeFileSync(join(out, name), "");
    expect(listDir(root, "")).toEqual(["B.txt", "a", "a.txt", "b.txt"]);
    expect(inodeOf(root, "a")).toBe(lstatSync(join(out, "a"), { bigint: true }).ino.toString());
    expect(inodeOf(root, "a/b/c.txt")).toBeUndefined();
    expect(inodeOf(root, "nope")).toBeUndefined();
  });
});

describe("system errors on the walk name the component that failed", () => {
  it("an over-long name in the middle of a path", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    const long = "x".repeat(300);
    const error = new DiskError("ENAMETOOLONG", "examine", `out/a/${long}`);
    expect(() => look(root, `a/${long}/c.nix`)).toThrow(error);
    expect(() => reach(root, `a/${long}/c.nix`)).toThrow(error);
  });

  it("listing a file, or examining below one", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    expect(() => listDir(root, "a/b/c.txt")).toThrow(new DiskError("ENOTDIR", "list", "out/a/b/c.txt"));
    expect(() => inodeOf(root, "a/b/c.txt/x")).toThrow(new DiskError("ENOTDIR", "examine", "out/a/b/c.txt/x"));
  });

  it("reading a file the device refuses, without leaking its descriptor", () => {
    // /proc/self/mem reads as a regular file of size 0; reading its (unmapped) first page fails.
    const root = openRoot("/proc/self", "self");
    const before = readdirSync("/proc/self/fd").length;
    expect(() => readRegular(root, "mem")).toThrow(new DiskError("EIO", "read", "self/mem"));
    expect(readdirSync("/proc/self/fd").length).toBe(before);
  });

  it("a root whose directory is gone, or whose path now leads through a file", () => {
    const { base, out } = tree();
    const root = openRoot(out, "out");
    rmSync(out, { recursive: true });
    expect(containment(() => look(root, "a")).problem).toEqual({ kind: "replaced" });
    renameSync(base, `${base}-moved`);
    writeFileSync(base, "");
    try {
      expect(() => reach(root, "a")).toThrow(new DiskError("ENOTDIR", "open the output directory", "out/"));
    } finally {
      rmSync(base);
      renameSync(`${base}-moved`, base);
    }
  });

  it("a root of another device or inode than the directory opened", () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    expect(containment(() => reach({ ...root, dev: root.dev + 1n }, "a")).problem).toEqual({ kind: "replaced" });
    expect(containment(() => reach({ ...root, ino: root.ino + 1n }, "a")).problem).toEqual({ kind: "replaced" });
    expect(reach(root, "a")).toBe(join(out, "a"));
  });
});

describe("special files and links", () => {
  it("tells a socket and a device file apart from a FIFO", async () => {
    const { out } = tree();
    const root = openRoot(out, "out");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(out, "a/socket"), resolve));
    try {
      expect(look(root, "a/socket")).toEqual({ kind: "special", what: "a socket" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const dev = openRoot("/dev", "dev");
    expect(look(dev, "null")).toEqual({ kind: "special", what: "a device file" });
    expect(containment(() => readRegular(dev, "null")).message).toBe("dev/null is a device file where nixjs expects a regular file; move it away, then run synth again");
  });

  it("lists names by UTF-16 code units, not by the bytes the system sorts them by", () => {
    const { out } = tree();
    const root = openRoot(out, "out/a/b");
    for (const name of ["\uff21", "\u{1f600}", "b"]) writeFileSync(join(out, "a/b", name), "");
    // In UTF-8, U+FF21 sorts before U+1F600; in UTF-16, U+1F600 starts with a lower surrogate.
    expect(listDir(root, "a/b")).toEqual(["b", "c.txt", "\u{1f600}", "\uff21"]);
  });

  it("O_NOFOLLOW refuses to open a symbolic link", () => {
    const { out, outside } = tree();
    symlinkSync(join(outside, "secret.txt"), join(out, "link"));
    expect(O_NOFOLLOW).not.toBe(0);
    expect(() => openSync(join(out, "link"), constants.O_RDONLY | O_NOFOLLOW)).toThrow(expect.objectContaining({ code: "ELOOP" }));
  });
});
