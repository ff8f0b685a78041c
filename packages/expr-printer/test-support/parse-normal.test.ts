import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nixParse } from "@nixjs/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeParse, splitParsedList } from "./parse-normal.ts";

const dir = realpathSync(mkdtempSync(join(tmpdir(), "nixjs-normal-")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const normal = (source: string): string => normalizeParse(nixParse(`with { }; ${source}`, { cwd: dir }));

describe("normalizeParse (against real --parse output)", () => {
  it("equates the string forms of one value", () => {
    expect(normal("''\n  a ''$x\n''")).toBe(normal('"a $x\\n"'));
    expect(normal("''\n  ''\\  a\n   b''")).toBe(normal('"  a\\n b"'));
    expect(normal("''\n  ${x}''")).toBe(normal('"${x}"'));
    expect(normal("''\n  a ''${x} ${y}''$''")).toBe(normal('"a \\${x} ${y}$"'));
    expect(normal("[ ''\n  '''${x}\n'' ]")).toBe(normal('[ "\'\'${x}\\n" ]'));
  });

  it("equates the path forms of one path", () => {
    expect(normal("./a/b")).toBe(normal('(./. + "/a/b")'));
    expect(normal('[ (./a + "/b c") ]')).toBe(normal('[ (./. + "/a/b c") ]'));
    expect(normal("/etc/x")).toBe(normal('(/. + "/etc/x")'));
    expect(normal("../x")).toBe(normal('(./. + "/../x")'));
  });

  it("still tells different trees apart", () => {
    expect(normal('"a"')).not.toBe(normal('"b"'));
    expect(normal("f x y")).not.toBe(normal("f (x y)"));
    expect(normal('"${x}y"')).not.toBe(normal('"${x} y"'));
    expect(normal('{ a = "x"; }')).not.toBe(normal('{ a = "y"; }'));
    expect(normal("a - b - c")).not.toBe(normal("a - (b - c)"));
    expect(normal("./a")).not.toBe(normal("./b"));
    expect(normal('(x).a or "d"')).not.toBe(normal('(x).a or "e"'));
  });

  it("splits a parsed list into its elements", () => {
    expect(splitParsedList(nixParse(`[ 1 "a (b" (builtins.f builtins) ]`))).toEqual(["(1)", `("a (b")`, "(((builtins).f builtins))"]);
    expect(splitParsedList("1")).toBeUndefined();
  });
});

describe("normalizeParse: dynamic attribute names", () => {
  it("keeps `\"${…}\"` names whole, strings inside them included", () => {
    const shown = nixParse('with { }; { ${x + "a"} = 1; b = y."${"c" + z}"; }');
    expect(shown).toContain('"${');
    expect(normalizeParse(shown)).toBe(normal('{ ${x + "a"} = 1; b = y."${"c" + z}"; }'));
    expect(normal('{ ${x + "a"} = 1; }')).not.toBe(normal('{ ${x + "b"} = 1; }'));
  });
});
