import { describe } from "vitest";
import { n } from "../build/index.ts";
import { goldenTests, type Golden } from "../../test-support/golden/check.ts";

/** The twelve examples of nix-language.md §6.2, each expected output copied from there. */
const examples: Golden[] = [
  {
    name: "1. two bindings expand",
    tree: n.attrs({ name: "hello", version: "2.12" }),
    expected: '{\n  name = "hello";\n  version = "2.12";\n}\n',
    value: { name: "hello", version: "2.12" },
  },
  {
    name: "2. nested sets expand; a lone inherit set does not",
    tree: n.attrs([
      n.bind("services.nginx.enable", true),
      n.bind("networking", n.attrs({ firewall: n.attrs({ enable: false }) })),
      n.bind("extra", n.attrs([n.inherit(["pkgs"])])),
    ]),
    expected:
      "{\n  services.nginx.enable = true;\n  networking = {\n    firewall = {\n      enable = false;\n" +
      "    };\n  };\n  extra = { inherit pkgs; };\n}\n",
    same: "{ services = { nginx = { enable = (true); }; }; networking = { firewall = { enable = (false); }; }; extra = { inherit pkgs; }; }",
  },
  {
    name: "3. lists",
    tree: n.attrs({ a: n.list([]), b: n.list(["x"]), c: n.list(["x", "y"]) }),
    expected: '{\n  a = [ ];\n  b = [ "x" ];\n  c = [\n    "x"\n    "y"\n  ];\n}\n',
    value: { a: [], b: ["x"], c: ["x", "y"] },
  },
  {
    name: "4. formals with a default expand, with trailing commas",
    tree: n.fn(
      { formals: ["lib", "stdenv", { name: "withFoo", default: false }] },
      n.call("stdenv.mkDerivation", n.attrs({ pname: "foo", version: "1.0" })),
    ),
    expected:
      '{\n  lib,\n  stdenv,\n  withFoo ? false,\n}:\nstdenv.mkDerivation {\n  pname = "foo";\n  version = "1.0";\n}\n',
    same: '({ lib, stdenv, withFoo ? (false) }: ((stdenv.mkDerivation) ({ pname = ("foo"); version = ("1.0"); })))',
  },
  {
    name: "4'. two formals without defaults stay on one line",
    tree: n.fn({ formals: ["lib", "pkgs"] }, n.call("lib.id", n.id("pkgs"))),
    expected: "{ lib, pkgs }: lib.id pkgs\n",
    same: "({ lib, pkgs }: ((lib.id) (pkgs)))",
  },
  {
    // §6.2 shows `{ inherit a b; }` after `in`; the real nixfmt expands it: the body is in the
    // `in` group, which always breaks, and a set's own line breaks belong to that group.
    name: "5. let is always multi-line, the body not indented",
    tree: n.let({ a: 1, b: n.op(n.id("a"), "+", 1) }, n.attrs([n.inherit(["a", "b"])])),
    expected: "let\n  a = 1;\n  b = a + 1;\nin\n{\n  inherit a b;\n}\n",
    value: { a: 1, b: 2 },
  },
  {
    name: "6. an else-if chain as a binding value",
    tree: n.attrs({ mode: n.if(n.id("fast"), "fast", n.if(n.id("safe"), "safe", "default")) }),
    expected:
      '{\n  mode =\n    if fast then\n      "fast"\n    else if safe then\n      "safe"\n    else\n      "default";\n}\n',
    same: '{ mode = (if (fast) then ("fast") else (if (safe) then ("safe") else ("default"))); }',
  },
  {
    name: "6'. a short if without else-if stays on one line",
    tree: n.attrs({ n: n.if(n.id("c"), 1, 2) }),
    expected: "{ n = if c then 1 else 2; }\n",
    same: "{ n = (if (c) then (1) else (2)); }",
  },
  {
    name: "7. an absorbed last argument",
    tree: n.call("pkgs.writeShellApplication", n.attrs({ name: "hi", text: "echo hi" })),
    expected: 'pkgs.writeShellApplication {\n  name = "hi";\n  text = "echo hi";\n}\n',
    same: '((pkgs.writeShellApplication) ({ name = ("hi"); text = ("echo hi"); }))',
  },
  {
    name: "8. an operator chain broken before each operator",
    tree: n.attrs({
      allFlags: n.op(
        n.id("commonConfigureFlags"),
        "++",
        n.op(
          n.id("platformSpecificConfigureFlags"),
          "++",
          n.op(n.call("lib.optionals", n.id("enableFeature"), n.id("featureFlags")), "++", n.id("extraConfigureFlags")),
        ),
      ),
    }),
    expected:
      "{\n  allFlags =\n    commonConfigureFlags\n    ++ platformSpecificConfigureFlags\n" +
      "    ++ lib.optionals enableFeature featureFlags\n    ++ extraConfigureFlags;\n}\n",
    same:
      "{ allFlags = ((commonConfigureFlags) ++ ((platformSpecificConfigureFlags) ++ (((lib.optionals) (enableFeature) (featureFlags)) ++ (extraConfigureFlags)))); }",
  },
  {
    name: "9. a list, then ++ (the absorbed special case)",
    tree: n.attrs({
      buildInputs: n.op(n.list([n.id("openssl"), n.id("zlib")]), "++", n.call("lib.optional", n.id("withPython"), n.id("python3"))),
    }),
    expected: "{\n  buildInputs = [\n    openssl\n    zlib\n  ]\n  ++ lib.optional withPython python3;\n}\n",
    same: "{ buildInputs = (([ (openssl) (zlib) ]) ++ ((lib.optional) (withPython) (python3))); }",
  },
  {
    name: "10. inherit with four or more names",
    tree: n.attrs([n.inherit(["mkIf", "mkOption", "types", "literalExpression"], n.id("lib"))]),
    expected: "{\n  inherit (lib)\n    mkIf\n    mkOption\n    types\n    literalExpression\n    ;\n}\n",
    same: "{ inherit (lib) mkIf mkOption types literalExpression; }",
  },
  {
    name: "11. with before a set is absorbed, the set expanded",
    tree: n.attrs({ meta: n.with(n.id("lib"), n.attrs({ license: n.select("licenses.mit") })) }),
    expected: "{\n  meta = with lib; {\n    license = licenses.mit;\n  };\n}\n",
    same: "{ meta = (with (lib); ({ license = (licenses.mit); })); }",
  },
  {
    name: "12. assert, and a multi-line indented string",
    tree: n.assert(n.id("enable"), n.attrs({ script: n.str("echo start\n  echo nested\n") })),
    expected: "assert enable;\n{\n  script = ''\n    echo start\n      echo nested\n  '';\n}\n",
    same: '(assert (enable); ({ script = ("echo start\\n  echo nested\\n"); }))',
  },
];

describe("nixfmt layout: the examples of nix-language.md §6.2", () => {
  goldenTests(examples);
});
