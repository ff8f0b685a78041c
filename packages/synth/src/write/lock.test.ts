import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../paths.ts";
import { tempDir } from "../../test-support/fixtures.ts";
import { openRoot, type OutRoot } from "../contain/root.ts";
import { acquireLock, releaseLock, stillHeld } from "./lock.ts";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const root = (d: string): OutRoot => openRoot(d, "out");
/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("lock", () => {
  it("is created exclusively, holds our pid, and is released", async () => {
    const d = dir();
    const first = await acquireLock(root(d));
    expect(first.kind).toBe("acquired");
    if (first.kind !== "acquired") return;
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid, host: hostname() });
    const second = await acquireLock(root(d));
    expect(second).toMatchObject({ kind: "held", holder: { pid: process.pid } });
    await releaseLock(root(d), first.lock);
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
    expect((await acquireLock(root(d))).kind).toBe("acquired");
  });

  it("takes over a lock whose process is dead, and says whose it was", async () => {
    const d = dir();
    const pid = deadPid();
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid, host: hostname(), token: "dead" }));
    const attempt = await acquireLock(root(d));
    expect(attempt).toMatchObject({ kind: "acquired", lock: { tookOverFrom: { pid, token: "dead" } } });
    if (attempt.kind === "acquired") expect(stillHeld(root(d), attempt.lock)).toBe(true);
    expect(readdirSync(d)).toEqual([LOCK_FILE]);
  });

  it("treats a lock from another host as live (its pid cannot be checked)", async () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: `${hostname()}-elsewhere`, token: "x" }));
    expect(await acquireLock(root(d))).toMatchObject({ kind: "held", holder: { host: `${hostname()}-elsewhere` } });
  });

  it("treats a fresh empty lock as being created, and an old empty one as stale", async () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), "");
    expect(await acquireLock(root(d))).toEqual({ kind: "held", path: "out/.nixjs.lock", holder: undefined });
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(d, LOCK_FILE), old, old);
    expect((await acquireLock(root(d))).kind).toBe("acquired");
  });

  it("does not release a lock that is no longer ours", async () => {
    const d = dir();
    const attempt = await acquireLock(root(d));
    if (attempt.kind !== "acquired") throw new Error("no lock");
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid: 1, host: hostname(), token: "other" }));
    expect(stillHeld(root(d), attempt.lock)).toBe(false);
    await releaseLock(root(d), attempt.lock);
    expect(existsSync(join(d, LOCK_FILE))).toBe(true);
  });
});

describe("lock leftovers", () => {
  it("removes dead locks that a synth killed mid-takeover had moved aside", async () => {
    const d = dir();
    writeFileSync(join(d, `${LOCK_FILE}.stale-0123456789abcdef`), JSON.stringify({ pid: deadPid(), host: hostname(), token: "t" }));
    const attempt = await acquireLock(root(d));
    expect(attempt.kind).toBe("acquired");
    expect(readdirSync(d)).toEqual([LOCK_FILE]);
  });
});
