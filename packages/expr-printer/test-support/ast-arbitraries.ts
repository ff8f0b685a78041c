import fc from "fast-check";
import type {
  NixAttrBinding,
  NixAttrName,
  NixAttrPath,
  NixBinaryOp,
  NixBinding,
  NixExpr,
  NixFile,
  NixFormal,
  NixInherit,
  NixListItem,
  NixParam,
  NixStringPart,
  NixTrivia,
} from "../src/ast/index.ts";
import { node } from "../src/build/node.ts";
import { LITERAL_NAMES } from "../src/lexical/index.ts";
import { adversarialText, linesText } from "./text.ts";

/**
 * fast-check arbitraries of printable Nix syntax trees: every node kind, random nesting,
 * adversarial names, strings, paths and comments, but only trees that are valid Nix (no
 * duplicate attributes or formals, no dynamic names in `let` or `inherit`, binders that do
 * not shadow `true`/`false`/`null`). Free variables occur, so parse the output under
 * `with { };`. Reuse them in any test: `fc.assert(fc.property(nixExpr(), (e) => …))`.
 */

/** Free variables: identifiers, including ones that look like operators or keywords. */
export const VARIABLE_NAMES = ["x", "y", "pkgs", "lib", "a-b", "a'", "_", "__x", "iff", "in2", "or-", "true", "null", "x-1"] as const;
/** Names for binders (let, parameters, formals, `@`): never `true`, `false`, `null`. */
export const BINDER_NAMES = ["x", "y", "cfg", "a-b", "b'", "_", "__y", "f", "then-", "elsE"] as const;

const variable = fc.constantFrom(...VARIABLE_NAMES);
const binder = fc.constantFrom(...BINDER_NAMES);

/** Static attribute names: identifiers, keywords, and text that must be quoted. */
export const staticName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("enable", "a", "b-c", "or", "if", "in", "rec", "inherit", "let", "true", "", "a.b", "1", "-x", "é", "${x}", "a b"),
  adversarialText(4),
);

const binaryOps: readonly NixBinaryOp[] = ["++", "*", "/", "+", "-", "//", "<", "<=", ">", ">=", "==", "!=", "&&", "||", "->"];

const pathText = fc
  .tuple(
    fc.constantFrom("./", "../", "/", "~/", "", "../../"),
    fc.array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._+-]{1,6}$/), fc.constantFrom("a b", "é", "x@y", "${x}", '"q"', "..", ".")), { maxLength: 4 }),
  )
  .map(([prefix, segments]) => prefix + segments.join("/"))
  .filter((p) => p !== "");

const searchPathText = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._+-]{1,8}$/), { minLength: 1, maxLength: 3 })
  .map((s) => s.join("/"));

const intValue = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.constantFrom(0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, 2n ** 53n + 1n),
);

const floatValue = fc
  .oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, -2.5, 1e21, 1.5e-7, 100, -0))
  .filter((v) => v === 0 || Math.abs(v) >= 2.2250738585072014e-308);

const comment = fc.oneof(adversarialText(6), fc.constantFrom("TODO", "a */ b", "/* c */", "line1\nline2", "#", "", " lead", "cr\rlf"));

/** Comments and a blank line before a binding or list item (usually none). */
const trivia: fc.Arbitrary<NixTrivia> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record(
      { comments: fc.array(comment, { minLength: 1, maxLength: 2 }), blankLineBefore: fc.boolean() },
      { requiredKeys: [] },
    ),
  },
);

