/**
 * NixOS configuration as the user writes it: plain data with AST nodes, secrets and host
 * references anywhere. Checked once here (everything must be representable in Nix) and copied
 * into a frozen tree, so later changes to the user's objects cannot alter the model.
 */
import { isNixExpr, NixValueError, print, toNix, type NixExpr } from "@nixjs/expr-printer";
import { z } from "./zod.ts";
import { isSecret, type HostRef, type NixConfig, type Secret } from "../model/index.ts";

/** Any value a `config` may hold. */
export type ConfigValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | NixExpr
  | Secret
  | HostRef
  | readonly ConfigValue[]
  | ConfigObject;

/**
 * A NixOS module as data: nested objects are attribute sets (`{ services: { immich: { enable:
 * true } } }`), arrays lists; AST nodes (`n.call("lib.mkForce", false)`), secrets (their
 * `path`) and host references may appear anywhere. `undefined` members are left out.
 * @example { services: { immich: { enable: true, port: 2283 } } }
 */
export interface ConfigObject {
  readonly [key: string]: ConfigValue | undefined;
}

/** One problem found in a config value: path below the config, and what is wrong. */
export interface ConfigProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly input: unknown;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isOpaque(value: unknown): boolean {
  return isNixExpr(value) || isSecret(value);
}

/**
 * Why `value` (a string, number or bigint) or an attribute name cannot be written as Nix
 * (`toNix`'s own verdict: integers beyond 64 bits, NaN, ±∞, subnormal floats, NUL or lone
 * surrogates), or `undefined`.
 */
function scalarProblem(value: string | number | bigint): string | undefined {
  try {
    toNix(value);
    return undefined;
  } catch (error) {
    if (error instanceof NixValueError) return error.reason;
    throw error;
  }
}

function keyProblem(key: string): string | undefined {
  const problem = scalarProblem(key);
  return problem === undefined ? undefined : `the attribute name ${JSON.stringify(key)}: ${problem.replace(/^string /, "it ")}`;
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

/**
 * Every value in `value` that cannot become Nix, with its path.
 * @example configProblems({ a: [1, undefined] }) // [{ path: ["a", 1], message: "…" }]
 */
export function configProblems(value: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const onPath = new Set<object>();
  const walk = (v: unknown, path: (string | number)[], inList: boolean): void => {
    if (isSecret(v)) return;
    if (isNixExpr(v)) {
      const problem = exprProblem(v);
      if (problem !== undefined) problems.push({ path, message: problem, input: v });
      return;
    }
    switch (typeof v) {
      case "string":
      case "bigint":
      case "number": {
        const problem = typeof v === "number" && !Number.isFinite(v) ? "expected a finite number (Nix has no NaN or Infinity)" : scalarProblem(v);
        if (problem !== undefined) problems.push({ path, message: problem, input: v });
        return;
      }
      case "boolean":
        return;
      case "undefined":
        if (inList) problems.push({ path, message: "a list element cannot be undefined", input: v });
        return;
      case "function":
        problems.push({ path, message: "a JS function cannot be written as Nix: build a Nix function with n.fn(…)", input: v });
        return;
      case "object": {
        if (v === null) return;
        if (onPath.has(v)) {
          problems.push({ path, message: "the value contains itself (a cycle)", input: v });
          return;
        }
        if ((v as { kind?: unknown }).kind === "file" && Object.isFrozen(v)) {
          problems.push({ path, message: "a whole file (n.file) cannot be a value", input: v });
          return;
        }
        if (!Array.isArray(v) && !isPlainObject(v)) {
          problems.push({ path, message: "expected plain data, an AST node (n.*), a secret or a host reference", input: v });
          return;
        }
        onPath.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            if (i in v) walk(v[i], [...path, i], true);
            else problems.push({ path: [...path, i], message: "a hole in a sparse array cannot be written as Nix", input: undefined });
          }
        } else {
          for (const key of Object.keys(v)) {
            const problem = keyProblem(key);
            if (problem !== undefined) problems.push({ path: [...path, key], message: problem, input: key });
            else walk((v as Record<string, unknown>)[key], [...path, key], false);
          }
        }
        onPath.delete(v);
        return;
      }
      default:
        problems.push({ path, message: `a ${typeof v} cannot be written as Nix`, input: v });
    }
  };
  walk(value, [], false);
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
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = copyConfig(v);
  }
  return out as T;
}

/** A `config` option: an object of NixOS options, checked deeply. */
export const configSchema = z
  .custom<ConfigObject>(
    (v) => typeof v === "object" && v !== null && !Array.isArray(v) && isPlainObject(v),
    { error: "expected an object of NixOS options, e.g. { services: { immich: { enable: true } } }" },
  )
  .check((ctx) => {
    for (const p of configProblems(ctx.value)) {
      ctx.issues.push({ code: "custom", message: p.message, path: [...p.path], input: p.input });
    }
  })
  .transform((v) => copyConfig(v) as NixConfig);
