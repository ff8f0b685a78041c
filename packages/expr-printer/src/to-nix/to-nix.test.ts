import { evalAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import type { NixAttrs, NixExpr } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { reference } from "../../test-support/reference.ts";
import { toNix } from "./index.ts";

const ref = (value: unknown, options?: Parameters<typeof toNix>[1]): string => reference(toNix(value, options));

describe("toNix: scalars", () => {
  it("maps strings, booleans and null", () => {
    expect(toNix("")).toEqual({ kind: "string", parts: [] });
    expect(toNix("é 😀")).toEqual({ kind: "string", parts: ["é 😀"] });
    expect(toNix(true)).toEqual({ kind: "bool", value: true });
    expect(toNix(null)).toEqual({ kind: "null" });
  });

  it("makes safe integers and bigints Nix integers, -0 included", () => {
    expect(toNix(42)).toEqual({ kind: "int", value: 42n });
    expect(toNix(-0)).toEqual({ kind: "int", value: 0n });
    expect(toNix(Number.MAX_SAFE_INTEGER)).toEqual({ kind: "int", value: 9007199254740991n });
    expect(toNix(2n ** 63n - 1n)).toEqual({ kind: "int", value: 9223372036854775807n });
    expect(toNix(-(2n ** 63n))).toEqual({ kind: "int", value: -9223372036854775808n });
  });

  it("makes other finite numbers floats, integer-valued doubles beyond 2^53 included", () => {
    expect(toNix(0.5)).toEqual({ kind: "float", value: 0.5 });
    expect(toNix(2 ** 53)).toEqual({ kind: "float", value: 2 ** 53 });
    expect(toNix(-1e300)).toEqual({ kind: "float", value: -1e300 });
  });

  it("returns branded, frozen nodes", () => {
    const list = toNix([{ a: 1 }]);
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen((list as { items: unknown }).items)).toBe(true);
    expect(n.list([list]).items[0]).toBe(list); // a builder keeps it as a node
  });
});

describe("toNix: objects and arrays", () => {
  it("sorts keys by code units, whatever the declaration order", () => {
    const a = { b: 1, a: 2, B: 3, "é": 4, "😀": 5, "\uFFFF": 6, "10": 7, "9": 8 };
    const b = { "9": 8, "😀": 5, "\uFFFF": 6, a: 2, "10": 7, "é": 4, B: 3, b: 1 };
    const keys = (toNix(a) as NixAttrs).bindings.map((x) => (x.kind === "binding" ? x.path[0] : ""));
    expect(keys).toEqual(["10", "9", "B", "a", "b", "é", "😀", "\uFFFF"]);
    expect(toNix(b)).toEqual(toNix(a));
  });

  it("leaves out undefined members", () => {
    expect(ref({ a: undefined, b: 1 })).toBe('({ "b" = (1); })');
    expect(ref({ a: undefined })).toBe("({ })");
  });

  it("collapses chains of single-member objects into attribute paths", () => {
    expect(ref({ a: { b: { c: 1 } } })).toBe('({ "a"."b"."c" = (1); })');
    expect(ref({ a: { b: { c: 1, d: 2 } }, e: 3 })).toBe('({ "a"."b" = ({ "c" = (1); "d" = (2); }); "e" = (3); })');
    expect(ref({ a: { b: 1, c: undefined } })).toBe('({ "a"."b" = (1); })');
    expect(ref({ a: { b: [{ c: { d: 1 } }] } })).toBe('({ "a"."b" = ([ ({ "c"."d" = (1); }) ]); })');
  });

  it("stops a chain at an empty object, an AST node, or a value the convert hook takes", () => {
    expect(ref({ a: {} })).toBe('({ "a" = ({ }); })');
    expect(ref({ a: { b: {} } })).toBe('({ "a"."b" = ({ }); })');
    expect(ref({ a: n.attrs({ b: 1 }) })).toBe('({ "a" = ({ "b" = (1); }); })');
    const tagged = { special: { x: 1 } };
    const convert = (v: unknown): NixExpr | undefined => (v === tagged.special ? n.id("special") : undefined);
    expect(ref({ a: tagged }, { convert })).toBe('({ "a"."special" = (special); })');
  });

  it("writes members whose value is the variable of the same name as one sorted `inherit`, first", () => {
    const converted = toNix({ port: 80, host: n.id("host"), domain: n.id("domain"), name: n.id("other") }) as NixAttrs;
    expect(converted.bindings.map((b) => (b.kind === "inherit" ? `inherit ${b.names.join(" ")}` : b.path.join(".")))).toEqual([
      "inherit domain host",
      "name",
      "port",
    ]);
    expect(ref({ domain: n.id("domain") })).toBe(`({ inherit "domain"; })`);
    expect(ref({ a: { domain: n.id("domain"), x: 1 } })).toBe('({ "a" = ({ inherit "domain"; "x" = (1); }); })');
  });

  it("keeps `name = name;` where `inherit` cannot say it: a collapsed path, a name that is no identifier", () => {
    // `a.domain = domain;` is one binding of an attribute path, not a member of a set.
    expect(ref({ a: { domain: n.id("domain") } })).toBe('({ "a"."domain" = (domain); })');
    // Not identifiers (the printer refuses these variables, with their path).
    expect(ref({ if: n.id("if"), "a b": n.id("a b") })).toBe('({ "a b" = (a b); "if" = (if); })');
    expect(ref({ x: n.select("x.y") })).toBe('({ "x" = ((x)."y"); })');
  });

  it("does not collapse with `collapse: false`", () => {
    expect(ref({ a: { b: { c: 1 } } }, { collapse: false })).toBe('({ "a" = ({ "b" = ({ "c" = (1); }); }); })');
  });

  it("keeps AST nodes wherever they are nested", () => {
    const x = n.select("config.x");
    const converted = toNix({ a: [x, { b: x }] });
    expect(reference(converted)).toBe('({ "a" = ([ ((config)."x") ({ "b" = ((config)."x"); }) ]); })');
  });

  it("converts shared (acyclic) references each time", () => {
    const shared = { k: 1, j: 2 };
    expect(ref([shared, shared])).toBe('([ ({ "j" = (2); "k" = (1); }) ({ "j" = (2); "k" = (1); }) ])');
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.assign(Object.create(null) as object, { x: 1, y: 2 });
    expect(ref(bare)).toBe('({ "x" = (1); "y" = (2); })');
  });
});

