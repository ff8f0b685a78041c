import type { NixApply, NixExpr, NixFormal, NixLambda, NixParam } from "../ast/index.ts";
import { toNix } from "../to-nix/index.ts";
import type { NixInput } from "./node.ts";
import { applyNode, lambdaNode } from "./nodes.ts";
import { ref } from "./operators.ts";

/** A formal given as its name, or as a name with a default value. */
export type FormalInput = string | { readonly name: string; readonly default?: NixInput };

/**
 * A lambda's parameter: an identifier (`"x"`) or an attribute-set pattern. `bind` names the
 * whole argument set (`args@{ … }` by default, `{ … }@args` with `position: "after"`).
 */
export type ParamInput =
  | string
  | {
      readonly formals: readonly FormalInput[];
      readonly ellipsis?: boolean;
      readonly bind?: string | { readonly name: string; readonly position: "before" | "after" };
    };

function toParam(input: ParamInput): NixParam {
  if (typeof input === "string") return Object.freeze({ kind: "identParam", name: input });
  const formals: NixFormal[] = input.formals.map((f) =>
    typeof f === "string"
      ? Object.freeze({ name: f })
      : Object.freeze(
          f.default === undefined ? { name: f.name } : { name: f.name, default: toNix(f.default) },
        ),
  );
  const bind =
    input.bind === undefined
      ? undefined
      : typeof input.bind === "string"
        ? { name: input.bind, position: "before" as const }
        : { name: input.bind.name, position: input.bind.position };
  return Object.freeze({
    kind: "formals",
    formals: Object.freeze(formals),
    ellipsis: input.ellipsis ?? false,
    ...(bind === undefined ? {} : { bind: Object.freeze(bind) }),
  });
}

/**
 * A lambda.
 * @example n.fn("x", n.id("x"))
 * @example n.fn({ formals: ["config", "lib"], ellipsis: true }, n.attrs({}))
 * @example n.fn({ formals: ["pkgs", { name: "enable", default: false }] }, n.id("pkgs"))
 */
export function fn(param: ParamInput, body: NixInput): NixLambda {
  return lambdaNode(toParam(param), toNix(body));
}

/**
 * Function application. A string function is a reference (`"lib.mkIf"`).
 * @example n.call("lib.mkIf", n.select("cfg.enable"), n.attrs({}))
 * @example n.call(n.id("toString"), n.select("cfg.port"))
 */
export function call(
  fnExpr: NixExpr | string,
  first: NixInput,
  ...rest: readonly NixInput[]
): NixApply {
  const head = typeof fnExpr === "string" ? ref(fnExpr) : fnExpr;
  return applyNode(head, Object.freeze([toNix(first), ...rest.map((a) => toNix(a))]) as unknown as NixApply["args"]);
}
