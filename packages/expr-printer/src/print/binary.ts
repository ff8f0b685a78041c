import type { NixBinary, NixBinaryOp, NixExpr } from "../ast/index.ts";
import {
  concat,
  group,
  hardspace,
  line,
  nest,
  priorityGroup,
  softSpace,
  transparentGroup,
  type Doc,
} from "../doc/index.ts";
import { Ctx } from "./context.ts";
import type { Handler } from "./driver.ts";
import { BINARY, parenAsOperand } from "./precedence.ts";
import { pathForm } from "../lexical/index.ts";
import { node } from "../build/node.ts";
import { isAbsorbableTerm, isPathLiteral } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** One operand of a flattened chain, and whether it needs parentheses. */
interface Operand {
  readonly expr: NixExpr;
  readonly parens: boolean;
}

/**
 * The operands of a chain of one operator (`a ++ b ++ c`), in order: same-operator
 * children are flattened where associativity lets them go without parentheses (nixfmt's
 * `flatten`). Iterative, so a 10,000-operand chain is fine.
 */
function chainOperands(root: NixBinary): Operand[] {
  const { op } = root;
  const out: Operand[] = [];
  for (const o of sameOpOperands(root)) {
    // A path that is no literal prints as `./. + "/rest"`: two operands of a `+` chain.
    if (op === "+" && !o.parens && o.expr.kind === "path" && !isPathLiteral(o.expr.path)) {
      const form = pathForm(o.expr.path);
      if (form.kind === "concat") {
        out.push({ expr: node({ kind: "path", path: form.base }), parens: false });
        out.push({ expr: node({ kind: "string", parts: [form.rest] }), parens: false });
        continue;
      }
    }
    out.push(o);
  }
  return out;
}

function sameOpOperands(root: NixBinary): Operand[] {
  const { op } = root;
  const out: Operand[] = [];
  const stack: [NixExpr, "left" | "right"][] = [
    [root.right, "right"],
    [root.left, "left"],
  ];
  while (stack.length > 0) {
    const [e, side] = stack.pop() as [NixExpr, "left" | "right"];
    const parens = parenAsOperand(op, e, side);
    if (!parens && e.kind === "binary" && e.op === op) {
      stack.push([e.right, "right"], [e.left, "left"]);
    } else {
      out.push({ expr: e, parens });
    }
  }
  return out;
}

function isComparison(op: NixBinaryOp): boolean {
  return BINARY[op].assoc === "none";
}

/**
 * The `x = …` special cases of nixfmt's `absorbRHS` for `//`, `++` and `+` (which nixfmt
 * parses as right-associative chains): an absorbable first operand stays after `=`
 * ("firstAbsorbed"); in a chain of two, an absorbable last operand is absorbed after its
 * operator ("lastAbsorbed").
 */
type RhsCase = "firstAbsorbed" | "lastAbsorbed" | "general";

function rhsCase(node: NixBinary, operands: readonly Operand[]): RhsCase {
  if (node.op !== "++" && node.op !== "//" && node.op !== "+") return "general";
  const first = operands[0] as Operand;
  if (!first.parens && isAbsorbableTerm(first.expr)) return "firstAbsorbed";
  const last = operands[operands.length - 1] as Operand;
  if (operands.length === 2 && !last.parens && isAbsorbableTerm(last.expr)) return "lastAbsorbed";
  return "general";
}

/** Context of an operand: after an operator, a call starts its group with a line. */
function operandCtx(o: Operand, first: boolean): number {
  if (o.parens) return Ctx.Paren;
  return !first && o.expr.kind === "apply" ? Ctx.OpPre : Ctx.None;
}

/** An operand after its operator (nixfmt `absorbOperation`). */
function afterOperator(o: Operand, doc: Doc): Doc {
  if (o.parens) return concat([hardspace, doc]);
  if (isAbsorbableTerm(o.expr)) return concat([hardspace, doc]);
  // A path that is no literal prints as `./. + "/rest"`: an operation for nixfmt.
  if (o.expr.kind === "binary" || (o.expr.kind === "path" && typeof doc !== "string")) return group(concat([line, doc]));
  // A call (context `OpPre`) starts with its own line: `hardspace` + `line` is a line.
  if (o.expr.kind === "apply") return group(doc);
  return concat([hardspace, doc]);
}

/** `a ⏎ ++ b ⏎ ++ c` (nixfmt `prettyOp`): a chain that does not fit breaks before every operator. */
function chainDoc(op: NixBinaryOp, operands: readonly Operand[], docs: readonly Doc[], base: number): Doc {
  const parts: Doc[] = [docs[base] as Doc];
  for (let i = 1; i < operands.length; i++) {
    parts.push(line, op, nest(afterOperator(operands[i] as Operand, docs[base + i] as Doc)));
  }
  return group(concat(parts));
}

/**
 * Binary operators (nixfmt `prettyOp`). Comparisons (which do not chain) may break once
 * before the operator; other operators form chains broken before each operator. As a
 * binding's value (`Rhs`), `++`, `//` and `+` keep an absorbable first operand after `=`
 * with the operators below it at the binding's indentation (`x = [` … `]` ⏎ `++ more;`), and
 * absorb an absorbable last operand of a chain of two after the operator (`x = a // {`);
 * anything else moves below `=` when it does not fit.
 */
export const binaryHandler: Handler<NixBinary> = {
  children: (node, ctx, out) => {
    // Comments on the first token are on the first operand's.
    const commented = ctx & Ctx.Commented;
    if (isComparison(node.op)) {
      out.add(node.left, parenAsOperand(node.op, node.left, "left") ? Ctx.Paren : commented);
      out.add(node.right, parenAsOperand(node.op, node.right, "right") ? Ctx.Paren : Ctx.None);
      return;
    }
    const operands = chainOperands(node);
    const kase = (ctx & Ctx.Rhs) !== 0 ? rhsCase(node, operands) : "general";
    operands.forEach((o, i) => {
      const wide = (i === 0 && kase === "firstAbsorbed") || (i === 1 && kase === "lastAbsorbed");
      out.add(o.expr, (wide ? Ctx.Wide : operandCtx(o, i === 0)) | (i === 0 && !o.parens ? commented : 0));
    });
  },
  build: (node, ctx, docs, base) => {
    const { op } = node;
    const rhs = (ctx & Ctx.Rhs) !== 0;
    if (isComparison(op)) {
      const doc = concat([docs[base] as Doc, softSpace, op, hardspace, docs[base + 1] as Doc]);
      return rhs ? nest(concat([line, group(doc)])) : doc;
    }
    const operands = chainOperands(node);
    const kase = rhs ? rhsCase(node, operands) : "general";
    switch (kase) {
      case "lastAbsorbed": {
        const right = transparentGroup(concat([op, hardspace, priorityGroup(ungroup(docs[base + 1] as Doc))]));
        return nest(group(concat([line, docs[base] as Doc, line, right])));
      }
      case "firstAbsorbed": {
        // The first operand as a term, not a group (nixfmt `prettyTermWide`): a list breaks
        // with the chain.
        const first = [ungroup(docs[base] as Doc), ...docs.slice(base + 1, base + operands.length)];
        return concat([hardspace, chainDoc(op, operands, first, 0)]);
      }
      case "general": {
        const chain = chainDoc(op, operands, docs, base);
        return rhs ? nest(concat([line, group(chain)])) : chain;
      }
    }
  },
};