describe("toNix: the convert hook", () => {
  it("is consulted first, with the JS path, for every value that is not a node", () => {
    const seen: string[] = [];
    toNix({ a: [1, "s"], b: { c: true } }, { convert: (_, path) => void seen.push(path) });
    expect(seen).toEqual(["$", "$.a", "$.a[0]", "$.a[1]", "$.b", "$.b.c"]);
  });

  it("turns class instances into nodes", () => {
    const convert = (v: unknown): NixExpr | undefined => (v instanceof Date ? n.str(v.toISOString()) : undefined);
    expect(ref({ at: new Date(0) }, { convert })).toBe('({ "at" = ("1970-01-01T00:00:00.000Z"); })');
  });
});

describe("toNix: depth", () => {
  it("converts 10,000-deep arrays and objects without growing the call stack", () => {
    let list: unknown = 1;
    let object: unknown = 1;
    let mixed: unknown = "leaf";
    for (let i = 0; i < 10_000; i++) {
      list = [list];
      object = { a: object, b: i };
      mixed = i % 2 === 0 ? [mixed] : { k: mixed };
    }
    let depth = 0;
    for (let e = toNix(list); e.kind === "list"; e = e.items[0] as NixExpr) depth++;
    expect(depth).toBe(10_000);
    depth = 0;
    for (let e = toNix(object); e.kind === "attrs"; depth++) {
      const first = e.bindings[0];
      e = first?.kind === "binding" ? first.value : n.null();
    }
    expect(depth).toBe(10_000);
    expect(toNix(mixed).kind).toBe("attrs");
  });

  it("collapses a 10,000-long chain into one attribute path", () => {
    let chain: unknown = 1;
    for (let i = 0; i < 10_000; i++) chain = { a: chain };
    const root = toNix(chain) as NixAttrs;
    const binding = root.bindings[0];
    // The root set holds one binding whose path names all 10,000 levels below it.
    expect(binding?.kind === "binding" ? binding.path.length : 0).toBe(10_000);
  });
});

describe("toNix: Nix reads the conversion back (reference rendering, real Nix)", () => {
  it("round-trips nested data, keys that need quoting included", () => {
    const values = [
      { services: { web: { ports: [80, 443], enable: true, "odd key": null } } },
      { "": "", if: "kw", "a.b": [[]], "${x}": "$${", or: { in: {} } },
      [-1, 0, 9007199254740991, "x\ny", { "é": "😀" }],
      { a: { b: { c: 1 } }, d: { e: 2, f: 3 } },
    ];
    expect(evalAll(values.map((v) => reference(toNix(v))))).toEqual(values);
  });
});
