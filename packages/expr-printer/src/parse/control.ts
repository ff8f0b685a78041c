import type { NixExpr, NixParam } from "../ast/index.ts";
import { assertNode, ifNode, lambdaNode, withNode } from "../build/nodes.ts";
import { startExpr } from "./expr.ts";
import type { Frame, Parser } from "./parser.ts";
import { T, type TokenKind } from "./tokens.ts";

/**
 * A construct of whole expressions separated by keywords: `if c then a else b`,
 * `with s; b`, `assert c; b`, `param: body`. `separators[i]` follows expression i;
 * `build` makes the node from the expressions.
 */
abstract class SequenceFrame implements Frame {
  private readonly parts: NixExpr[] = [];
  private waiting = false;

  protected abstract readonly separators: readonly (readonly [TokenKind, string])[];
  protected abstract build(parts: readonly NixExpr[]): NixExpr;

  resume(p: Parser): void {
    const parts = this.parts;
    for (;;) {
      if (this.waiting) {
        this.waiting = false;
        const separator = this.separators[parts.length];
        parts.push(p.value);
        if (separator === undefined) return p.finish(this.build(parts));
        p.expect(separator[0], separator[1]);
      }
      this.waiting = true;
      const v = startExpr(p);
      if (v === undefined) return;
      p.value = v;
    }
  }
}

export class IfFrame extends SequenceFrame {
  protected readonly separators = IF;
  protected build([cond, then, otherwise]: readonly NixExpr[]): NixExpr {
    return ifNode(cond as NixExpr, then as NixExpr, otherwise as NixExpr);
  }
}
const IF = [[T.THEN, 'after the condition of "if"'], [T.ELSE, 'after the "then" branch']] as const;

export class WithFrame extends SequenceFrame {
  protected readonly separators = WITH;
  protected build([scope, body]: readonly NixExpr[]): NixExpr {
    return withNode(scope as NixExpr, body as NixExpr);
  }
}
const WITH = [[T.SEMI, 'after the scope of "with"']] as const;

export class AssertFrame extends SequenceFrame {
  protected readonly separators = ASSERT;
  protected build([cond, body]: readonly NixExpr[]): NixExpr {
    return assertNode(cond as NixExpr, body as NixExpr);
  }
}
const ASSERT = [[T.SEMI, 'after the condition of "assert"']] as const;

export class LambdaFrame extends SequenceFrame {
  protected readonly separators = [] as const;
  constructor(private readonly param: NixParam) {
    super();
  }
  protected build([body]: readonly NixExpr[]): NixExpr {
    return lambdaNode(this.param, body as NixExpr);
  }
}
