import { describe, expect, test } from "vitest";
import { captureSite, parseFirstFrame, parseFrames, UNKNOWN_SITE } from "./capture.ts";

function builder(): ReturnType<typeof captureSite> {
  return captureSite(builder);
}

describe("captureSite", () => {
  test("names the caller's TypeScript line and column, relative to the working directory", () => {
    const site = builder(); // the call is at column 18 of this line
    expect(site.file).toBe("packages/homelab/src/site/capture.test.ts");
    expect(site.line).toBe(10);
    expect(site.column).toBe(18);
  });

  test("restores Error.stackTraceLimit", () => {
    const before = Error.stackTraceLimit;
    builder();
    expect(Error.stackTraceLimit).toBe(before);
  });
});

describe("parseFirstFrame", () => {
  test("reads named, anonymous, async and file:// frames", () => {
    expect(parseFirstFrame("Error\n    at fn (/w/a/b.ts:3:5)", "/w")).toEqual({ file: "a/b.ts", line: 3, column: 5 });
    expect(parseFirstFrame("Error\n    at /w/b.ts:7:1", "/w")).toEqual({ file: "b.ts", line: 7, column: 1 });
    expect(parseFirstFrame("Error\n    at async x (file:///w/c.ts:1:2)", "/w")).toEqual({ file: "c.ts", line: 1, column: 2 });
    expect(parseFirstFrame("Error\n    at f (/elsewhere/d.ts:1:2)", "/w")).toEqual({ file: "../elsewhere/d.ts", line: 1, column: 2 });
  });

  test("skips node internals and falls back to an unknown site", () => {
    expect(parseFirstFrame("Error\n    at run (node:internal/x:1:1)\n    at /w/e.ts:2:3", "/w").file).toBe("e.ts");
    expect(parseFirstFrame("Error", "/w")).toBe(UNKNOWN_SITE);
  });
});

describe("captureSite is lazy", () => {
  test("formats the captured stack only when the site is first read, once", () => {
    const original = Error.prepareStackTrace;
    let formatted = 0;
    Error.prepareStackTrace = (error, frames) => {
      formatted++;
      return original ? original(error, frames) : `${String(error)}\n${frames.map((f) => `    at ${String(f)}`).join("\n")}`;
    };
    try {
      const site = builder();
      expect(formatted).toBe(0);
      expect(site.file).toBe("packages/homelab/src/site/capture.test.ts");
      expect(formatted).toBe(1);
      void site.line;
      void site.column;
      expect(formatted).toBe(1);
    } finally {
      Error.prepareStackTrace = original;
    }
  });

  test("is a frozen plain-looking { file, line, column }", () => {
    const site = builder(); // column 18
    const plain = { file: "packages/homelab/src/site/capture.test.ts", line: 59, column: 18 };
    expect(site).toEqual(plain);
    expect({ ...site }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(site))).toEqual(plain);
    expect(Object.keys(site)).toEqual(["file", "line", "column"]);
    expect(Object.isFrozen(site)).toBe(true);
  });

  test("keeps the working directory of the call", () => {
    const site = builder();
    const cwd = process.cwd();
    process.chdir("packages");
    try {
      expect(site.file).toBe("packages/homelab/src/site/capture.test.ts");
    } finally {
      process.chdir(cwd);
    }
  });
});

/** A user's helper around a builder: the site is in here, the chain names the callers. */
function helper(): ReturnType<typeof captureSite> {
  return builder();
}
function outer(): ReturnType<typeof captureSite> {
  return helper();
}

describe("the chain of calls (via)", () => {
  test("a builder called inside helpers names every call in the user's files, innermost first", () => {
    const site = outer(); // column 18
    expect(site).toEqual({ file: "packages/homelab/src/site/capture.test.ts", line: 82, column: 10 });
    expect(site.via).toEqual([
      { file: "packages/homelab/src/site/capture.test.ts", line: 85, column: 10 },
      { file: "packages/homelab/src/site/capture.test.ts", line: 90, column: 18 },
    ]);
    // Not enumerable: a site still compares and serialises as { file, line, column }.
    expect(Object.keys(site)).toEqual(["file", "line", "column"]);
  });

  test("a direct call has an empty chain", () => {
    expect(builder().via).toEqual([]);
  });

  test("the chain stops at node_modules, Node's internals and nixjs's own sources and build", () => {
    const at = (loc: string) => `    at f (${loc})`;
    const stack = (...frames: string[]) => ["Error", ...frames].join("\n");
    const pkgs = "/w/packages/";
    const sites = (s: string) => parseFrames(s, "/w", pkgs).map((x) => `${x.file}:${x.line}`);
    expect(sites(stack(at("/w/lib.ts:1:1"), at("/w/homelab.config.ts:2:1"), at("/w/node_modules/tsx/x.js:3:1"), at("/w/more.ts:4:1")))).toEqual(["lib.ts:1", "homelab.config.ts:2"]);
    expect(sites(stack(at("/w/lib.ts:1:1"), at("node:internal/modules/x:9:9"), at("/w/more.ts:4:1")))).toEqual(["lib.ts:1"]);
    expect(sites(stack(at("/w/lib.ts:1:1"), at("/w/packages/homelab/src/builders/x.ts:5:5"), at("/w/more.ts:4:1")))).toEqual(["lib.ts:1"]);
    // The build (`pnpm build`'s bundles in dist/) is nixjs's own too.
    expect(sites(stack(at("/w/lib.ts:1:1"), at("/w/packages/homelab/dist/chunks/chunk-A1.js:5:5"), at("/w/more.ts:4:1")))).toEqual(["lib.ts:1"]);
    // A package's tests and benches are user code; file:// URLs are read too.
    expect(sites(stack(at("/w/packages/homelab/src/a.test.ts:1:1"), at("file:///w/packages/homelab/bench/b.ts:2:2")))).toEqual([
      "packages/homelab/src/a.test.ts:1",
      "packages/homelab/bench/b.ts:2",
    ]);
    // Internal frames before the site are skipped, as before.
    expect(sites(stack(at("node:internal/x:1:1"), at("/w/c.ts:3:3")))).toEqual(["c.ts:3"]);
  });
});
