import { describe, expect, it } from "vitest";
import { evalAll, NixError, nixEval } from "../../packages/testkit/src/index.ts";
import { nixosStubDir } from "./eval-server.ts";

// The stand-in module system and types, judged by the real nix-instantiate. Each case is the
// `config` of `lib.evalModules` over modules written inline (with `lib` and its helpers in scope).
function configOf(modules: string, select = ""): string {
  return [
    `let lib = import (/. + "${nixosStubDir}/lib");`,
    `    inherit (lib) mkOption mkIf mkMerge mkForce mkDefault mkOverride mkBefore mkAfter types;`,
    `in (lib.evalModules { modules = [ ${modules} ]; }).config${select}`,
  ].join("\n");
}

/** The message Nix fails with (its "error: " prefix and indentation removed). */
function errorOf(source: string): string {
  try {
    nixEval(source, { cwd: `${nixosStubDir}/fixtures/lib` });
  } catch (error) {
    if (!(error instanceof NixError)) throw error;
    return error.stderr
      .split("\n")
      .filter((l) => !l.startsWith("(use '--show-trace'"))
      .map((l) => l.replace(/^error: /, "").replace(/^ {7}/, ""))
      .join("\n")
      .trim();
  }
  throw new Error("expected Nix to fail");
}

const port = "{ options.p = mkOption { type = types.port; default = 80; }; }";
const list = "{ options.l = mkOption { type = types.listOf types.str; default = [ ]; }; }";
const lines = "{ options.t = mkOption { type = types.lines; default = \"\"; }; }";
const attrs = "{ options.a = mkOption { type = types.attrsOf types.int; default = { }; }; }";

describe("evalModules: merging definitions", () => {
  const cases: readonly (readonly [string, string, unknown])[] = [
    ["a default applies", configOf(port, ".p"), 80],
    ["a definition replaces the default", configOf(`${port} { p = 81; }`, ".p"), 81],
    ["equal definitions agree", configOf(`${port} { p = 81; } { p = 81; }`, ".p"), 81],
    ["mkForce beats a plain definition", configOf(`${port} { p = 81; } { p = mkForce 82; }`, ".p"), 82],
    ["a plain definition beats mkDefault", configOf(`${port} { p = mkDefault 81; } { p = 82; }`, ".p"), 82],
    ["mkDefault beats the default", configOf(`${port} { p = mkDefault 81; }`, ".p"), 81],
    ["lower mkOverride wins", configOf(`${port} { p = mkOverride 60 81; } { p = mkOverride 70 82; }`, ".p"), 81],
    ["mkIf false drops a definition", configOf(`${port} { p = mkIf false 81; }`, ".p"), 80],
    ["mkIf true keeps it", configOf(`${port} { p = mkIf true 81; }`, ".p"), 81],
    ["mkIf on a whole config", configOf(`${port} ${list} { config = mkIf false { p = 81; l = [ "x" ]; }; }`), { p: 80, l: [] }],
    ["mkMerge splices", configOf(`${port} ${list} { config = mkMerge [ { l = [ "a" ]; } (mkIf true { l = [ "b" ]; p = 81; }) ]; }`), { p: 81, l: ["a", "b"] }],
    ["lists concatenate across modules", configOf(`${list} { l = [ "a" ]; } { l = [ "b" "c" ]; }`, ".l"), ["a", "b", "c"]],
    ["mkBefore and mkAfter order list definitions", configOf(`${list} { l = mkAfter [ "z" ]; } { l = [ "m" ]; } { l = mkBefore [ "a" ]; }`, ".l"), ["a", "m", "z"]],
    ["mkIf inside a list", configOf(`${list} { l = [ "a" (mkIf false "b") ]; }`, ".l"), ["a"]],
    ["lines join with newlines", configOf(`${lines} { t = "a"; } { t = "b"; }`, ".t"), "a\nb"],
    ["attrsOf merges names", configOf(`${attrs} { a.x = 1; } { a.y = 2; }`, ".a"), { x: 1, y: 2 }],
    ["attrsOf drops mkIf false attributes", configOf(`${attrs} { a.x = 1; a.y = mkIf false 2; }`, ".a"), { x: 1 }],
    ["mkForce inside attrsOf", configOf(`${attrs} { a.x = 1; } { a.x = mkForce 3; }`, ".a.x"), 3],
    [
      "the config fixpoint: a condition reads an option set elsewhere",
      configOf(`${port} ${list} ({ config, ... }: { l = mkIf (config.p == 81) [ "81" ]; }) { p = 81; }`, ".l"),
      ["81"],
    ],
    [
      "attribute names may come from config values",
      configOf(`${attrs} { options.n = mkOption { type = types.str; default = "k"; }; } ({ config, ... }: { a.\${config.n} = 1; })`, ".a"),
      { k: 1 },
    ],
    [
      "a module imported twice by path is one module",
      configOf(`./declares-p.nix { imports = [ ./declares-p.nix ]; } { p = 81; }`, ".p"),
      81,
    ],
    [
      "submodules see their name and their own config",
      configOf(
        `{ options.s = mkOption { type = types.attrsOf (types.submodule ({ name, config, ... }: { options.n = mkOption { type = types.str; default = name; }; options.u = mkOption { type = types.str; default = "u-\${config.n}"; }; })); default = { }; }; } { s.one = { }; s.two.n = "zwei"; }`,
        ".s",
      ),
      { one: { n: "one", u: "u-one" }, two: { n: "zwei", u: "u-zwei" } },
    ],
    [
      "a freeform submodule keeps undeclared keys and types declared ones",
      configOf(
        `{ options.f = mkOption { type = types.submodule { freeformType = types.attrsOf types.anything; options.x.y = mkOption { type = types.int; default = 1; }; }; default = { }; }; } { f.x.z = "free"; f.w = [ 1 ]; }`,
        ".f",
      ),
      { w: [1], x: { y: 1, z: "free" } },
    ],
  ];

  it("merges like NixOS (one Nix call for all cases)", () => {
    const values = evalAll(
      cases.map(([, source]) => source),
      { cwd: `${nixosStubDir}/fixtures/lib` },
    );
    cases.forEach(([name, , expected], i) => expect({ name, value: values[i] }).toEqual({ name, value: expected }));
  });
});

