import fc from "fast-check";

/**
 * fast-check arbitraries of Nix source *text*, written independently of the printer: every
 * construct of the grammar in the spellings people (and not the printer) use — `1.`, `.5`,
 * `a/b`, `x:x`, `''…''` with escapes, `a.b or c`, `{ a, ... }@x:`, comments and odd spacing
 * between tokens, tokens glued together. Not all of it is valid Nix (an `if` as an operand,
 * glued tokens that lex otherwise, duplicate names): a test compares what Nix does with it.
 * Free variables occur: parse under `with { };`. Interpolated paths are left out (the AST
 * writes them as `path + "rest"`, which `--parse` shows otherwise).
 * @example fc.sample(nixSource(3), 1)
 */
export function nixSource(maxDepth = 4): fc.Arbitrary<string> {
  const memo: fc.Memo<string> = fc.memo((depth) => (depth <= 1 ? atom : fc.oneof({ weight: 1, arbitrary: atom }, { weight: 3, arbitrary: composite(() => memo(depth - 1)) })));
  return memo(maxDepth);
}

/** Between two tokens: usually a space, sometimes nothing, line breaks or comments. */
const gap = fc.oneof(
  { weight: 8, arbitrary: fc.constant(" ") },
  { weight: 1, arbitrary: fc.constantFrom("", "\n", "\n\n  ", "\t", " # c\n", " /* c */ ", "/**/", "\r\n") },
);

const ident = fc.constantFrom("x", "y", "a-b", "a'", "_x", "x1", "true", "false", "null", "iff", "in2", "or-");
const name = fc.oneof(ident, fc.constantFrom("or", "\"s p\"", "\"\"", "\"a.b\"", "${x}", "\"${y}z\"", "${\"k\"}", "${''k''}", "x"));
const int = fc.constantFrom("0", "007", "42", "9223372036854775807", "1");
const float = fc.constantFrom("1.5", "1.", ".5", "1.e3", "2.5E-3", "0.0", "1.0e+21", "00.5", "0.5e", "1e3");
const dqPiece = fc.constantFrom("a", " ", "\\n", "\\\"", "\\\\", "$", "$$", "\\$", "${x}", "{", "}", "'", "\r\n", "\t", "é", "\\t", "$\\{", "${ \"${y}\" }");
const dq = fc.array(dqPiece, { maxLength: 5 }).map((ps) => `"${ps.join("")}"`);
const indPiece = fc.constantFrom("a", " ", "  ", "\n", "\n  ", "\n    ", "'''", "''$", "''\\n", "''\\ ", "''\\t", "$", "'", "${x}", "\t", "\r", "$${y}", "''${z}", "b'c");
const ind = fc.tuple(fc.constantFrom("''", "''\n", "''  \n"), fc.array(indPiece, { maxLength: 6 })).map(([open, ps]) => `${open}${ps.join("")}''`);
const path = fc.constantFrom("./a", "a/b", "/a/b.c", "~/x", "../x", "./a-b/c+d", "./.", "/.", "./a/", "a//b", "<nixpkgs>", "<a/b>", "<a/>");
const uri = fc.constantFrom("http://x.y/z?a=b", "x:y", "mailto:a@b", "a:b:c");

const atom: fc.Arbitrary<string> = fc.oneof(ident, int, float, dq, ind, path, uri, fc.constantFrom("[ ]", "{ }", "rec { }", "[]", "{}"));

const binaryOps = ["++", "*", "/", "+", "-", "//", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"];

function composite(sub: () => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const e = fc.constant(null).chain(sub);
  const g = gap;
  const attrPath = fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => ns.join("."));
  const binding = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(attrPath, g, e, g).map(([p, s, v, t]) => `${p}${s}=${s}${v}${t};`) },
    { weight: 1, arbitrary: fc.array(ident, { maxLength: 3 }).map((ns) => `inherit ${ns.join(" ")};`) },
    { weight: 1, arbitrary: fc.tuple(e, fc.array(name, { maxLength: 2 })).map(([f, ns]) => `inherit (${f}) ${ns.join(" ")};`) },
  );
  const bindings = fc.tuple(fc.array(binding, { maxLength: 3 }), g).map(([bs, s]) => bs.join(s));
  const formal = fc.oneof(ident, fc.tuple(ident, e).map(([n, d]) => `${n} ? ${d}`));
  const formals = fc
    .tuple(fc.array(formal, { maxLength: 3 }), fc.boolean(), fc.boolean())
    .map(([fs, dots, trailing]) => `{ ${[...fs, ...(dots ? ["..."] : [])].join(", ")}${trailing ? "," : ""} }`);
  return fc.oneof(
    fc.tuple(e, g).map(([x, s]) => `(${s}${x}${s})`),
    fc.tuple(fc.array(e, { maxLength: 3 }), g).map(([xs, s]) => `[${s}${xs.join(s === "" ? " " : s)}${s}]`),
    bindings.map((b) => `{ ${b} }`),
    bindings.map((b) => `rec { ${b} }`),
    fc.tuple(bindings, e).map(([b, x]) => `let ${b} in ${x}`),
    bindings.map((b) => `let { ${b} body = 1; }`),
    fc.tuple(e, fc.constantFrom(...binaryOps), e, g).map(([l, op, r, s]) => `${l}${s}${op}${s}${r}`),
    fc.tuple(fc.constantFrom("!", "-", "- "), e).map(([op, x]) => `${op}${x}`),
    fc.tuple(e, fc.array(e, { minLength: 1, maxLength: 2 })).map(([f, xs]) => [f, ...xs].join(" ")),
    fc.tuple(e, attrPath).map(([x, p]) => `${x}.${p}`),
    fc.tuple(e, attrPath, e).map(([x, p, d]) => `${x}.${p} or ${d}`),
    fc.tuple(e, attrPath, g).map(([x, p, s]) => `${x}${s}?${s}${p}`),
    fc.tuple(ident, fc.constantFrom(": ", ":", " : ", ":\n"), e).map(([x, c, b]) => `${x}${c}${b}`),
    fc.tuple(formals, fc.constantFrom("", "@y", " @ y"), e).map(([f, at, b]) => `${f}${at}: ${b}`),
    fc.tuple(ident, formals, e).map(([x, f, b]) => `${x}@${f}: ${b}`),
    fc.tuple(e, e, e).map(([c, t, f]) => `if ${c} then ${t} else ${f}`),
    fc.tuple(e, e).map(([s, b]) => `with ${s}; ${b}`),
    fc.tuple(e, e).map(([c, b]) => `assert ${c}; ${b}`),
    fc.tuple(e, e).map(([a, b]) => `"a${"${"}${a}}b${"${"}${b}}"`),
    fc.tuple(e, fc.constantFrom("\n  ", "")).map(([a, s]) => `''${s}x ${"${"}${a}}${s}''`),
  );
}
