import type { NixAttrName, NixExpr } from "../ast/index.ts";
import {
  boolNode,
  floatNode,
  identNode,
  intNode,
  nullNode,
  pathNode,
  selectNode,
  stringNode,
} from "../build/nodes.ts";
import { readAttrPath, toPath } from "./attr-path.ts";
import { BindingsFrame } from "./bindings.ts";
import { OP_PARENT, opFrameForSimple, startExpr } from "./expr.ts";
import { ListFrame } from "./list.ts";
import { IndentedFrame, InterpolatedPathFrame, StringFrame } from "./literals.ts";
import type { Frame, Parser } from "./parser.ts";
import { T } from "./tokens.ts";

/** Tokens that start a simple expression (`expr_simple`). */
export const STARTS_SIMPLE = new Uint8Array(64);
for (const k of [T.ID, T.INT, T.FLOAT, T.PATH, T.HPATH, T.SPATH, T.URI, T.QUOTE, T.IND_OPEN, T.LPAREN, T.LBRACK, T.LBRACE, T.REC, T.LET]) {
  STARTS_SIMPLE[k] = 1;
}

const EMPTY: readonly never[] = Object.freeze([]);
/** Immutable leaves without identity of their own: one node each, shared. */
const TRUE = boolNode(true);
const FALSE = boolNode(false);
const NULL = nullNode();

/**
 * Starts a simple expression (`expr_simple`: a variable, literal, string, path, list, set,
 * parenthesised expression). Returns it when it is complete at once; otherwise pushes
 * `parent` (unless null: the caller is already on the stack; `OP_PARENT`: a new operator
 * frame) and the frames that parse it,
 * and returns undefined. Sets `p.bare` when the result is a number literal.
 *
 * `true`, `false` and `null` read as the literal nodes (as the printer writes them);
 * a URI literal is a string (as in Nix).
 */
export function startSimple(p: Parser, parent: Frame | typeof OP_PARENT | null): NixExpr | undefined {
  const lx = p.lx;
  p.bare = false;
  switch (lx.kind) {
    case T.ID: {
      const name = lx.text;
      const start = lx.start;
      lx.advance();
      if (name === "true") return TRUE;
      if (name === "false") return FALSE;
      if (name === "null") return NULL;
      if (name === "__curPos") {
        p.fail("__curPos (the position of this expression) has no equivalent in the AST", start);
      }
      return identNode(name);
    }
    case T.INT: {
      const v = intNode(lx.int);
      lx.advance();
      p.bare = true;
      return v;
    }
    case T.FLOAT: {
      const v = floatNode(lx.float);
      lx.advance();
      p.bare = true;
      return v;
    }
    case T.SPATH: {
      const v = pathNode("searchPath", lx.text);
      lx.advance();
      return v;
    }
    case T.URI: {
      const v = stringNode("string", Object.freeze([lx.text]));
      lx.advance();
      return v;
    }
    case T.PATH:
    case T.HPATH: {
      const text = lx.text;
      lx.advance();
      if (p.at(T.PATH_END)) {
        lx.advance();
        return pathNode("path", text);
      }
      return pushed(p, parent, new InterpolatedPathFrame(text));
    }
    case T.QUOTE: {
      lx.advance();
      if (lx.kind === T.QUOTE) {
        lx.advance();
        return stringNode("string", EMPTY);
      }
      if (lx.kind === T.STR) {
        const text = lx.text;
        lx.advance();
        if (p.at(T.QUOTE)) {
          lx.advance();
          return stringNode("string", Object.freeze([text]));
        }
        return pushed(p, parent, new StringFrame(text));
      }
      return pushed(p, parent, new StringFrame(undefined));
    }
    case T.IND_OPEN:
      lx.advance();
      return pushed(p, parent, new IndentedFrame());
    case T.LPAREN:
      lx.advance();
      return pushed(p, parent, new ParenFrame());
    case T.LBRACK:
      lx.advance();
      return pushed(p, parent, new ListFrame());
    case T.LBRACE: {
      const start = lx.start;
      lx.advance();
      return pushed(p, parent, new BindingsFrame("attrs", start));
    }
    case T.REC: {
      const start = lx.start;
      lx.advance();
      p.expect(T.LBRACE, 'after "rec"');
      return pushed(p, parent, new BindingsFrame("rec", start));
    }
    case T.LET: {
      const start = lx.start;
      lx.advance();
      p.expect(T.LBRACE, 'after "let" here (a "let … in" expression needs parentheses in this position)');
      return pushed(p, parent, new BindingsFrame("legacyLet", start));
    }
    case T.DOLLAR_CURLY:
      return p.fail('"${" outside a string: interpolation is only allowed in strings, paths and attribute names');
    default:
      return p.unexpected("an expression");
  }
}

function pushed(p: Parser, parent: Frame | typeof OP_PARENT | null, frame: Frame): undefined {
  if (parent === OP_PARENT) p.push(opFrameForSimple());
  else if (parent !== null) p.push(parent as Frame);
  p.push(frame);
  return undefined;
}

/**
 * After a simple expression: `.path` and `or default` make it a selection (then a frame
 * parses the path and default and returns the selection); otherwise returns it unchanged.
 */
export function selectTail(p: Parser, simple: NixExpr): NixExpr | undefined {
  const kind = p.kind;
  if (kind === T.DOT) {
    p.advance();
    p.push(new SelectFrame(simple));
    return undefined;
  }
  if (kind === T.OR_KW) {
    p.fail('"or" as a function argument (legacy Nix, `f or` meaning `f (or)`) is not supported: the AST has no variable named "or"');
  }
  return simple;
}

/** States of {@link SelectFrame}. */
const SEL = { PATH: 0, PATH_DONE: 1, DEFAULT_SIMPLE: 2, DONE: 3 } as const;

/** `e.a.b` and `e.a.b or default` (the default is itself a selection or simple expression). */
class SelectFrame implements Frame {
  private state: number = SEL.PATH;
  private readonly names: NixAttrName[] = [];

  constructor(private readonly base: NixExpr) {}

  resume(p: Parser): void {
    let v = p.value;
    for (;;) {
      if (this.state === SEL.PATH) {
        this.state = SEL.PATH_DONE;
        if (!readAttrPath(p, this.names, 'after "."')) return;
      }
      if (this.state === SEL.PATH_DONE) {
        if (p.kind !== T.OR_KW) return p.finish(selectNode(this.base, toPath(this.names)));
        p.advance();
        this.state = SEL.DEFAULT_SIMPLE;
        const r = startSimple(p, null);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === SEL.DEFAULT_SIMPLE) {
        this.state = SEL.DONE;
        const r = selectTail(p, v);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === SEL.DONE) {
        return p.finish(selectNode(this.base, toPath(this.names), v));
      }
      return;
    }
  }
}

/** `( expr )`: the AST has no parentheses; the printer adds them where needed. */
class ParenFrame implements Frame {
  private started = false;

  resume(p: Parser): void {
    let v: NixExpr | undefined = p.value;
    if (!this.started) {
      this.started = true;
      v = startExpr(p);
      if (v === undefined) return;
    }
    p.expect(T.RPAREN, "to close the parenthesis");
    p.finish(v);
  }
}