describe("evalModules: errors name the option and the file", () => {
  it("an undeclared option, with every typo listed", () => {
    expect(errorOf(configOf(`${port} { zz = 1; pp = 2; }`))).toBe(
      "The option `pp' does not exist. Definition values:\n- In `<unknown-file>'\nDid you mean `p'?\nThe option `zz' does not exist. Definition values:\n- In `<unknown-file>'",
    );
  });

  it("a wrong type", () => {
    expect(errorOf(configOf(`${port} { p = 70000; }`, ".p"))).toContain(
      "A definition for option `p' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'. Definition values:\n- In `<unknown-file>': 70000",
    );
  });

  it("conflicting scalars", () => {
    expect(errorOf(configOf(`${port} { _file = "a.nix"; p = 1; } { _file = "b.nix"; p = 2; }`, ".p"))).toContain(
      "The option `p' has conflicting definition values:\n- In `a.nix': 1\n- In `b.nix': 2",
    );
  });

  it("an option used but not defined", () => {
    expect(errorOf(configOf(`{ options.r = mkOption { type = types.str; }; }`, ".r"))).toContain("The option `r' is used but not defined.");
  });

  it("a non-Boolean mkIf condition", () => {
    expect(errorOf(configOf(`${port} { p = mkIf "yes" 1; }`, ".p"))).toContain("`mkIf' called with a non-Boolean condition at `p' in `<unknown-file>': \"yes\"");
  });

  it("an option declared twice", () => {
    expect(errorOf(configOf(`${port} { _file = "again.nix"; options.p = mkOption { type = types.int; }; }`))).toContain(
      "The option `p' in `again.nix' is already declared in `<unknown-file>'.",
    );
  });

  it("configuration beside `options` without `config`", () => {
    expect(errorOf(configOf(`{ options.x = mkOption { }; y = 1; }`))).toContain("Module `<unknown-file>' has an unsupported attribute `y'.");
  });

  it("a value where a set of options is declared", () => {
    expect(errorOf(configOf(`{ options.n.m = mkOption { type = types.int; default = 1; }; } { n = 5; }`))).toContain(
      "A definition in `<unknown-file>' sets `n' to 5, but `n' is a set of options, not an option",
    );
  });

  it("an import that does not exist", () => {
    expect(errorOf(configOf(`{ _file = "host.nix"; imports = [ ./missing.nix ]; }`))).toMatch(/The module `\S*missing\.nix', imported from `host\.nix', does not exist\./);
  });

  it("a scalar where a list belongs, inside a submodule", () => {
    expect(errorOf(configOf(`{ options.s = mkOption { type = types.attrsOf (types.submodule { options.l = mkOption { type = types.listOf types.str; }; }); }; } { s.x.l = "a"; }`))).toContain(
      "A definition for option `s.x.l' is not of type `list of string'.",
    );
  });
});

describe("types: check and description", () => {
  const typed = (type: string, value: string): string =>
    configOf(`{ options.v = mkOption { type = ${type}; }; } { v = ${value}; }`, ".v");
  const pkgs = `(import (/. + "${nixosStubDir}/pkgs.nix") { inherit lib; })`;
  const accepted: readonly (readonly [string, string, unknown])[] = [
    ["types.port", "0", 0],
    ["types.port", "65535", 65535],
    ["types.ints.u32", "4294967295", 4294967295],
    ['types.either types.ints.u32 (types.enum [ "no" "identity" "pick" ])', '"pick"', "pick"],
    ['types.either types.ints.u32 (types.enum [ "no" "identity" "pick" ])', "65536", 65536],
    ["types.nullOr types.str", "null", null],
    ['types.strMatching "[a-z]+"', '"abc"', "abc"],
    ["types.path", '"/run/agenix/x"', "/run/agenix/x"],
    [`(${pkgs}.formats.json { }).type`, "{ a = null; b = [ 1 { c = true; } ]; }", { a: null, b: [1, { c: true }] }],
  ];

  it("accepts what NixOS accepts", () => {
    const values = evalAll(accepted.map(([t, v]) => typed(t, v)));
    accepted.forEach(([t, v, expected], i) => expect({ t, v, value: values[i] }).toEqual({ t, v, value: expected }));
  });

  const rejected: readonly (readonly [string, string, string])[] = [
    ["types.port", "65536", "16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
    ["types.port", '"80"', "16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
    ['types.either types.ints.u32 (types.enum [ "no" "identity" "pick" ])', '"65536"', '32 bit unsigned integer; between 0 and 4294967295 (both inclusive) or one of "no", "identity", "pick"'],
    ["types.str", "1", "string"],
    ["types.bool", '"true"', "boolean"],
    ["types.path", '"relative/path"', "path"],
    ["types.package", '"podman"', "package"],
    ["types.attrsOf types.str", "{ PUID = 1000; }", "string"],
    ['types.strMatching "[a-z]+"', '"ABC"', "string matching the pattern [a-z]+"],
    [`(${pkgs}.formats.toml { }).type`, "{ a = null; }", "TOML value"],
  ];

  it.each(rejected)("%s rejects %s", (type, value, description) => {
    expect(errorOf(typed(type, value))).toContain(`is not of type \`${description}'`);
  });

  it("keeps a path value a path (nothing is copied to the store)", () => {
    expect(nixEval(`builtins.isPath (${typed("types.path", "/etc/hosts")})`)).toBe(true);
  });

  it("nullOr refuses null beside a value", () => {
    expect(errorOf(configOf(`{ options.v = mkOption { type = types.nullOr types.str; }; } { v = null; } { v = "x"; }`, ".v"))).toContain(
      "The option `v' is defined both null and not null",
    );
  });
});
