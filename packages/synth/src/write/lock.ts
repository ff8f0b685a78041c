import { randomBytes } from "node:crypto";
import { lstatSync } from "node:fs";
import { hostname } from "node:os";
import { ContainmentError, shownPath } from "../contain/errors.ts";
import { listDir, look, reach, readRegular, type OutRoot } from "../contain/root.ts";
import { LOCK_FILE } from "../paths.ts";
import { createExclusive, removeFile, renameFile } from "./fs-ops.ts";

/** Who holds a lock, as written in the lock file. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** Random: tells two owners with a recycled pid apart. */
  readonly token: string;
}

/** A lock this process holds. */
export interface HeldLock {
  /** The lock file as the user names it (`server/.nixjs.lock`). */
  readonly path: string;
  readonly owner: LockOwner;
  /** Set when a dead synth's lock was taken over. */
  readonly tookOverFrom?: LockOwner;
}

/** Result of {@link acquireLock}. */
export type LockAttempt =
  | { readonly kind: "acquired"; readonly lock: HeldLock }
  | { readonly kind: "held"; readonly path: string; readonly holder: LockOwner | undefined };

/** Who holds a lock that is alive, as `--check` and `--dry-run` see it (they never take it). */
export type LockState = { readonly kind: "free" } | { readonly kind: "held"; readonly path: string; readonly holder: LockOwner | undefined };

/** The lock was taken from us while we planned: writing now could interleave with another synth. */
export class LockLostError extends Error {
  override readonly name = "LockLostError";
}

/** A lock file still empty after this long belongs to a process that died creating it. */
const EMPTY_LOCK_GRACE_MS = 10_000;

/**
 * Takes the output directory's lock: a file created with O_EXCL that holds our pid. A lock
 * whose process is dead (same host, no such pid) is taken over: it is renamed away (atomic,
 * so of two synths taking over only one wins), checked to be the very lock found dead, and
 * replaced. A live one is reported, not waited for.
 * @example const attempt = await acquireLock(root)
 */
export async function acquireLock(root: OutRoot): Promise<LockAttempt> {
  const path = shownPath(root.display, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex") };
  const text = `${JSON.stringify(owner)}\n`;
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(root, LOCK_FILE, text)) {
      removeLeftovers(root);
      return { kind: "acquired", lock: { path, owner, ...(tookOverFrom ? { tookOverFrom } : {}) } };
    }
    const found = readLock(root, LOCK_FILE);
    if (found === "missing") continue;
    if (found === "unreadable") {
      if (!olderThan(root, LOCK_FILE, EMPTY_LOCK_GRACE_MS)) return { kind: "held", path, holder: undefined };
    } else if (isAlive(found)) {
      return { kind: "held", path, holder: found };
    }
    const moved = `${LOCK_FILE}.stale-${owner.token}`;
    try {
      renameFile(root, LOCK_FILE, moved);
    } catch (error) {
      if (error instanceof ContainmentError) throw error;
      continue; // another synth moved it first
    }
    const movedLock = readLock(root, moved);
    const same = found === "unreadable" ? movedLock === "unreadable" : typeof movedLock === "object" && movedLock.token === found.token;
    if (!same) {
      // We moved a lock that a live synth had just taken: give it back.
      renameFile(root, moved, LOCK_FILE);
      return { kind: "held", path, holder: typeof movedLock === "object" ? movedLock : undefined };
    }
    removeFile(root, moved);
    if (found !== "unreadable") tookOverFrom = found;
  }
  return { kind: "held", path, holder: undefined };
}

/**
 * Whether a live synth holds the lock, without taking it or touching anything: for `--check`
 * and `--dry-run`, which only read. A dead synth's lock counts as free (the next writing synth
 * takes it over).
 * @example lockState(root) // { kind: "free" }
 */
export function lockState(root: OutRoot): LockState {
  const found = readLock(root, LOCK_FILE);
  if (found === "missing") return { kind: "free" };
  const path = shownPath(root.display, LOCK_FILE);
  if (found === "unreadable") return olderThan(root, LOCK_FILE, EMPTY_LOCK_GRACE_MS) ? { kind: "free" } : { kind: "held", path, holder: undefined };
  return isAlive(found) ? { kind: "held", path, holder: found } : { kind: "free" };
}

/**
 * Releases a lock if it is still ours (a lock taken over from us is not deleted).
 * @example await releaseLock(root, held.lock)
 */
export async function releaseLock(root: OutRoot, lock: HeldLock): Promise<void> {
  if (stillHeld(root, lock)) removeFile(root, LOCK_FILE);
}

/** True while the lock file still names us: checked again just before the commit point. */
export function stillHeld(root: OutRoot, lock: HeldLock): boolean {
  const current = readLock(root, LOCK_FILE);
  return typeof current === "object" && current.token === lock.owner.token;
}

/** Dead locks that a synth killed mid-takeover had moved aside but not yet deleted. */
function removeLeftovers(root: OutRoot): void {
  for (const name of listDir(root, "")) {
    if (!name.startsWith(`${LOCK_FILE}.stale-`)) continue;
    try {
      removeFile(root, name);
    } catch (error) {
      if (error instanceof ContainmentError) throw error;
      // Another synth removed it first.
    }
  }
}

/** The lock file at `rel`, read without following a link (a link there is refused). */
function readLock(root: OutRoot, rel: string): LockOwner | "missing" | "unreadable" {
  const found = look(root, rel);
  if (found.kind === "missing") return "missing";
  if (found.kind === "symlink") throw new ContainmentError({ kind: "symlink", link: found.link, target: found.target }, root.display);
  let text: string;
  try {
    text = readRegular(root, rel).toString("utf8");
  } catch (error) {
    // Released between the look and the read (a DiskError keeps the errno code).
    if ((error as { code?: unknown }).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === "number" && typeof value.host === "string" && typeof value.token === "string") {
      return { pid: value.pid, host: value.host, token: value.token };
    }
  } catch {
    // An empty or partial lock: its creator is between open(2) and write(2), or died there.
  }
  return "unreadable";
}

/** A lock from another host cannot be checked: it counts as alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function olderThan(root: OutRoot, rel: string, ms: number): boolean {
  try {
    return Date.now() - lstatSync(reach(root, rel)).mtimeMs > ms;
  } catch {
    return true;
  }
}
