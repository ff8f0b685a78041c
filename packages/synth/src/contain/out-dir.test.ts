import { existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../test-support/fixtures.ts";
import { DiskError } from "./errors.ts";
import { createOutDir, locateOutDir, OutDirError, removeIfEmpty } from "./out-dir.ts";

const scratch = tempDirsPerTest("nixjs-outdir-");

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
