import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evalAll } from "@nixjs/testkit";
import type { Data } from "./data-arbitraries.ts";

/**
 * JSON with exact numbers: bigints and safe integers as integer digits, every other number
 * with 17 significant digits and an exponent (always read as a float, always the same
 * double). `undefined` members are left out, as `toNix` leaves them out.
 */
export function exactJson(value: Data): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Number.isSafeInteger(value) ? String(value) : value.toExponential(16);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly Data[]).map(exactJson).join(",")}]`;
  const members = Object.keys(value)
    .filter((k) => (value as Record<string, Data | undefined>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${exactJson((value as Record<string, Data>)[k] as Data)}`);
  return `{${members.join(",")}}`;
}

/** A JSON-safe image of a value with its Nix types: `"int:5"`, `"float"`, `"str:…"`. */
export type Tagged = string | boolean | null | Tagged[] | { [key: string]: Tagged };

/** The tags `toNix` must produce: safe integers and bigints are ints, other numbers floats. */
export function expectedTags(value: Data): Tagged {
  if (typeof value === "bigint") return `int:${value}`;
  if (typeof value === "number") return Number.isSafeInteger(value) ? `int:${String(value)}` : "float";
  if (typeof value === "string") return `str:${value}`;
  if (value === null || typeof value === "boolean") return value;
  if (Array.isArray(value)) return (value as readonly Data[]).map(expectedTags);
  const out: { [key: string]: Tagged } = {};
  for (const k of Object.keys(value)) {
    const v = (value as Record<string, Data | undefined>)[k];
    if (v !== undefined) Object.defineProperty(out, k, { value: expectedTags(v), enumerable: true });
  }
  return out;
}

/** Nix side: the same tags, and equality with the expected value (floats compared by value). */
const CHECK_NIX = `
let
  expected = builtins.fromJSON (builtins.readFile ./expected.json);
  tag = v:
    let t = builtins.typeOf v; in
    if t == "int" then "int:\${toString v}"
    else if t == "float" then "float"
    else if t == "string" then "str:\${v}"
    else if t == "list" then map tag v
    else if t == "set" then builtins.mapAttrs (_: tag) v
    else v;
in
i: printed: [ (printed == builtins.elemAt expected i) (tag printed) ]
`;

/**
 * Checks with one Nix call that each printed source evaluates to its value: `==` against the
 * value read by Nix's JSON parser from {@link exactJson} (exact for floats too, which Nix
 * 2.8's `--json` prints with 6 digits only), and its structure with types and exact strings
 * and integers via tags. Returns, per value, `[equal, tags]`; compare with
 * `[true, expectedTags(value)]`. A source that fails to evaluate throws `NixBatchError`.
 */
export function evaluateAgainst(values: readonly Data[], printed: readonly string[]): [boolean, Tagged][] {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "nixjs-values-")));
  writeFileSync(join(dir, "expected.json"), `[${values.map(exactJson).join(",\n")}]`);
  writeFileSync(join(dir, "check.nix"), CHECK_NIX);
  try {
    const items = printed.map((source, i) => `import ${dir}/check.nix ${i} (\n${source}\n)`);
    return evalAll(items) as [boolean, Tagged][];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
