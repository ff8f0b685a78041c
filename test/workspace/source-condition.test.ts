/**
 * The workspace runs its sources: vitest resolves `@nixjs/*` through the `@nixjs/source`
 * export condition to `src/`, even when a build sits in `dist/` (a stale one must never be
 * what the tests test).
 */
import { describe, expect, it } from "vitest";
import * as printerBySource from "../../packages/expr-printer/src/index.ts";
import * as homelabBySource from "../../packages/homelab/src/index.ts";
import * as testingBySource from "../../packages/homelab/src/testing/index.ts";
import * as synthBySource from "../../packages/synth/src/index.ts";

describe("inside the workspace", () => {
  it("@nixjs/* are their sources, the very same modules", async () => {
    expect((await import("@nixjs/expr-printer")).print).toBe(printerBySource.print);
    expect((await import("@nixjs/homelab")).container).toBe(homelabBySource.container);
    expect((await import("@nixjs/homelab/testing")).arbHomelab).toBe(testingBySource.arbHomelab);
    expect((await import("@nixjs/synth")).synth).toBe(synthBySource.synth);
  });
});
