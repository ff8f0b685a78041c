import type { NixAttrPath, NixExpr, NixFile } from "../ast/index.ts";
import { fileNode } from "../build/nodes.ts";
import { NixParseError } from "./errors.ts";
import { startExpr } from "./expr.ts";
import { Lexer } from "./lexer.ts";
import { headerComments } from "./trivia.ts";
import { describeToken, kindName, T, type TokenKind } from "./tokens.ts";

/**
 * A suspended nonterminal of the parser. The parser keeps its own stack of frames instead of
 * recursing, so nesting depth costs heap, never JS stack: a frame that needs a
 * sub-expression starts it (which either completes at once or pushes frames) and returns;
 * when the sub-expression's frames finish, the parser calls `resume` again with the result
 * in `Parser.value`.
 */
export interface Frame {
  resume(p: Parser): void;
}

/** What a frame that parsed no expression (an attribute path) finishes with. */
const NOTHING: NixExpr = Object.freeze({ kind: "null" }) as NixExpr;

/** Options of the parser proper (see `ParseOptions` in `index.ts`). */
export interface ParserOptions {
  readonly unplacedComments: "drop" | "error";
}

export class Parser {
  readonly lx: Lexer;
  readonly stack: Frame[] = [];
  /** The result of the frame that finished last. */
  value: NixExpr = NOTHING;
  /** Set by `startSimple`: the expression it returned is a number literal token, as written. */
  bare = false;
  /**
   * Indented strings without interpolation that Nix does not read as one plain string
   * (several tokens: an escape, a lone `$`…): as an attribute name they are dynamic in Nix.
   */
  readonly splitIndented = new Set<NixExpr>();
  /** One frozen one-name path per name (most bindings), shared, as `toNix` shares them. */
  private readonly paths = new Map<string, NixAttrPath>();
  /** Offsets of the comments attached to the AST. */
  readonly placed = new Set<number>();
  readonly options: ParserOptions;

  constructor(src: string, options: ParserOptions) {
    this.lx = new Lexer(src);
    this.options = options;
  }

  /** The shared path `[name]`. */
  singlePath(name: string): NixAttrPath {
    let path = this.paths.get(name);
    if (path === undefined) {
      path = Object.freeze([name]) as unknown as NixAttrPath;
      this.paths.set(name, path);
    }
    return path;
  }

  get kind(): TokenKind {
    return this.lx.kind;
  }

  advance(): void {
    this.lx.advance();
  }

  /** Whether the current token is a `kind` (a call, so that TypeScript does not narrow). */
  at(kind: TokenKind): boolean {
    return this.lx.kind === kind;
  }

  fail(reason: string, offset: number = this.lx.start): never {
    throw new NixParseError(this.lx.src, offset, reason);
  }

  /** Fails with `expected <what>, got <the current token>`. */
  unexpected(what: string): never {
    const lx = this.lx;
    return this.fail(`expected ${what}, got ${describeToken(lx.kind, lx.kind === T.INVALID ? lx.text : lx.src.slice(lx.start, lx.end))}`);
  }

  /** Consumes a token of `kind`, or fails with `expected "kind" <context>, got …`. */
  expect(kind: TokenKind, context: string): void {
    if (this.lx.kind !== kind) this.unexpected(`${kindName(kind)} ${context}`);
    this.lx.advance();
  }

  push(frame: Frame): void {
    this.stack.push(frame);
  }

  /** Ends the current frame with `value` (for the frame below it). */
  finish(value: NixExpr): void {
    this.stack.pop();
    this.value = value;
  }

  /** Ends the current frame, which produced no expression. */
  finishVoid(): void {
    this.stack.pop();
    this.value = NOTHING;
  }

  /** The first character after the current token and any whitespace or comments. */
  peekChar(): number {
    const lx = this.lx;
    return lx.src.charCodeAt(lx.skipTrivia(lx.end, false));
  }

  /** Parses the whole text. */
  run(): NixFile {
    this.advance();
    const header = headerComments(this);
    const root = new RootFrame();
    this.push(root);
    const stack = this.stack;
    while (stack.length > 0) (stack[stack.length - 1] as Frame).resume(this);
    if (this.options.unplacedComments === "error") this.checkComments();
    return fileNode(header, root.result);
  }

  private checkComments(): void {
    for (const at of this.lx.comments) {
      if (!this.placed.has(at)) {
        this.fail(
          "this comment has no place in the AST (comments are kept at the top of the file and on " +
            "their own lines before a binding or a list element)",
          at,
        );
      }
    }
  }
}

/** The whole file: one expression, then the end of the input. */
class RootFrame implements Frame {
  private started = false;
  result: NixExpr = NOTHING;

  resume(p: Parser): void {
    let v: NixExpr | undefined = p.value;
    if (!this.started) {
      this.started = true;
      v = startExpr(p);
      if (v === undefined) return;
    }
    if (p.kind !== T.EOF) p.unexpected("the end of the input after a complete expression");
    this.result = v;
    p.stack.pop();
  }
}
