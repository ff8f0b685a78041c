import { describe, expect, it } from "vitest";
import type { NixExpr } from "../ast/index.ts";
import { n } from "../build/index.ts";
import { NixValueError } from "../errors.ts";
import { toNix } from "./index.ts";

/** The error `toNix` throws for `value`, checked to be a NixValueError. */
function failure(value: unknown, options?: Parameters<typeof toNix>[1]): NixValueError {
  try {
    toNix(value, options);
  } catch (error) {
    expect(error).toBeInstanceOf(NixValueError);
    const e = error as NixValueError;
    expect(e.message).toBe(`${e.path}: ${e.reason}`);
    return e;
  }
  throw new Error("toNix did not throw");
}

function expectFailure(value: unknown, path: string, reason: RegExp): void {
  const e = failure(value);
  expect(e.path).toBe(path);
  expect(e.reason).toMatch(reason);
}

describe("toNix: every unrepresentable value is a NixValueError naming its JS path", () => {
  it("integers beyond 64 bits", () => {
    expectFailure({ a: [1n, 2n ** 63n] }, "$.a[1]", /9223372036854775808 does not fit in a 64-bit Nix integer/);
    expectFailure(-(2n ** 63n) - 1n, "$", /-9223372036854775809 does not fit/);
  });

  it("NaN, ±Infinity and subnormal numbers", () => {
    expectFailure({ services: { web: { ports: [80, 443, Number.NaN] } } }, "$.services.web.ports[2]", /^NaN has no Nix literal$/);
    expectFailure([Infinity], "$[0]", /^Infinity has no Nix literal$/);
    expectFailure({ x: -Infinity }, "$.x", /^-Infinity has no Nix literal$/);
    expectFailure({ tiny: 5e-324 }, "$.tiny", /5e-324 is subnormal/);
  });

  it("NUL and lone surrogates in strings and keys", () => {
    expectFailure({ motd: "a\0b" }, "$.motd", /string contains a NUL character \(U\+0000\) at index 1/);
    expectFailure({ "a\0b": 1 }, '$["a\\u0000b"]', /attribute name contains a NUL/);
    expectFailure(["ok", "\uD800"], "$[1]", /lone UTF-16 surrogate \(U\+D800\)/);
    expectFailure({ k: { "\uDC00": true } }, '$.k["\\udc00"]', /attribute name contains a lone UTF-16 surrogate/);
  });

  it("names odd keys in brackets", () => {
    expectFailure({ "odd key": { "a.b": [Number.NaN] } }, '$["odd key"]["a.b"][0]', /NaN/);
  });

  it("functions and symbols", () => {
    expectFailure({ f: () => 1 }, "$.f", /a function cannot be written as Nix data/);
    expectFailure([Symbol("s")], "$[0]", /Symbol\(s\) cannot be written as Nix/);
  });

  it("class instances", () => {
    class Service {
      port = 1;
    }
    const cases: readonly (readonly [unknown, string])[] = [
      [new Date(0), "a Date"],
      [new Map(), "a Map"],
      [new Set(), "a Set"],
      [/x/, "a RegExp"],
      [new Uint8Array(2), "a Uint8Array"],
      [new Service(), "a Service"],
      [Object("boxed"), "a String"],
      [new Error("e"), "an? Error"],
    ];
    for (const [value, what] of cases) {
      expectFailure({ v: value }, "$.v", new RegExp(`^${what} is not plain data`));
    }
  });

  it("holes in sparse arrays", () => {
    expectFailure({ list: [1, , 3] }, "$.list[1]", /hole in a sparse array/);
    expectFailure(new Array(2), "$[0]", /hole/);
  });

  it("cycles, through objects, arrays and collapsed chains", () => {
    const self: Record<string, unknown> = { a: 1 };
    self["me"] = self;
    expectFailure(self, "$.me", /cycle: this is the same object as its ancestor \$$/);
    const list: unknown[] = [];
    list.push([list]);
    expectFailure({ l: list }, "$.l[0][0]", /ancestor \$\.l$/);
    const chain: Record<string, unknown> = {};
    chain["x"] = { y: chain };
    expectFailure({ root: chain }, "$.root.x.y", /ancestor \$\.root$/);
    const loop: Record<string, unknown> = {};
    loop["next"] = loop;
    expectFailure({ m: loop }, "$.m.next", /ancestor \$\.m$/);
    const deep: Record<string, unknown> = {};
    deep["x"] = { y: [1, deep] };
    expectFailure({ m: deep }, "$.m.x.y[1]", /ancestor \$\.m$/);
    expectFailure([{ m: deep }], "$[0].m.x.y[1]", /ancestor \$\[0\]\.m$/);
  });

  it("undefined at the top or in a list", () => {
    expectFailure(undefined, "$", /undefined has no Nix counterpart/);
    expectFailure({ a: [1, undefined] }, "$.a[1]", /undefined has no Nix counterpart/);
  });

  it("a file node nested in data, and a convert hook that returns data", () => {
    expectFailure({ f: n.file("x", 1) }, "$.f", /file node/);
    const e = failure({ d: new Date(0) }, { convert: (v) => (v instanceof Date ? ("x" as unknown as NixExpr) : undefined) });
    expect([e.path, e.reason]).toEqual(["$.d", expect.stringMatching(/`convert` option returned something that is not a Nix AST node/)]);
  });

  it("reports the first bad value in key order", () => {
    expectFailure({ z: Number.NaN, a: [Number.NaN] }, "$.a[0]", /NaN/);
  });
});
