import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
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
  readonly path: string;
  readonly owner: LockOwner;
  /** Set when a dead synth's lock was taken over. */
  readonly tookOverFrom?: LockOwner;
}

/** Result of {@link acquireLock}. */
export type LockAttempt =
  | { readonly kind: "acquired"; readonly lock: HeldLock }
  | { readonly kind: "held"; readonly path: string; readonly holder: LockOwner | undefined };

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
 * @example const attempt = await acquireLock("/repo/server")
 */
export async function acquireLock(outDir: string): Promise<LockAttempt> {
  const path = join(outDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString("hex") };
  const text = `${JSON.stringify(owner)}\n`;
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(path, text)) {
      removeLeftovers(outDir);
      return { kind: "acquired", lock: { path, owner, ...(tookOverFrom ? { tookOverFrom } : {}) } };
    }
    const found = readLock(path);
    if (found === "missing") continue;
    if (found === "unreadable") {
      if (!olderThan(path, EMPTY_LOCK_GRACE_MS)) return { kind: "held", path, holder: undefined };
    } else if (isAlive(found)) {
      return { kind: "held", path, holder: found };
    }
    const moved = `${path}.stale-${owner.token}`;
    try {
      renameFile(path, moved);
    } catch {
      continue; // another synth moved it first
    }
    const movedLock = readLock(moved);
    const same = found === "unreadable" ? movedLock === "unreadable" : typeof movedLock === "object" && movedLock.token === found.token;
    if (!same) {
      // We moved a lock that a live synth had just taken: give it back.
      renameFile(moved, path);
      return { kind: "held", path, holder: typeof movedLock === "object" ? movedLock : undefined };
    }
    removeFile(moved);
    if (found !== "unreadable") tookOverFrom = found;
  }
  return { kind: "held", path, holder: undefined };
}

/**
 * Releases a lock if it is still ours (a lock taken over from us is not deleted).
 * @example await releaseLock(held.lock)
 */
export async function releaseLock(lock: HeldLock): Promise<void> {
  const current = readLock(lock.path);
  if (typeof current === "object" && current.token === lock.owner.token) removeFile(lock.path);
}

/** True while the lock file still names us: checked again just before the commit point. */
export function stillHeld(lock: HeldLock): boolean {
  const current = readLock(lock.path);
  return typeof current === "object" && current.token === lock.owner.token;
}

/** Dead locks that a synth killed mid-takeover had moved aside but not yet deleted. */
function removeLeftovers(outDir: string): void {
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith(`${LOCK_FILE}.stale-`)) continue;
    try {
      removeFile(join(outDir, name));
    } catch {
      // Another synth removed it first.
    }
  }
}

function readLock(path: string): LockOwner | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
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

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return true;
  }
}
