import { describe, expect, test } from "vitest";
import { captureSite, parseFirstFrame, UNKNOWN_SITE } from "./capture.ts";

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
