import { nixEval, nixParse, parseAll } from "@nixjs/testkit";
import { expect, it } from "vitest";
import type { NixNode } from "../../src/ast/index.ts";
import { formatWithNixfmt, nixfmtFromEnv } from "../nixfmt.ts";
import { print, type PrintOptions } from "../../src/print/index.ts";

/**
 * A golden: a tree and its expected output, written by hand from the layout rules
 * (nix-language.md §6), never pasted from the printer, and checked against the real nixfmt
 * 1.4.0 (when `NIXFMT` names it: the expected text must be a nixfmt fixed point at the
 * golden's width). Real Nix checks each one:
 * `value` — it evaluates (strictly, as JSON) to this; `same` — its `--parse` form equals that
 * of this independently written, fully parenthesised rendering of the same tree. Every
 * golden must also parse (free variables are allowed: the checks wrap it in `with { };`).
 */
export interface Golden {
  readonly name: string;
  readonly tree: NixNode;
  readonly expected: string;
  readonly value?: unknown;
  readonly same?: string;
  readonly options?: PrintOptions;
}

/** Whether the missing nixfmt was reported already (once per test file). */
let warned = false;

/** Relative paths resolve against this directory in every check, so both sides agree. */
const CWD = "/";

function wrap(source: string): string {
  return `with { }; (\n${source}\n)`;
}

/** One vitest case per golden, then batched Nix checks (one nix-instantiate call each). */
export function goldenTests(goldens: readonly Golden[]): void {
  for (const g of goldens) {
    it(g.name, () => {
      const out = print(g.tree, g.options);
      expect(out).toBe(g.expected);
      expect(print(g.tree, g.options)).toBe(out);
    });
  }
  const nixfmt = nixfmtFromEnv();
  if (typeof nixfmt !== "string" && !warned) {
    warned = true;
    console.warn(`\n*** goldens not checked against nixfmt (SKIPPED): ${nixfmt.reason} ***\n`);
  }
  it.skipIf(typeof nixfmt !== "string")(
    `every golden is laid out as nixfmt 1.4.0 lays it out${typeof nixfmt === "string" ? "" : ` — SKIPPED: ${nixfmt.reason}`}`,
    () => {
      const binary = nixfmt as string;
      // One nixfmt run per width (all goldens but a few use the default, 100).
      const widths = [...new Set(goldens.map((g) => g.options?.width ?? 100))];
      const differ: { name: string; nixfmt: unknown; expected: string }[] = [];
      for (const width of widths) {
        const batch = goldens.filter((g) => (g.options?.width ?? 100) === width && (g.options?.indent ?? 2) === 2);
        const results = formatWithNixfmt(binary, batch.map((g) => g.expected), width);
        batch.forEach((g, i) => {
          const r = results[i];
          if (r?.ok !== true || r.text !== g.expected) differ.push({ name: g.name, nixfmt: r?.ok === true ? r.text : r, expected: g.expected });
        });
      }
      expect(differ).toEqual([]);
    },
  );
  it("every golden parses with nix-instantiate", () => {
    parseAll(goldens.map((g) => wrap(g.expected)), { cwd: CWD });
  });
  const valued = goldens.filter((g) => "value" in g);
  if (valued.length > 0) {
    it("goldens of data evaluate to their value", () => {
      const values = nixEval(`[\n${valued.map((g) => `(\n${g.expected}\n)`).join("\n")}\n]`, { cwd: CWD });
      expect(values).toEqual(valued.map((g) => g.value));
    });
  }
  const compared = goldens.filter((g) => g.same !== undefined);
  if (compared.length > 0) {
    it("goldens parse to the same tree as their parenthesised rendering", () => {
      for (const g of compared) {
        const printed = nixParse(wrap(g.expected), { cwd: CWD });
        const reference = nixParse(wrap(g.same as string), { cwd: CWD });
        expect({ name: g.name, parse: printed }).toEqual({ name: g.name, parse: reference });
      }
    });
  }
}
