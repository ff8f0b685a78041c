import { describe, expect, it } from "vitest";
import { asDiskError, ContainmentError, DiskError, shownPath } from "./errors.ts";

describe("DiskError", () => {
  it.each([
    ["EACCES", "permission denied; make it and the directory that holds it writable by you, then run synth again"],
    ["EPERM", "the operation is not permitted (permissions, or an immutable or append-only attribute: see lsattr); fix that, then run synth again"],
    ["EROFS", "the file system is read-only; remount it read-write or choose another --out"],
    ["ENOSPC", "no space is left on the device; free some space, then run synth again"],
    ["EDQUOT", "your disk quota is exhausted; free some space, then run synth again"],
    ["ENOTDIR", "a directory on its way is a file; move that file away, then run synth again"],
    ["EISDIR", "it is a directory where nixjs expects a file; move it away, then run synth again"],
    ["ENAMETOOLONG", "the name is too long for the file system; choose a shorter --out"],
    ["ELOOP", "it is a symbolic link (or too many links lead to it); nixjs never follows one inside its output directory: replace it with a real file or directory"],
    ["EMFILE", "this process has too many open files; raise the limit (ulimit -n), then run synth again"],
    ["ENFILE", "the system has too many open files; close some programs, then run synth again"],
    ["EIO", "the device reported an input/output error; check the disk (and the system log) before running synth again"],
    ["EBUSY", "it is busy (a mount point, or in use); free it, then run synth again"],
    ["ENOENT", "it does not exist (was it moved or deleted while synth ran?); run synth again"],
    ["EEXIST", "something already exists there; move it away, then run synth again"],
    ["ENOTEMPTY", "the directory is not empty; move its contents away, then run synth again"],
    ["EXDEV", "it is on another file system than the output directory; keep the output directory on one file system"],
    ["ETXTBSY", "it is a program being run; stop it, then run synth again"],
    ["EWHATEVER", "the system refused; check the file and its directory, then run synth again"],
  ])("%s names the file and says what to do", (code, advice) => {
    const error = new DiskError(code, "write", "server/flake.nix");
    expect(error.message).toBe(`cannot write server/flake.nix: ${advice} (${code})`);
    expect(error).toMatchObject({ name: "DiskError", code, path: "server/flake.nix" });
  });

  it("wraps system errors only", () => {
    const raw = Object.assign(new Error("EROFS: read-only file system, open '/abs/server/x'"), { code: "EROFS" });
    expect(asDiskError(raw, "create", "server/x")).toEqual(new DiskError("EROFS", "create", "server/x"));
    const containment = new ContainmentError({ kind: "replaced" }, "server");
    expect(asDiskError(containment, "create", "server/x")).toBe(containment);
    const disk = new DiskError("EIO", "read", "server/a");
    expect(asDiskError(disk, "create", "server/x")).toBe(disk);
    const bug = new TypeError("x is not a function");
    expect(asDiskError(bug, "create", "server/x")).toBe(bug);
    const notErrno = Object.assign(new Error("odd"), { code: "ERR_INVALID_ARG_TYPE" });
    expect(asDiskError(notErrno, "create", "server/x")).toBe(notErrno);
    expect(asDiskError(undefined, "create", "server/x")).toBeUndefined();
    // An errno name is a whole string: not one inside another code, nor a list that prints as one.
    const embedded = Object.assign(new Error("odd"), { code: "XEIO" });
    expect(asDiskError(embedded, "create", "server/x")).toBe(embedded);
    const listed = Object.assign(new Error("odd"), { code: ["EIO"] });
    expect(asDiskError(listed, "create", "server/x")).toBe(listed);
  });
});

describe("ContainmentError", () => {
  it("is named, and keeps the problem", () => {
    const error = new ContainmentError({ kind: "replaced" }, "server");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ContainmentError");
    expect(error.problem).toEqual({ kind: "replaced" });
    expect(String(error)).toBe("ContainmentError: server/ was moved or replaced while synth ran; run synth again");
  });
});

describe("shownPath", () => {
  it("prefixes the output directory as displayed, unless it is the working directory", () => {
    expect(shownPath("server", "a/b.nix")).toBe("server/a/b.nix");
    expect(shownPath(".", "a/b.nix")).toBe("a/b.nix");
    expect(shownPath("server", "")).toBe("server/");
    expect(shownPath(".", "")).toBe("./");
  });
});
