import type { NixExpr, NixFormal, NixFormalsParam } from "../ast/index.ts";
import { ID_CHAR, ID_START, is } from "./chars.ts";
import { startExpr } from "./expr.ts";
import { LambdaFrame } from "./control.ts";
import type { Frame, Parser } from "./parser.ts";
import { KEYWORD_TOKENS, T } from "./tokens.ts";

/**
 * At `{` where an expression starts: whether it opens a formals pattern (`{ a, b ? 1, ... }:`)
 * rather than an attribute set, decided on the text after it as Nix's GLR parser would:
 * `}` followed by `:` or `@`, `...`, or an identifier followed by `,`, `?` or `}`.
 */
export function looksLikeFormals(p: Parser): boolean {
  const lx = p.lx;
  const s = lx.src;
  let i = lx.skipTrivia(lx.end, false);
  const c = s.charCodeAt(i);
  if (c === 0x7d) {
    const d = s.charCodeAt(lx.skipTrivia(i + 1, false));
    return d === 0x3a || d === 0x40;
  }
  if (c === 0x2e) return s.startsWith("...", i);
  if (!is(c, ID_START)) return false;
  const start = i;
  while (is(s.charCodeAt(i), ID_CHAR)) i++;
  if (KEYWORD_TOKENS.has(s.slice(start, i))) return false;
  const d = s.charCodeAt(lx.skipTrivia(i, false));
  return d === 0x2c || d === 0x3f || d === 0x7d;
}

/**
 * `{ a, b ? default, ... }: body`, `name@{ … }: body` (`before`) or `{ … }@name: body`.
 * Called after the `{`. Duplicate names are errors, as in Nix.
 */
export class FormalsFrame implements Frame {
  private readonly formals: NixFormal[] = [];
  private readonly names = new Set<string>();
  private pending: { name: string; at: number } | undefined;

  constructor(private readonly before: string | undefined) {}

  resume(p: Parser): void {
    if (this.pending !== undefined) {
      this.add(p, this.pending.name, this.pending.at, p.value);
      if (this.afterFormal(p)) return this.close(p);
    }
    for (;;) {
      const lx = p.lx;
      if (lx.kind === T.RBRACE) return this.close(p);
      if (lx.kind === T.ELLIPSIS) {
        lx.advance();
        p.expect(T.RBRACE, 'after "..." (it must be the last formal)');
        return this.close(p, true);
      }
      if (lx.kind !== T.ID) p.unexpected('a formal argument name, "..." or "}"');
      const name = lx.text;
      const at = lx.start;
      lx.advance();
      let value: NixExpr | undefined;
      if (p.at(T.QUESTION)) {
        lx.advance();
        this.pending = { name, at };
        value = startExpr(p);
        if (value === undefined) return;
      }
      this.add(p, name, at, value);
      if (this.afterFormal(p)) return this.close(p);
    }
  }

  /** After a formal: `,` (true: more may follow, false) or `}` (the end: true). */
  private afterFormal(p: Parser): boolean {
    if (p.kind === T.COMMA) {
      p.advance();
      return false;
    }
    if (p.kind !== T.RBRACE) p.unexpected('"," or "}" after a formal argument');
    return true;
  }

  private add(p: Parser, name: string, at: number, value: NixExpr | undefined): void {
    this.pending = undefined;
    if (this.names.has(name)) p.fail(`duplicate formal function argument "${name}"`, at);
    this.names.add(name);
    this.formals.push(Object.freeze(value === undefined ? { name } : { name, default: value }));
  }

  /** At `}` (`ellipsis`: already consumed): the optional `@name`, `:`, then the body. */
  private close(p: Parser, ellipsis = false): void {
    if (!ellipsis) p.advance();
    let bind: NixFormalsParam["bind"];
    if (this.before !== undefined) bind = Object.freeze({ name: this.before, position: "before" });
    else if (p.kind === T.AT) {
      p.advance();
      if (!p.at(T.ID)) p.unexpected('a name after "@"');
      bind = Object.freeze({ name: p.lx.text, position: "after" });
      p.advance();
    }
    if (bind !== undefined && this.names.has(bind.name)) {
      p.fail(`duplicate formal function argument "${bind.name}" (it also names the whole argument)`);
    }
    p.expect(T.COLON, "after the formal arguments");
    const param: NixFormalsParam = Object.freeze({
      kind: "formals",
      formals: Object.freeze(this.formals),
      ellipsis,
      ...(bind === undefined ? {} : { bind }),
    });
    p.stack[p.stack.length - 1] = new LambdaFrame(param);
  }
}
