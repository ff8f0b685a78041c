import { realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { fileSystemType, pseudoFileSystemOf } from "./pseudo-fs.ts";

const MOUNTINFO = [
  "21 26 0:20 / /proc rw,relatime - proc proc rw",
  "22 26 0:21 / /sys rw,relatime shared:7 - sysfs sysfs rw",
  "23 26 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334808k",
  "24 23 0:22 / /dev/shm rw,relatime - tmpfs tmpfs rw",
  "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
  "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
  "40 26 0:40 / /mnt/my\\040disk rw - xfs /dev/sdb rw",
  "41 26 0:41 / /mnt/stack rw - ext4 /dev/sdc rw",
  "42 41 0:42 / /mnt/stack rw - proc proc rw",
  "garbage line",
  "",
].join("\n");

describe("fileSystemType", () => {
  it.each([
    ["/proc/self", "proc"],
    ["/proc", "proc"],
    ["/sys/kernel", "sysfs"],
    ["/sys/fs/cgroup/cpu/x", "cgroup"],
    ["/dev/null", "devtmpfs"],
    ["/dev/shm/x", "tmpfs"],
    ["/devices", "ext4"],
    ["/processes", "ext4"],
    ["/home/me/repo/server", "ext4"],
    ["/mnt/my disk/server", "xfs"],
    // Stacked on one mount point: the last mount listed is the one seen.
    ["/mnt/stack/x", "proc"],
  ])("%s is on %s (longest mount point above it)", (path, type) => {
    expect(fileSystemType(MOUNTINFO, path)).toBe(type);
  });

  it("is undefined without a matching mount", () => {
    expect(fileSystemType("21 26 0:20 / /proc rw - proc proc rw\n", "/home")).toBeUndefined();
  });
});

describe("pseudoFileSystemOf (this machine)", () => {
  it("knows /proc and /sys, and not the temporary directory", () => {
    expect(pseudoFileSystemOf("/proc/self")).toBe("proc");
    expect(pseudoFileSystemOf("/sys")).toBe("sysfs");
    expect(pseudoFileSystemOf(realpathSync(tmpdir()))).toBeUndefined();
  });
});
