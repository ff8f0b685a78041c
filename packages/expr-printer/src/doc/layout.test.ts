import { describe, expect, it } from "vitest";
import {
  concat,
  emitted,
  emptyline,
  flat,
  group,
  hardline,
  hardspace,
  lazy,
  layout,
  line,
  lines,
  nest,
  newline,
  newlines,
  priorityGroup,
  putText,
  softline,
  softSpace,
  trailing,
  transparentGroup,
  verbatim,
  type Doc,
  type Emitter,
} from "./index.ts";

const at = (width: number, doc: Doc, indent = 2): string => layout(doc, { width, indent });

/** `[ a b ]` as a group: items separated by `line`. */
function list(...items: Doc[]): Doc {
  const parts: Doc[] = [];
  items.forEach((item, i) => parts.push(i === 0 ? line : line, item));
  return group(concat(["[", nest(concat(parts)), line, "]"]));
}

describe("layout", () => {
  it("prints a group flat when it fits, broken otherwise", () => {
    expect(at(9, list("a", "b"))).toBe("[ a b ]\n");
    expect(at(6, list("a", "b"))).toBe("[\n  a\n  b\n]\n");
  });

  it("counts the width after the indentation", () => {
    const inner = list("aa", "bb");
    const doc = concat(["x", nest(concat([hardline, inner]))]);
    // `[ aa bb ]` is 9 wide: it fits in 9 although it starts at column 2.
    expect(at(9, doc)).toBe("x\n  [ aa bb ]\n");
    expect(at(8, doc)).toBe("x\n  [\n    aa\n    bb\n  ]\n");
  });

  it("counts what follows a group up to the next possible break", () => {
    // `[ a ]` is 5 wide; with `;;;` it fills 8 columns, with `;;;;` it would need 9.
    expect(at(8, group(concat([list("a"), ";;;", line, "b"])))).toBe("[ a ];;;\nb\n");
    expect(at(8, group(concat([list("a"), ";;;;", line, "b"])))).toBe("[\n  a\n];;;;\nb\n");
  });

  it("a hard line breaks every enclosing group", () => {
    expect(at(80, group(concat(["a", line, group(concat(["b", hardline, "c"]))])))).toBe("a\nb\nc\n");
  });

  it("indents a line once however many levels were opened on the line before", () => {
    const set = concat([hardspace, "{", nest(nest(concat([hardline, "a;"]))), hardline, "}"]);
    const doc = concat(["x", nest(concat([hardspace, "=", nest(set)])), ";"]);
    expect(at(80, doc)).toBe("x = {\n  a;\n};\n");
  });

  it("does not let a flat group opened mid-line swallow the next indentation step", () => {
    // f a b ⏎ c: `a` and `b` are as deep as `c`, but printed flat in the middle of the line.
    const call = group(concat([transparentGroup(concat(["f", nest(concat([line, group("aaaa")])), nest(concat([line, "bbbb"]))])), nest(concat([line, "cccc"]))]));
    expect(at(12, call)).toBe("f aaaa bbbb\n  cccc\n");
  });

  it("expands a priority group alone when that makes the rest fit", () => {
    const body = concat(["{", nest(concat([hardline, "a = 1;", hardline, "b = 2;"])), hardline, "}"]);
    const call = group(concat(["mkDerivation", line, priorityGroup(body)]));
    expect(at(80, call)).toBe("mkDerivation {\n  a = 1;\n  b = 2;\n}\n");
  });

  it("keeps what follows the priority group on its last line", () => {
    const body = concat(["{", nest(concat([hardline, "a;"])), hardline, "}"]);
    const call = group(concat(["f", line, priorityGroup(body), line, "xs"]));
    expect(at(80, call)).toBe("f {\n  a;\n} xs\n");
  });

  it("tries priority groups from the last and falls back to breaking the group", () => {
    const body = (name: string): Doc => concat([name, "{", nest(concat([hardline, "x;"])), hardline, "}"]);
    const call = group(concat(["f", nest(concat([line, priorityGroup(body("p")), line, priorityGroup(body("q"))]))]));
    // q cannot be expanded alone (p is hard, it is before q), nor p alone (q after it is hard).
    expect(at(80, call)).toBe("f\n  p{\n    x;\n  }\n  q{\n    x;\n  }\n");
  });

  it("breaks a soft space only when what follows does not fit", () => {
    const doc = concat(["aaaa", softSpace, "? bbbb"]);
    expect(at(11, doc)).toBe("aaaa ? bbbb\n");
    expect(at(10, doc)).toBe("aaaa\n? bbbb\n");
  });

  it("collapses consecutive line breaks, keeps blank lines, trims the ends", () => {
    expect(at(80, concat([hardline, "a", hardline, hardline, "b", emptyline, "c", newlines(3), "d", hardline, hardline]))).toBe(
      "a\nb\n\nc\n\n\nd\n",
    );
  });

  it("drops spaces at the start of a line and after a line break", () => {
    expect(at(80, concat(["a", hardline, hardspace, "b", hardline, line, "c"]))).toBe("a\nb\nc\n");
  });

  it("prints trailing text only when the group is broken", () => {
    const formals = (w: number): string => at(w, group(concat(["{", nest(concat([line, "a,", line, "b", trailing(",")])), line, "}"])));
    expect(formals(80)).toBe("{ a, b }\n");
    expect(formals(4)).toBe("{\n  a,\n  b,\n}\n");
  });

  it("prints verbatim text as is, without indenting its later lines", () => {
    expect(at(80, concat(["x", nest(concat([hardline, verbatim("''\n  raw\n''")]))]))).toBe("x\n  ''\n  raw\n''\n");
  });

  it("never breaks a flat doc", () => {
    expect(at(3, concat(["${", flat(list("a", "b")), "}"]))).toBe("${[ a b ]}\n");
  });

  it("forces a lazy doc only when it reaches it, and lays out around it from its metrics", () => {
    let forced = 0;
    const body = lazy({ force: () => (forced++, concat(["[", nest(concat([hardline, "a"])), hardline, "]"])) }, 1, 1);
    const doc = group(concat(["x", line, priorityGroup(body), ";"]));
    expect(forced).toBe(0);
    expect(at(80, doc)).toBe("x [\n  a\n];\n");
    expect(forced).toBe(1);
  });

  it("lets an emitted doc write through the engine, then resume after a doc it hands back", () => {
    // Writes "[", then item "a" itself, hands the group of "b c" back, and closes when resumed.
    const emitter: Emitter = {
      emit(st, level, _flat, start) {
        if (start === 0) {
          putText(st, level, 0, "[", 1);
          newline(st, 1);
          putText(st, level + 1, 0, "a", 1);
          newline(st, 1);
          st.push(self, level, 0, 1);
          st.push(group(concat(["b", line, "c"])), level + 1, 0);
          return;
        }
        newline(st, 1);
        putText(st, level, 0, "]", 1);
      },
    };
    const self = emitted(emitter, 1, 1);
    expect(at(80, concat(["x = ", self, ";"]))).toBe("x = [\n  a\n  b c\n];\n");
    expect(at(2, concat(["x = ", self, ";"]))).toBe("x = [\n  a\n  b\n  c\n];\n");
  });

  it("sees a line break before each item of a lines doc resumed after its first", () => {
    // The last item fits only if what follows it (a line break) takes no room.
    const wide = group(concat(["[", line, "x".repeat(6), line, "]"]));
    expect(at(10, lines(["a-long-first-line", wide, "z"]))).toBe("a-long-first-line\n[ xxxxxx ]\nz\n");
  });

  it("joins plain text in a concat", () => {
    expect(concat(["a", "b", "c"])).toBe("abc");
  });

  it("a group of text printed in the middle of a line opens no indentation level (nixfmt)", () => {
    // `with let` ⏎ `in`: text one level deeper than `with` opens that level on the line, so
    // the next line at that level is not indented — unless the text was a group printed flat.
    expect(at(80, concat(["with", hardspace, nest("let"), nest(concat([hardline, "in"]))]))).toBe("with let\nin\n");
    expect(at(80, concat(["with", hardspace, nest(group("let")), nest(concat([hardline, "in"]))]))).toBe("with let\n  in\n");
  });

  it("text right after text opens no indentation level: nixfmt merges them into one (at the first's level)", () => {
    // `y` follows `x` with nothing between: one text at `x`'s level, which `z` is deeper than.
    const doc = concat(["f", nest(concat([hardspace, "x", nest("y"), hardline, nest("z")]))]);
    expect(at(80, doc)).toBe("f xy\n  z\n");
    expect(at(80, concat(["f", nest(concat([hardspace, "x", hardspace, nest("y"), hardline, nest("z")]))]))).toBe("f x y\nz\n");
  });

  it("lays out 10,000 nested groups without recursion", () => {
    let doc: Doc = "x";
    for (let i = 0; i < 10_000; i++) doc = group(concat(["(", nest(concat([softline, doc])), softline, ")"]));
    const out = at(100, doc, 0);
    expect(out.replace(/\s/g, "")).toBe(`${"(".repeat(10_000)}x${")".repeat(10_000)}`);
  });
});
