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
import { Ctx, OP_SHIFT } from "./context.ts";
import type { Handler } from "./driver.ts";
import { BINARY, OPERATORS, parenAsOperand } from "./precedence.ts";
import { isAbsorbableTerm } from "./shape.ts";
import { ungroup } from "./ungroup.ts";

/** One operand of a flattened chain, and whether it needs parentheses. */
interface Operand {
  readonly expr: NixExpr;
  readonly parens: boolean;
}

/**
 * The operands of a chain of one operator (`a ++ b ++ c`), in order: same-operator
 * children are flattened where associativity lets them go without parentheses. Iterative,
 * so a 10,000-operand chain is fine.
 */
function chainOperands(root: NixBinary): Operand[] {
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

/** The `x = …` special cases of nixfmt's `absorbRHS` for `++`, `//` and `+`. */
type RhsCase = "firstAbsorbed" | "lastAbsorbed" | "lastCall" | "general";

function rhsCase(node: NixBinary, operands: readonly Operand[]): RhsCase {
  if (node.op !== "++" && node.op !== "//" && node.op !== "+") return "general";
  const first = operands[0] as Operand;
  if (!first.parens && isAbsorbableTerm(first.expr)) return "firstAbsorbed";
  if (parenAsOperand(node.op, node.right, "right")) return "general";
  if (isAbsorbableTerm(node.right)) return "lastAbsorbed";
  if (node.right.kind === "apply") return "lastCall";
  return "general";
}

function operandCtx(o: Operand): number {
  if (o.parens) return Ctx.Paren;
  return o.expr.kind === "apply" ? Ctx.Rhs : Ctx.None;
}

/** An operand after its operator (nixfmt `absorbOperation`). */
function afterOperator(o: Operand, doc: Doc): Doc {
  if (o.parens) return concat([hardspace, doc]);
  if (isAbsorbableTerm(o.expr)) return concat([hardspace, doc]);
  if (o.expr.kind === "binary") return group(concat([line, doc]));
  if (o.expr.kind === "apply") return group(doc);
  return concat([hardspace, doc]);
}

/** `a ⏎ ++ b ⏎ ++ c`: a chain that does not fit breaks before every operator. */
function chainDoc(op: NixBinaryOp, operands: readonly Operand[], docs: readonly Doc[], base: number, first: Doc): Doc {
  const parts: Doc[] = [first];
  for (let i = 1; i < operands.length; i++) {
    parts.push(line, op, nest(afterOperator(operands[i] as Operand, docs[base + i] as Doc)));
  }
  return group(concat(parts));
}

/**
 * Binary operators. Comparisons (which do not chain) may break once before the operator;
 * other operators form chains broken before each operator. As a binding's value, `++`,
 * `//` and `+` keep an absorbable first operand after `=` with the operators below it at the
 * binding's indentation (`x = [` … `]` ⏎ `++ more;`), and absorb an absorbable last operand
 * or a call after the operator (`x = defaults // {`).
 */
export const binaryHandler: Handler<NixBinary> = {
  children: (node, ctx, out) => {
    if (isComparison(node.op)) {
      out.add(node.left, parenAsOperand(node.op, node.left, "left") ? Ctx.Paren : Ctx.None);
      out.add(node.right, parenAsOperand(node.op, node.right, "right") ? Ctx.Paren : Ctx.None);
      return;
    }
    const operands = chainOperands(node);
    const kase = (ctx & Ctx.Rhs) !== 0 ? rhsCase(node, operands) : "general";
    if (kase === "lastAbsorbed" || kase === "lastCall") {
      out.add(node.left, parenAsOperand(node.op, node.left, "left") ? Ctx.Paren : Ctx.None);
      out.add(node.right, kase === "lastAbsorbed" ? Ctx.Wide : Ctx.OpPre | (OPERATORS.indexOf(node.op) << OP_SHIFT));
      return;
    }
    operands.forEach((o, i) => out.add(o.expr, i === 0 && kase === "firstAbsorbed" ? Ctx.Wide : operandCtx(o)));
  },
  build: (node, ctx, docs, base) => {
    const { op } = node;
    const rhs = (ctx & Ctx.Rhs) !== 0;
    if (isComparison(op)) {
      const doc = concat([docs[base] as Doc, softSpace, op, hardspace, docs[base + 1] as Doc]);
      return rhs ? concat([line, group(doc)]) : doc;
    }
    const operands = chainOperands(node);
    const kase = rhs ? rhsCase(node, operands) : "general";
    switch (kase) {
      case "lastAbsorbed": {
        const right = transparentGroup(concat([op, hardspace, priorityGroup(ungroup(docs[base + 1] as Doc))]));
        return group(concat([line, docs[base] as Doc, line, right]));
      }
      case "lastCall":
        return concat([line, group(docs[base] as Doc), line, docs[base + 1] as Doc]);
      case "firstAbsorbed":
        return concat([hardspace, chainDoc(op, operands, docs, base, group(docs[base] as Doc))]);
      case "general": {
        const chain = chainDoc(op, operands, docs, base, docs[base] as Doc);
        return rhs ? concat([line, chain]) : chain;
      }
    }
  },
};
