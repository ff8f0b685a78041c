import type { NixApply, NixAttrName, NixAttrPath, NixBinaryOp, NixExpr } from "../ast/index.ts";
import { applyNode, binaryNode, floatNode, hasAttrNode, intNode, unaryNode } from "../build/nodes.ts";
import { readAttrPath } from "./attr-path.ts";
import { BindingsFrame } from "./bindings.ts";
import { AssertFrame, IfFrame, LambdaFrame, WithFrame } from "./control.ts";
import { FormalsFrame, looksLikeFormals } from "./formals.ts";
import type { Frame, Parser } from "./parser.ts";
import { selectTail, startSimple, STARTS_SIMPLE } from "./simple.ts";
import { T } from "./tokens.ts";

/**
 * Starts an `expr` (Nix's `expr_function`): a lambda, `assert`, `with`, `let … in`, `if`, or
 * an operator expression. Returns the expression when it is complete at once (a lone
 * variable or literal: most binding values), else pushes frames and returns undefined.
 */
export function startExpr(p: Parser): NixExpr | undefined {
  const start = p.lx.start;
  switch (p.kind) {
    case T.IF:
      p.advance();
      p.push(new IfFrame());
      return undefined;
    case T.WITH:
      p.advance();
      p.push(new WithFrame());
      return undefined;
    case T.ASSERT:
      p.advance();
      p.push(new AssertFrame());
      return undefined;
    case T.LET:
      if (p.peekChar() === 0x7b) break; // `let { … }`: a (legacy) simple expression
      p.advance();
      p.push(new BindingsFrame("let", start));
      return undefined;
    case T.ID: {
      const c = p.peekChar();
      if (c === 0x3a || c === 0x40) {
        const name = p.lx.text;
        p.advance();
        p.advance();
        if (c === 0x3a) {
          p.push(new LambdaFrame(Object.freeze({ kind: "identParam", name })));
        } else {
          p.expect(T.LBRACE, `after "${name}@"`);
          p.push(new FormalsFrame(name));
        }
        return undefined;
      }
      break;
    }
    case T.LBRACE:
      if (looksLikeFormals(p)) {
        p.advance();
        p.push(new FormalsFrame(undefined));
        return undefined;
      }
      break;
    default:
      break;
  }
  return startOp(p);
}

/** An operator expression; a lone simple expression without anything after it at once. */
function startOp(p: Parser): NixExpr | undefined {
  const kind = p.kind;
  if (kind === T.NOT || kind === T.MINUS) {
    p.push(new OpFrame(S.OPERAND));
    return undefined;
  }
  const v = startSimple(p, OP_PARENT);
  if (v === undefined || CONTINUES[p.kind] !== 1) return v;
  const frame = new OpFrame(S.SIMPLE);
  frame.bare = p.bare ? v : null;
  p.push(frame);
  p.value = v;
  return undefined;
}

/** For `startSimple`: push a new operator frame, waiting for the simple expression. */
export const OP_PARENT = { kind: "op" } as const;

/** The operator frame `startSimple` pushes below its own frames for {@link OP_PARENT}. */
export function opFrameForSimple(): Frame {
  return new OpFrame(S.SIMPLE);
}

/** Tokens after a simple expression that continue an operator expression. */
const CONTINUES = new Uint8Array(64);
for (const k of [T.DOT, T.OR_KW, T.QUESTION, T.EQ, T.NEQ, T.LEQ, T.GEQ, T.AND, T.OR, T.IMPL, T.UPDATE, T.CONCAT, T.PLUS, T.MINUS, T.STAR, T.SLASH, T.LT, T.GT]) {
  CONTINUES[k] = 1;
}
for (let k = 0; k < 64; k++) if (STARTS_SIMPLE[k] === 1) CONTINUES[k] = 1;

/** Operator codes on the operator stack: binary ones are their token kinds. */
const U_NOT = 100;
const U_NEG = 101;
const Q = T.QUESTION;

/** Binding strength (higher binds tighter), from the `%left`/`%right` lines of parser.y. */
const PREC = new Uint8Array(128);
/** 1 left, 2 right, 3 non-associative. */
const ASSOC = new Uint8Array(128);
const LEVELS: readonly (readonly [readonly number[], number])[] = [
  [[T.IMPL], 2],
  [[T.OR], 1],
  [[T.AND], 1],
  [[T.EQ, T.NEQ], 3],
  [[T.LT, T.GT, T.LEQ, T.GEQ], 3],
  [[T.UPDATE], 2],
  [[U_NOT], 0],
  [[T.PLUS, T.MINUS], 1],
  [[T.STAR, T.SLASH], 1],
  [[T.CONCAT], 2],
  [[Q], 3],
  [[U_NEG], 0],
];
LEVELS.forEach(([ops, assoc], i) => {
  for (const op of ops) {
    PREC[op] = i + 1;
    ASSOC[op] = assoc;
  }
});

const BINARY: Partial<Record<number, NixBinaryOp>> = {
  [T.IMPL]: "->",
  [T.OR]: "||",
  [T.AND]: "&&",
  [T.EQ]: "==",
  [T.NEQ]: "!=",
  [T.LT]: "<",
  [T.GT]: ">",
  [T.LEQ]: "<=",
  [T.GEQ]: ">=",
  [T.UPDATE]: "//",
  [T.PLUS]: "+",
  [T.MINUS]: "-",
  [T.STAR]: "*",
  [T.SLASH]: "/",
  [T.CONCAT]: "++",
};

