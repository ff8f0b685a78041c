/**
 * NixOS configuration as the user writes it: plain data with AST nodes, secrets and host
 * references anywhere. Checked once here (everything must be representable in Nix) and copied
 * into a frozen tree, so later changes to the user's objects cannot alter the model.
 */
import { isNixExpr, NixValueError, print, toNix, type NixExpr } from "@nixjs/expr-printer";
import { z } from "./zod.ts";
import { isModelObject } from "../model/brand.ts";
import type { HostRef, NixConfig, PublicValue, Secret } from "../model/index.ts";
import { isPlainObject, ownRecord } from "../config/plain.ts";
import { walkConfig, type InvalidKind } from "../config/walk.ts";
import type { ModelPath } from "../diagnostics/path.ts";

/** Any value a `config` may hold. */
export type ConfigValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | NixExpr
  | Secret
  | PublicValue
  | HostRef
  | readonly ConfigValue[]
  | ConfigObject;

/**
 * A NixOS module as data: nested objects are attribute sets (`{ services: { immich: { enable:
 * true } } }`), arrays lists; AST nodes (`n.call("lib.mkForce", false)`), secrets (their
 * `path`), host references and public literals (`publicValue`) may appear anywhere.
 * `undefined` members are left out.
 * @example { services: { immich: { enable: true, port: 2283 } } }
 */
export interface ConfigObject {
  readonly [key: string]: ConfigValue | undefined;
}

/** One problem found in a config value: path below the config, and what is wrong. */
export interface ConfigProblem {
  readonly path: ModelPath;
  readonly message: string;
  readonly input: unknown;
}

function isOpaque(value: unknown): boolean {
  return isNixExpr(value) || isModelObject(value);
}

/**
 * Why `value` (a string, number or bigint) or an attribute name cannot be written as Nix
 * (`toNix`'s own verdict: integers beyond 64 bits, NaN, ±∞, subnormal floats, NUL or lone
 * surrogates), or `undefined`.
 */
function scalarProblem(value: string | number | bigint): string | undefined {
  if (typeof value === "number" && !Number.isFinite(value)) return "expected a finite number (Nix has no NaN or Infinity)";
  try {
    toNix(value);
    return undefined;
  } catch (error) {
    if (error instanceof NixValueError) return error.reason;
    throw error;
  }
}

/**
 * Why an AST node the user put in a config cannot be printed (an invalid identifier in
 * `n.id`, an attribute defined twice, …), or `undefined`: checked here, at the builder, so the
 * error names the config field and the call site instead of surfacing at synth time.
 */
function exprProblem(node: NixExpr): string | undefined {
  try {
    print(node);
    return undefined;
  } catch (error) {
    if (!(error instanceof NixValueError)) throw error;
    const where = error.path === "" || error.path === "$" ? "" : ` (at ${error.path} inside this Nix expression)`;
    return `${error.reason}${where}`;
  }
}

const INVALID: Record<InvalidKind, string> = {
  "undefined-in-list": "a list element cannot be undefined",
  hole: "a hole in a sparse array cannot be written as Nix",
  function: "a JS function cannot be written as Nix: build a Nix function with n.fn(…)",
  symbol: "a symbol cannot be written as Nix",
  cycle: "the value contains itself (a cycle)",
  file: "a whole file (n.file) cannot be a value",
  "not-plain": "expected plain data, an AST node (n.*), a secret or a host reference",
};

/**
 * Every value in `value` that cannot become Nix, with its path.
 * @example configProblems({ a: [1, undefined] }) // [{ path: ["a", 1], message: "…" }]
 */
export function configProblems(value: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  walkConfig(value, {
    expr(node, path) {
      const problem = exprProblem(node);
      if (problem !== undefined) problems.push({ path, message: problem, input: node });
    },
    scalar(v, path) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") return;
      const problem = scalarProblem(v);
      if (problem !== undefined) problems.push({ path, message: problem, input: v });
    },
    publicValue(v, path) {
      const problem = scalarProblem(v.value);
      if (problem !== undefined) problems.push({ path, message: problem, input: v.value });
    },
    key(key, path) {
      const problem = scalarProblem(key);
      if (problem === undefined) return true;
      problems.push({ path, message: `the attribute name ${JSON.stringify(key)}: ${problem.replace(/^string /, "it ")}`, input: key });
      return false;
    },
    invalid(v, path, kind) {
      problems.push({ path, message: INVALID[kind], input: v });
    },
  });
  return problems;
}

/**
 * A copy of a checked config value: plain objects and arrays copied (and later frozen),
 * AST nodes, secrets and references shared; `undefined` members dropped.
 */
export function copyConfig<T>(value: T): T {
  if (typeof value !== "object" || value === null || isOpaque(value)) return value;
  if (Array.isArray(value)) return value.map(copyConfig) as T;
  // A null prototype: `__proto__` is an ordinary, legal Nix attribute name here, kept as an
  // own property (on a plain `{}` assigning it would replace the prototype instead).
  const out = ownRecord();
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copyConfig(v);
  }
  return out as T;
}

/** A `config` option: an object of NixOS options, checked deeply. */
export const configSchema = z
  .custom<ConfigObject>(
    (v) => isPlainObject(v),
    { error: "expected an object of NixOS options, e.g. { services: { immich: { enable: true } } }" },
  )
  .check((ctx) => {
    for (const p of configProblems(ctx.value)) {
      ctx.issues.push({ code: "custom", message: p.message, path: [...p.path], input: p.input });
    }
  })
  .transform((v) => copyConfig(v) as NixConfig);
