/**
 * Kernel pseudo-file systems (`/proc`, `/sys`, `/dev`, cgroups, …) hold no files of a user's
 * and behave oddly when written: under `/proc`, Node 20's recursive `mkdir` never returns. An
 * output directory on one is refused before anything is created.
 */
import { readFileSync, statfsSync } from "node:fs";

/** File system types (as `/proc/self/mountinfo` names them) that are never an output directory. */
const PSEUDO_TYPES: ReadonlySet<string> = new Set([
  "proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore",
  "bpf", "configfs", "fusectl", "efivarfs", "mqueue", "binfmt_misc", "autofs", "rpc_pipefs", "nsfs", "selinuxfs",
  "hugetlbfs",
]);

/** `statfs(2)` magic numbers of the same, for when `mountinfo` cannot be read (devtmpfs reads as tmpfs there). */
const PSEUDO_MAGIC: ReadonlyMap<number, string> = new Map([
  [0x9fa0, "proc"], [0x62656572, "sysfs"], [0x1cd1, "devpts"], [0x27e0eb, "cgroup"], [0x63677270, "cgroup2"],
  [0x64626720, "debugfs"], [0x74726163, "tracefs"], [0x73636673, "securityfs"], [0x6165676c, "pstore"],
  [0xcafe4a11, "bpf"], [0x62656570, "configfs"], [0x65735543, "fusectl"], [0xde5e81e4, "efivarfs"],
  [0x19800202, "mqueue"], [0x42494e4d, "binfmt_misc"], [0x6e736673, "nsfs"], [0xf97cff8c, "selinuxfs"],
  [0x958458f6, "hugetlbfs"],
]);

/**
 * The type of the file system `realPath` (absolute, no symbolic link) is on, from the text of
 * `/proc/self/mountinfo`: the mount with the longest mount point above it (the last one listed
 * when several are stacked on one point). `undefined` when no mount matches.
 * @example fileSystemType(mountinfo, "/proc/self") // "proc"
 */
export function fileSystemType(mountinfo: string, realPath: string): string | undefined {
  let best: { point: string; type: string } | undefined;
  for (const line of mountinfo.split("\n")) {
    // id parent major:minor root mount-point options [optional fields…] - type source super-options
    const fields = line.split(" ");
    const dash = fields.indexOf("-");
    const point = fields[4];
    const type = fields[dash + 1];
    if (dash < 6 || point === undefined || type === undefined) continue;
    const mountPoint = unescapeOctal(point);
    if (!isAtOrBelow(realPath, mountPoint)) continue;
    if (best === undefined || mountPoint.length >= best.point.length) best = { point: mountPoint, type };
  }
  return best?.type;
}

/**
 * The pseudo-file system `realPath` is on (`"proc"`, `"sysfs"`, …), or `undefined` for an
 * ordinary one. Reads `/proc/self/mountinfo` (Linux); elsewhere asks `statfs(2)`.
 * @example pseudoFileSystemOf("/proc/self") // "proc"
 */
export function pseudoFileSystemOf(realPath: string): string | undefined {
  let mountinfo: string | undefined;
  try {
    mountinfo = readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    mountinfo = undefined;
  }
  return pseudoFileSystemIn(mountinfo, realPath);
}

/**
 * {@link pseudoFileSystemOf} given the text of `/proc/self/mountinfo` (`undefined`: it could
 * not be read): the type of the mount `realPath` is on decides; when no mount matches (or
 * without the text), the magic number `statfs(2)` gives for `realPath`.
 * @example pseudoFileSystemIn("21 26 0:20 / /proc rw - proc proc rw", "/proc/1") // "proc"
 */
export function pseudoFileSystemIn(mountinfo: string | undefined, realPath: string): string | undefined {
  if (mountinfo !== undefined) {
    const type = fileSystemType(mountinfo, realPath);
    if (type !== undefined) return PSEUDO_TYPES.has(type) ? type : undefined;
  }
  try {
    return pseudoFileSystemOfMagic(Number(statfsSync(realPath).type));
  } catch {
    return undefined;
  }
}

/**
 * The pseudo-file system a `statfs(2)` magic number (`f_type`, see `linux/magic.h`) names.
 * @example pseudoFileSystemOfMagic(0x9fa0) // "proc"
 */
export function pseudoFileSystemOfMagic(magic: number): string | undefined {
  return PSEUDO_MAGIC.get(magic);
}

/** True when `path` is `dir` or inside it (both absolute and normalised). */
function isAtOrBelow(path: string, dir: string): boolean {
  return dir === "/" || path === dir || path.startsWith(`${dir}/`);
}

/** mountinfo writes a space, tab, newline and backslash in a path as `\040`, `\011`, `\012`, `\134`. */
function unescapeOctal(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}