/** States of {@link OpFrame}. */
const S = { OPERAND: 0, SIMPLE: 1, SELECTED: 2, AFTER: 3, HAS_PATH: 4 } as const;

/**
 * An operator expression (`expr_op`), by operator precedence with explicit stacks: operands
 * are applications of simple expressions; prefix `!` and `-` and the binary operators wait
 * on the operator stack until an operator that binds less tightly arrives.
 *
 * `-` directly before a number literal gives a negative literal (`-5` is `int(-5)`, the
 * node the printer writes as `-5`), except for zero (`-0` stays a negation, so that it
 * prints back as written).
 */
class OpFrame implements Frame {
  /** The number literal node that is the current operand as written, if any. */
  bare: NixExpr | null = null;
  private readonly ops: number[] = [];
  private readonly vals: NixExpr[] = [];
  private head: NixExpr | null = null;
  private args: NixExpr[] | null = null;
  private appable = false;
  private path: NixAttrName[] = [];

  constructor(private state: number) {}

  resume(p: Parser): void {
    let v = p.value;
    for (;;) {
      if (this.state === S.OPERAND) {
        const k = p.kind;
        if (k === T.NOT || k === T.MINUS) {
          this.ops.push(k === T.NOT ? U_NOT : U_NEG);
          p.advance();
          continue;
        }
        this.state = S.SIMPLE;
        this.bare = null;
        const r = startSimple(p, null);
        if (r === undefined) return;
        v = r;
        if (p.bare) this.bare = r;
      }
      if (this.state === S.SIMPLE) {
        this.state = S.SELECTED;
        const r = selectTail(p, v);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === S.SELECTED) {
        if (this.head === null) {
          this.head = v;
          this.appable = true;
          if (v !== this.bare) this.bare = null;
        } else {
          (this.args ??= []).push(v);
          this.bare = null;
        }
        this.state = S.AFTER;
      }
      if (this.state === S.AFTER) {
        const k = p.kind;
        if (this.appable && STARTS_SIMPLE[k] === 1 && (k !== T.LET || p.peekChar() === 0x7b)) {
          this.state = S.SIMPLE;
          const r = startSimple(p, null);
          if (r === undefined) return;
          v = r;
          continue;
        }
        const binary = BINARY[k];
        if (binary !== undefined) {
          this.vals.push(this.takeOperand());
          this.reduce(p, k);
          this.ops.push(k);
          p.advance();
          this.state = S.OPERAND;
          continue;
        }
        if (k === Q) {
          this.vals.push(this.takeOperand());
          this.reduce(p, Q);
          p.advance();
          this.path = [];
          this.state = S.HAS_PATH;
          if (!readAttrPath(p, this.path, "after \"?\"")) return;
          continue;
        }
        this.vals.push(this.takeOperand());
        this.reduce(p, 0);
        p.finish(this.vals[0] as NixExpr);
        return;
      }
      if (this.state === S.HAS_PATH) {
        this.head = hasAttrNode(this.vals.pop() as NixExpr, Object.freeze(this.path) as unknown as NixAttrPath);
        this.appable = false;
        this.bare = null;
        this.state = S.AFTER;
        continue;
      }
      return;
    }
  }

  /** The current operand: its head applied to its arguments, if any. */
  private takeOperand(): NixExpr {
    const head = this.head as NixExpr;
    const args = this.args;
    this.head = null;
    this.args = null;
    if (args === null) return head;
    return applyNode(head, Object.freeze(args) as unknown as NixApply["args"]);
  }

  /** Applies the waiting operators that bind tighter than `incoming` (0: all of them). */
  private reduce(p: Parser, incoming: number): void {
    const { ops, vals } = this;
    const q = incoming === 0 ? 0 : (PREC[incoming] as number);
    while (ops.length > 0) {
      const top = ops[ops.length - 1] as number;
      const pt = PREC[top] as number;
      if (pt < q) break;
      if (pt === q) {
        const assoc = ASSOC[incoming];
        if (assoc === 2) break;
        if (assoc === 3) {
          p.fail(`${opText(incoming)} cannot follow ${opText(top)} without parentheses (neither operator is associative)`);
        }
      }
      ops.pop();
      const right = vals.pop() as NixExpr;
      if (top === U_NOT) vals.push(unaryNode("!", right));
      else if (top === U_NEG) vals.push(this.negate(right));
      else vals.push(binaryNode(BINARY[top] as NixBinaryOp, vals.pop() as NixExpr, right));
    }
  }

  private negate(e: NixExpr): NixExpr {
    if (e === this.bare) {
      this.bare = null;
      if (e.kind === "int" && e.value !== 0n) return intNode(-e.value);
      if (e.kind === "float" && e.value !== 0) return floatNode(-e.value);
    }
    return unaryNode("-", e);
  }
}

function opText(op: number): string {
  return op === Q ? '"?"' : `"${BINARY[op] ?? "?"}"`;
}
