import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evalAll, NixError, nixParse } from "@nixjs/testkit";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkBatches } from "../../test-support/fc-options.ts";
import { canon } from "../../test-support/parse-normal.ts";
import { pathForm, pathProblem, searchPathProblem, type PathForm } from "./paths.ts";
import { escapeDoubleQuotedText } from "./strings.ts";

describe("pathForm: literals", () => {
  it("prints relative paths with ./ and keeps ../", () => {
    expect(pathForm("./a/b")).toEqual({ kind: "literal", text: "./a/b" });
    expect(pathForm("a/b")).toEqual({ kind: "literal", text: "./a/b" });
    expect(pathForm("a")).toEqual({ kind: "literal", text: "./a" });
    expect(pathForm("../x.age")).toEqual({ kind: "literal", text: "../x.age" });
    expect(pathForm("../../x")).toEqual({ kind: "literal", text: "../../x" });
    expect(pathForm(".")).toEqual({ kind: "literal", text: "./." });
    expect(pathForm("..")).toEqual({ kind: "literal", text: "./.." });
    expect(pathForm("../..")).toEqual({ kind: "literal", text: "../.." });
    expect(pathForm("./a/../b")).toEqual({ kind: "literal", text: "./a/../b" });
  });

  it("prints absolute and home paths", () => {
    expect(pathForm("/etc/nixos")).toEqual({ kind: "literal", text: "/etc/nixos" });
    expect(pathForm("/")).toEqual({ kind: "literal", text: "/." });
    expect(pathForm("~/x")).toEqual({ kind: "literal", text: "~/x" });
    expect(pathForm("~")).toEqual({ kind: "literal", text: "~/." });
  });

  it("drops trailing slashes, `//` and `.` segments, which literals cannot hold", () => {
    expect(pathForm("./a/")).toEqual({ kind: "literal", text: "./a" });
    expect(pathForm("/a//b/./c/")).toEqual({ kind: "literal", text: "/a/b/c" });
    expect(pathForm("~/a/")).toEqual({ kind: "literal", text: "~/a" });
    expect(pathForm("./")).toEqual({ kind: "literal", text: "./." });
  });
});

describe("pathForm: characters outside the path alphabet", () => {
  it("keeps the longest printable prefix as the literal", () => {
    const concat = (base: string, rest: string): PathForm => ({ kind: "concat", base, rest });
    expect(pathForm("./dir with space")).toEqual(concat("./.", "/dir with space"));
    expect(pathForm("/persist/my docs/x")).toEqual(concat("/persist", "/my docs/x"));
    expect(pathForm("../a@b")).toEqual(concat("./..", "/a@b"));
    expect(pathForm("~/é")).toEqual(concat("~/.", "/é"));
    expect(pathForm("/${x}")).toEqual(concat("/.", "/${x}"));
  });
});

describe("pathProblem / searchPathProblem", () => {
  it("refuses what is no path", () => {
    expect(pathProblem("")).toMatch(/empty path/);
    expect(pathProblem("~bob/x")).toMatch(/~user/);
    expect(pathProblem("./a\0")).toMatch(/NUL/);
    expect(pathProblem("./\uD800")).toMatch(/surrogate/);
    expect(() => pathForm("")).toThrow(RangeError);
  });

  it("accepts exactly what Nix accepts between < and >", () => {
    const good = ["nixpkgs", "nixpkgs/lib", "a.b/c-d/e_f+g", "."];
    const bad = ["", "a/", "/a", "a//b", "a b", "a:b", "é", "a/${b}"];
    for (const p of good) {
      expect(searchPathProblem(p), p).toBeUndefined();
      expect(nixParse(`<${p}>`)).toContain("__findFile");
    }
    for (const p of bad) {
      expect(searchPathProblem(p), p).toMatch(/not a lookup path/);
      expect(() => nixParse(`<${p}>`), p).toThrow(NixError);
    }
  });
});

function source(form: PathForm): string {
  return form.kind === "literal" ? form.text : `(${form.base} + "${escapeDoubleQuotedText(form.rest, false)}")`;
}

describe("pathForm against Nix 2.8 (fuzz)", () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "nixjs-paths-")));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const segment = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9._+-]{1,5}$/),
    fc.constantFrom(".", "..", "", "a b", "@", "~", ":", '"', "\\", "${x}", "$", "é", "😀", "<a>", "#", "a,b", "'"),
  );
  const path = fc
    .tuple(fc.constantFrom("", "./", "../", "/", "~/", "~"), fc.array(segment, { maxLength: 5 }))
    .map(([prefix, segs]) => prefix + segs.join("/"))
    .filter((p) => pathProblem(p) === undefined);

  it("every path denotes the same file as its text", () => {
    const [home] = evalAll(['builtins.getEnv "HOME"']) as [string];
    checkBatches(fc.array(path, { minLength: 300, maxLength: 300 }), 5, (paths) => {
      const sources = paths.map((p) => `toString ${source(pathForm(p))}`);
      const got = (evalAll(sources, { cwd: dir }) as string[]).map(canon);
      const expected = paths.map((p) =>
        canon(p.startsWith("/") ? p : p.startsWith("~") ? `${home}/${p.slice(1)}` : `${dir}/${p}`),
      );
      expect(got).toEqual(expected);
    });
  });
});