const leaf: fc.Arbitrary<NixExpr> = fc.oneof(
  intValue.map((value) => node({ kind: "int", value })),
  floatValue.map((value) => node({ kind: "float", value })),
  fc.boolean().map((value) => node({ kind: "bool", value })),
  fc.constant(null).map(() => node({ kind: "null" })),
  fc.oneof(adversarialText(), linesText()).map((t) => node({ kind: "string", parts: t === "" ? [] : [t] })),
  linesText().map((t) => node({ kind: "indentedString", parts: [t] })),
  pathText.map((path) => node({ kind: "path", path })),
  searchPathText.map((path) => node({ kind: "searchPath", path })),
  variable.map((name) => node({ kind: "ident", name })),
  // Raw text is printed verbatim, laid out as an expression nixfmt cannot absorb: these are
  // texts nixfmt lays out so in any position (it expands `{ a = 1; }.a` and `f [ 1 2 ]`,
  // breaks `f [ ]`, never breaks `(f x)`, counts `x: x` in a chain of parameters), so that
  // printed trees can be nixfmt fixed points (see `nixfmt-conformance.ts`).
  fc.constantFrom("1 + 2", "!x", "x == y", "x -> y").map((text) => node({ kind: "raw", text })),
);

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The name a binding defines when it is static: a plain name, or a string of either kind
 * without interpolations (Nix treats `${"a"}` and `${''a''}` as the static name `a`).
 */
function staticKey(name: NixAttrName): string | undefined {
  if (typeof name === "string") return name;
  if (name.kind !== "string" && name.kind !== "indentedString") return undefined;
  if (!name.parts.every((p) => typeof p === "string")) return undefined;
  return name.parts.join("");
}

/** Drops bindings that would define a name twice (a parse error), keeping the first. */
function distinctBindings(bindings: readonly NixBinding[]): NixBinding[] {
  const seen = new Set<string>();
  return bindings.filter((b) => {
    const names = b.kind === "inherit" ? b.names : [b.path[0]];
    const keys = names.map(staticKey).filter((k) => k !== undefined);
    if (keys.some((k) => seen.has(k)) || new Set(keys).size !== keys.length) return false;
    for (const k of keys) seen.add(k);
    return true;
  });
}

/**
 * Arbitrary printable expressions up to `maxDepth` levels of composite nodes.
 * @example fc.assert(fc.property(nixExpr(4), (e) => typeof print(e) === "string"))
 */
export function nixExpr(maxDepth = 4): fc.Arbitrary<NixExpr> {
  const memo: fc.Memo<NixExpr> = fc.memo((depth) =>
    depth <= 1 ? leaf : fc.oneof({ weight: 1, arbitrary: leaf }, { weight: 2, arbitrary: composite(() => memo(depth - 1)) }),
  );
  return memo(maxDepth);
}

/** Where bindings live: `let` allows no dynamic names; `let` and `rec` names are in scope. */
type Scope = "attrs" | "rec" | "let";

