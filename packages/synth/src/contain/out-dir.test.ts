import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../test-support/fixtures.ts";
import { listenToDiskChanges } from "../write/fs-ops.ts";
import { DiskError } from "./errors.ts";
import { createOutDir, locateOutDir, OutDirError, removeIfEmpty } from "./out-dir.ts";

const scratch = tempDirsPerTest("nixjs-outdir-");
afterEach(() => listenToDiskChanges());

/** How many file descriptors this process holds open. */
function openDescriptors(): number {
  return readdirSync("/proc/self/fd").length;
}

describe("locateOutDir", () => {
  it("opens an existing directory, following a link to it (the user's choice) once", () => {
    const base = realpathSync(scratch());
    mkdirSync(join(base, "real/server"), { recursive: true });
    symlinkSync("real", join(base, "via"));
    const found = locateOutDir(join(base, "via/server"), "via/server");
    expect(found).toMatchObject({ kind: "exists", root: { path: join(base, "real/server"), display: "via/server" } });
  });

  it("reports a missing directory without creating it", () => {
    const base = scratch();
    expect(locateOutDir(join(base, "a/b/server"), "a/b/server")).toEqual({ kind: "missing" });
    expect(existsSync(join(base, "a"))).toBe(false);
  });

  it("refuses a file, a dangling link, a path below a file, and a kernel pseudo-file system", () => {
    const base = scratch();
    writeFileSync(join(base, "file"), "");
    symlinkSync(join(base, "nowhere"), join(base, "dangling"));
    expect(() => locateOutDir(join(base, "file"), "file")).toThrow(new OutDirError("file is not a directory; move it away or choose another --out"));
    expect(() => locateOutDir(join(base, "dangling"), "dangling")).toThrow(
      new OutDirError(`dangling is a symbolic link to ${join(base, "nowhere")}, which does not exist; create that directory or remove the link, then run synth again`),
    );
    expect(() => locateOutDir(join(base, "file/server"), "file/server")).toThrow(new DiskError("ENOTDIR", "create the output directory", "file/server"));
    expect(() => locateOutDir("/proc/nixjs-test/server", "/proc/nixjs-test/server")).toThrow(
      new OutDirError("/proc/nixjs-test/server is on a proc file system (/proc), a view of the kernel that holds no files of yours; choose an output directory on a real file system"),
    );
    expect(() => locateOutDir("/proc/self", "/proc/self")).toThrow(/is on a proc file system \(\/proc\/\d+\)/);
    expect(() => locateOutDir("/sys/kernel/nixjs", "/sys/kernel/nixjs")).toThrow(/is on a sysfs file system/);
  });
});

describe("createOutDir", () => {
  it("creates every missing component, and removeIfEmpty undoes an unused one", () => {
    const base = realpathSync(scratch());
    const root = createOutDir(join(base, "a/b/server"), "a/b/server");
    expect(root.path).toBe(join(base, "a/b/server"));
    expect(lstatSync(root.path).isDirectory()).toBe(true);
    writeFileSync(join(root.path, "x"), "");
    removeIfEmpty(root);
    expect(existsSync(root.path)).toBe(true);
    const empty = createOutDir(join(base, "empty"), "empty");
    removeIfEmpty(empty);
    expect(existsSync(join(base, "empty"))).toBe(false);
    removeIfEmpty(empty);
  });

  it("refuses a pseudo-file system before creating anything, and names what is in the way", () => {
    const base = scratch();
    expect(() => createOutDir("/proc/nixjs-test/server", "/proc/nixjs-test/server")).toThrow(OutDirError);
    writeFileSync(join(base, "file"), "");
    expect(() => createOutDir(join(base, "file/server"), "file/server")).toThrow(
      "cannot create the output directory file/server: a directory on its way is a file; move that file away, then run synth again (ENOTDIR)",
    );
  });
});

describe("createOutDir, step by step", () => {
  it("makes each missing component with its own mkdir, then flushes the directory holding it", () => {
    const base = realpathSync(scratch());
    mkdirSync(join(base, "a"));
    const ops: string[] = [];
    listenToDiskChanges((op) => ops.push(op));
    const before = openDescriptors();
    createOutDir(join(base, "a/b/c/server"), "a/b/c/server");
    expect(openDescriptors()).toBe(before);
    expect(ops).toEqual([
      `mkdir ${base}/a/b`, `fsync-dir ${base}/a`,
      `mkdir ${base}/a/b/c`, `fsync-dir ${base}/a/b`,
      `mkdir ${base}/a/b/c/server`, `fsync-dir ${base}/a/b/c`,
    ]);
    ops.length = 0;
    createOutDir(join(base, "a/b/c/server"), "a/b/c/server");
    expect(ops).toEqual([]);
  });

  it("names the output directory when a mkdir fails", () => {
    const base = realpathSync(scratch());
    // Something appears where the directory is being made: mkdir(2) fails with EEXIST.
    listenToDiskChanges((op) => {
      if (op === `mkdir ${base}/server`) writeFileSync(join(base, "server"), "");
    });
    expect(() => createOutDir(join(base, "server/x"), "server/x")).toThrow(new DiskError("EEXIST", "create the output directory", "server/x"));
  });

  it("names the output directory when the directory holding a new one cannot be opened to flush it", () => {
    const base = realpathSync(scratch());
    mkdirSync(join(base, "a"));
    listenToDiskChanges((op) => {
      if (op === `fsync-dir ${base}/a`) renameSync(join(base, "a"), join(base, "moved"));
    });
    expect(() => createOutDir(join(base, "a/server"), "a/server")).toThrow(new DiskError("ENOENT", "flush the directory holding", "a/server"));
  });

  it("reports a system error on the way as opening, a file on the way as creating", () => {
    const base = realpathSync(scratch());
    const long = "x".repeat(300);
    expect(() => locateOutDir(join(base, long), "long")).toThrow(new DiskError("ENAMETOOLONG", "open the output directory", "long"));
    expect(() => createOutDir(join(base, long, "server"), "long/server")).toThrow(new DiskError("ENAMETOOLONG", "open the output directory", "long/server"));
    symlinkSync("loop", join(base, "loop"));
    expect(() => locateOutDir(join(base, "loop/server"), "loop/server")).toThrow(new DiskError("ELOOP", "open the output directory", "loop/server"));
  });

  it("refuses a missing directory below a pseudo-file system, judged by the nearest existing directory", () => {
    expect(() => locateOutDir("/proc/self/nixjs/a/b", "x")).toThrow(/^x is on a proc file system \(\/proc\/\d+\), a view of the kernel/);
    expect(() => createOutDir("/sys/kernel/nixjs/a", "y")).toThrow(new OutDirError("y is on a sysfs file system (/sys/kernel), a view of the kernel that holds no files of yours; choose an output directory on a real file system"));
    expect(existsSync("/sys/kernel/nixjs")).toBe(false);
  });
});

describe("OutDirError", () => {
  it("is named", () => {
    const error = new OutDirError("server is not a directory");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("OutDirError");
    expect(String(error)).toBe("OutDirError: server is not a directory");
  });
});
