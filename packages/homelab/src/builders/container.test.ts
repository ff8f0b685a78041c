/**
 * The shape of what `container()` builds, as V8 sees it: containers with the same fields share
 * one hidden class. A `{ ...base, … }` literal once gave every container its own (validate of
 * 10,000 containers 2.2× slower); this checks the real objects in a child Node with V8's
 * natives syntax (`%HaveSameMap`), which a test process cannot enable for itself.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const script = fileURLToPath(new URL("../../test-support/builders/hidden-classes.ts", import.meta.url));

describe("container()", () => {
  it("gives containers with the same fields one hidden class", () => {
    const r = spawnSync(process.execPath, ["--allow-natives-syntax", "--conditions=@nixjs/source", "--import", tsx, script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const counts = JSON.parse(r.stdout) as { containers: number; fieldLists: number; hiddenClasses: number };
    expect(counts.containers).toBe(300);
    // nspawn with and without addresses and a description, host-network nspawn, Podman.
    expect(counts.fieldLists).toBeGreaterThanOrEqual(4);
    expect(counts.hiddenClasses).toBe(counts.fieldLists);
  });
});