function composite(sub: () => fc.Arbitrary<NixExpr>): fc.Arbitrary<NixExpr> {
  const e = fc.constant(null).chain(sub);
  const parts: fc.Arbitrary<NixStringPart[]> = fc.array(fc.oneof({ weight: 3, arbitrary: adversarialText() }, e), { maxLength: 4 });
  const dynamicName: fc.Arbitrary<NixAttrName> = fc.oneof(
    parts.map((p) => node({ kind: "string", parts: p })),
    variable.map((name) => node({ kind: "ident", name })),
    e,
  );
  const attrName = (dynamic: boolean): fc.Arbitrary<NixAttrName> =>
    dynamic ? fc.oneof({ weight: 4, arbitrary: staticName }, dynamicName) : staticName;
  // `let` and `rec` names are variables in scope: they must not shadow true/false/null.
  const scopedName = staticName.filter((name) => !LITERAL_NAMES.has(name));
  const attrPath = (dynamic: boolean): fc.Arbitrary<NixAttrPath> =>
    fc.array(attrName(dynamic), { minLength: 1, maxLength: 3 }) as unknown as fc.Arbitrary<NixAttrPath>;
  const binding = (scope: Scope): fc.Arbitrary<NixBinding> =>
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(bindingPath(scope), e, trivia).map(([path, value, t]): NixAttrBinding => Object.freeze({ kind: "binding", path, value, ...t })) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.tuple(fc.uniqueArray(binder, { maxLength: 5 }), trivia).map(([names, t]): NixInherit => Object.freeze({ kind: "inherit", names, ...t })),
          fc.tuple(e, fc.uniqueArray(scope === "attrs" ? staticName : scopedName, { maxLength: 5 }), trivia).map(([from, names, t]): NixInherit => Object.freeze({ kind: "inherit", from, names, ...t })),
        ),
      },
    );
  const bindingPath = (scope: Scope): fc.Arbitrary<NixAttrPath> =>
    scope === "attrs"
      ? attrPath(true)
      : fc.tuple(scopedName, fc.array(attrName(scope === "rec"), { maxLength: 2 })).map(
          ([first, rest]) => [first, ...rest] as unknown as NixAttrPath,
        );
  const bindings = (scope: Scope): fc.Arbitrary<NixBinding[]> =>
    fc.array(binding(scope), { maxLength: 4 }).map(distinctBindings);
  const listItem: fc.Arbitrary<NixListItem> = fc.oneof(
    { weight: 4, arbitrary: e },
    { weight: 1, arbitrary: fc.tuple(e, trivia).map(([value, t]) => Object.freeze({ kind: "commented" as const, value, ...t })) },
  );
  const formal: fc.Arbitrary<NixFormal> = fc.tuple(binder, fc.option(e, { nil: undefined })).map(([name, d]) => Object.freeze(d === undefined ? { name } : { name, default: d }));
  const param: fc.Arbitrary<NixParam> = fc.oneof(
    binder.map((name) => Object.freeze({ kind: "identParam" as const, name })),
    fc
      .tuple(fc.array(formal, { maxLength: 4 }), fc.boolean(), fc.option(fc.tuple(binder, fc.constantFrom("before" as const, "after" as const)), { nil: undefined }))
      .map(([fs, ellipsis, bind]) => {
        const formals = uniqueBy(fs, (f) => f.name);
        const at = bind === undefined || formals.some((f) => f.name === bind[0]) ? {} : { bind: Object.freeze({ name: bind[0], position: bind[1] }) };
        return Object.freeze({ kind: "formals" as const, formals, ellipsis, ...at });
      }),
  );
  return fc.oneof(
    parts.map((p) => node({ kind: "string", parts: p })),
    parts.map((p) => node({ kind: "indentedString", parts: p })),
    bindings("attrs").map((b) => node({ kind: "attrs", rec: false, bindings: b })),
    bindings("rec").map((b) => node({ kind: "attrs", rec: true, bindings: b })),
    fc.array(listItem, { maxLength: 4 }).map((items) => node({ kind: "list", items })),
    fc.tuple(bindings("let"), e).map(([b, body]) => node({ kind: "let", bindings: b, body })),
    fc.tuple(e, e).map(([scope, body]) => node({ kind: "with", scope, body })),
    fc.tuple(e, e, e).map(([cond, then, otherwise]) => node({ kind: "if", cond, then, else: otherwise })),
    fc.tuple(e, e).map(([cond, body]) => node({ kind: "assert", cond, body })),
    fc.tuple(param, e).map(([p, body]) => node({ kind: "lambda", param: p, body })),
    fc.tuple(e, fc.array(e, { minLength: 1, maxLength: 3 })).map(([fn, args]) => node({ kind: "apply", fn, args: args as [NixExpr, ...NixExpr[]] })),
    fc.tuple(e, attrPath(true), fc.option(e, { nil: undefined })).map(([x, path, d]) => node(d === undefined ? { kind: "select", expr: x, path } : { kind: "select", expr: x, path, default: d })),
    fc.tuple(e, attrPath(true)).map(([x, path]) => node({ kind: "hasAttr", expr: x, path })),
    fc.tuple(fc.constantFrom("-" as const, "!" as const), e).map(([op, x]) => node({ kind: "unary", op, expr: x })),
    fc.tuple(e, fc.constantFrom(...binaryOps), e).map(([left, op, right]) => node({ kind: "binary", op, left, right })),
  );
}

/** Whole files: header comment lines and an expression. */
export function nixFile(maxDepth = 4): fc.Arbitrary<NixFile> {
  return fc.tuple(fc.array(comment, { maxLength: 3 }), nixExpr(maxDepth)).map(([header, body]) => node({ kind: "file", header, body }));
}
