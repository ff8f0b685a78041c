import { describe, expect, it } from "vitest";
import { print } from "../print/index.ts";
import { n } from "./index.ts";

describe("n.str as a template tag", () => {
  it("interpolates expressions as references and splices text, numbers and booleans", () => {
    const ref = n.select("config.containers.authelia.localAddress");
    expect(print(n.str`http://${ref}:${9091}/${true}`)).toBe('"http://${config.containers.authelia.localAddress}:9091/true"\n');
  });

  it.each([
    ["an object that is not a Nix expression", { kind: "hostRef", path: ["x"] }],
    ["a list", ["a"]],
    ["null", null],
    ["undefined", undefined],
    ["a function", () => 1],
    ["a symbol", Symbol("s")],
  ])("refuses %s instead of writing its JS text into the string", (what, value) => {
    expect(() => n.str`a${value as never}b`).toThrow(new TypeError(`n.str: interpolation \${0} is ${what}; interpolate a Nix expression (n.*), a string, a number or a boolean`));
  });
});
