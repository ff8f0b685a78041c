import { readFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { fileSystemType, pseudoFileSystemIn, pseudoFileSystemOf, pseudoFileSystemOfMagic } from "./pseudo-fs.ts";

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

  it("skips a line without the six fields before the separator, or without a type after it", () => {
    // Five fields before `-`: not a mount line, though a mount point and a type can be read off it.
    expect(fileSystemType("21 26 0:20 / /short - proc proc rw", "/short/x")).toBeUndefined();
    // A separator with nothing after it: the ext4 root still answers.
    const truncated = ["26 1 254:0 / / rw - ext4 /dev/vda rw", "40 26 0:40 / /cut rw x -"].join("\n");
    expect(fileSystemType(truncated, "/cut/x")).toBe("ext4");
  });
});

/** A mountinfo with the root on `type`, and an ext4 `/data`. */
function rootOn(type: string): string {
  return `26 1 0:30 / / rw,relatime - ${type} none rw\n41 26 254:0 / /data rw - ext4 /dev/vda rw\n`;
}

describe("pseudoFileSystemIn: the mount's type decides, statfs(2) only without one", () => {
  it.each([
    "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore",
    "bpf", "configfs", "fusectl", "efivarfs", "mqueue", "binfmt_misc", "autofs", "rpc_pipefs", "nsfs", "selinuxfs",
    "hugetlbfs",
  ])("%s is a pseudo-file system", (type) => {
    expect(pseudoFileSystemIn(rootOn(type), "/srv/server")).toBe(type);
    expect(pseudoFileSystemIn(rootOn(type), "/data/server")).toBeUndefined();
  });

  it("trusts the mount table over statfs(2), either way", () => {
    const tmp = realpathSync(tmpdir());
    // Ordinary types are not pseudo, even where statfs would say proc.
    for (const type of ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "nfs4", "fuse.sshfs"]) {
      expect(pseudoFileSystemIn(rootOn(type), "/proc/self")).toBeUndefined();
    }
    expect(pseudoFileSystemIn(rootOn("proc"), tmp)).toBe("proc");
  });

  it("asks statfs(2) when the table is missing or no mount matches", () => {
    const tmp = realpathSync(tmpdir());
    for (const mountinfo of [undefined, "", "garbage"]) {
      expect(pseudoFileSystemIn(mountinfo, "/proc/self")).toBe("proc");
      expect(pseudoFileSystemIn(mountinfo, "/sys")).toBe("sysfs");
      expect(pseudoFileSystemIn(mountinfo, tmp)).toBeUndefined();
      expect(pseudoFileSystemIn(mountinfo, "/nixjs-no-such-directory")).toBeUndefined();
    }
  });
});

describe("pseudoFileSystemOfMagic", () => {
  // From linux/magic.h (configfs, fusectl and mqueue from their sources in the kernel tree).
  it.each([
    [0x9fa0, "proc"], [0x62656572, "sysfs"], [0x1cd1, "devpts"], [0x27e0eb, "cgroup"], [0x63677270, "cgroup2"],
    [0x64626720, "debugfs"], [0x74726163, "tracefs"], [0x73636673, "securityfs"], [0x6165676c, "pstore"],
    [0xcafe4a11, "bpf"], [0x62656570, "configfs"], [0x65735543, "fusectl"], [0xde5e81e4, "efivarfs"],
    [0x19800202, "mqueue"], [0x42494e4d, "binfmt_misc"], [0x6e736673, "nsfs"], [0xf97cff8c, "selinuxfs"],
    [0x958458f6, "hugetlbfs"],
  ])("%i is %s", (magic, type) => {
    expect(pseudoFileSystemOfMagic(magic)).toBe(type);
  });

  it("knows no ordinary file system", () => {
    // EXT4_SUPER_MAGIC, TMPFS_MAGIC, XFS_SUPER_MAGIC, OVERLAYFS_SUPER_MAGIC.
    for (const magic of [0xef53, 0x01021994, 0x58465342, 0x794c7630]) expect(pseudoFileSystemOfMagic(magic)).toBeUndefined();
  });
});

describe("pseudoFileSystemOf (this machine)", () => {
  it("knows /proc and /sys, and not the temporary directory", () => {
    expect(pseudoFileSystemOf("/proc/self")).toBe("proc");
    expect(pseudoFileSystemOf("/sys")).toBe("sysfs");
    expect(pseudoFileSystemOf(realpathSync(tmpdir()))).toBeUndefined();
  });

  // Only where this machine mounts /dev as devtmpfs (a container may use a tmpfs).
  it.runIf(fileSystemType(readFileSync("/proc/self/mountinfo", "utf8"), "/dev") === "devtmpfs")("reads the mount table: /dev is devtmpfs there, while statfs(2) sees a tmpfs", () => {
    expect(pseudoFileSystemOf("/dev")).toBe("devtmpfs");
    expect(pseudoFileSystemIn(undefined, "/dev")).toBeUndefined();
  });
});
