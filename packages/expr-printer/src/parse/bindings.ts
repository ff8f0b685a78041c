import type { NixAttrName, NixAttrPath, NixBinding, NixExpr, NixTrivia } from "../ast/index.ts";
import { attrsNode, letNode, selectNode } from "../build/nodes.ts";
import { readAttrName, readAttrPath } from "./attr-path.ts";
import { SetNames } from "./defs.ts";
import { startExpr } from "./expr.ts";
import type { Frame, Parser } from "./parser.ts";
import { T } from "./tokens.ts";
import { itemTrivia } from "./trivia.ts";

/** What the bindings belong to: `{ }`, `rec { }`, `let … in`, or the legacy `let { }`. */
export type BindingsKind = "attrs" | "rec" | "let" | "legacyLet";

const B = { NEXT: 0, PATH: 1, VALUE: 2, FROM: 3, NAMES: 4, NAME: 5, BODY: 6 } as const;

const BODY: readonly string[] = Object.freeze(["body"]);

/**
 * The bindings of a set or `let` (called after `{` or `let`), then the set, or the `let`
 * body. Comments and a blank line before a binding are kept on it. Names are checked as Nix
 * checks them: no duplicates, no dynamic name first in a `let`, only static names in
 * `inherit`. The legacy `let { …; body = e; }` becomes what Nix makes of it,
 * `(rec { …; body = e; }).body`.
 */
export class BindingsFrame implements Frame {
  private readonly bindings: NixBinding[] = [];
  private readonly defs = new SetNames();
  private state: number = B.NEXT;
  private trivia: NixTrivia | undefined;
  private at = 0;
  private names: NixAttrName[] = [];
  /** The name of a one-name binding read by the fast path (then `names` is empty). */
  private single: string | undefined;
  private from: NixExpr | undefined;

  constructor(
    private readonly kind: BindingsKind,
    private readonly start: number,
  ) {}

  resume(p: Parser): void {
    let v = p.value;
    for (;;) {
      if (this.state === B.NEXT) {
        const lx = p.lx;
        const kind = lx.kind;
        if (kind === (this.kind === "let" ? T.IN : T.RBRACE)) return this.close(p);
        this.trivia = itemTrivia(p, this.bindings.length === 0);
        this.at = lx.start;
        if (kind === T.INHERIT) {
          lx.advance();
          this.from = undefined;
          if (lx.kind !== T.LPAREN) {
            this.state = B.NAMES;
            continue;
          }
          lx.advance();
          this.state = B.FROM;
          const r = startExpr(p);
          if (r === undefined) return;
          v = r;
          continue;
        }
        if (kind === T.EOF || (kind !== T.ID && kind !== T.OR_KW && kind !== T.QUOTE && kind !== T.DOLLAR_CURLY)) {
          p.unexpected(this.kind === "let" ? 'a binding or "in"' : 'a binding or "}"');
        }
        this.state = B.PATH;
        if (kind === T.ID || kind === T.OR_KW) {
          // Most bindings: one name, then `=`.
          const name = kind === T.ID ? lx.text : "or";
          lx.advance();
          if (p.at(T.ASSIGN)) {
            lx.advance();
            this.single = name;
            this.state = B.VALUE;
            const r = startExpr(p);
            if (r === undefined) return;
            v = r;
            continue;
          }
          this.names.push(name);
          if (p.at(T.DOT)) {
            lx.advance();
            if (!readAttrPath(p, this.names, 'after "."')) return;
          }
        } else if (!readAttrPath(p, this.names, "")) return;
      }
      if (this.state === B.PATH) {
        if (this.kind === "let" && typeof this.names[0] !== "string") {
          p.fail('dynamic attributes are not allowed in "let"', this.at);
        }
        p.expect(T.ASSIGN, "after the attribute path");
        this.state = B.VALUE;
        const r = startExpr(p);
        if (r === undefined) return;
        v = r;
      }
      if (this.state === B.VALUE) {
        p.expect(T.SEMI, "after the value of the binding");
        const names = this.names;
        let path: NixAttrPath;
        if (this.single !== undefined) {
          path = p.singlePath(this.single);
          this.single = undefined;
        } else if (names.length === 1 && typeof names[0] === "string") {
          path = p.singlePath(names.pop() as string);
        } else {
          path = Object.freeze(names) as unknown as NixAttrPath;
          this.names = [];
        }
        this.defs.add(p, path, v, this.at);
        const t = this.trivia;
        this.bindings.push(
          Object.freeze(t === undefined ? { kind: "binding", path, value: v } : { kind: "binding", path, value: v, ...t }),
        );
        this.state = B.NEXT;
        continue;
      }
      if (this.state === B.FROM) {
        p.expect(T.RPAREN, 'after the expression of "inherit ("');
        this.from = v;
        this.state = B.NAMES;
      }
      if (this.state === B.NAMES) {
        if (p.kind === T.SEMI) {
          p.advance();
          this.addInherit(p);
          this.state = B.NEXT;
          continue;
        }
        if (p.kind === T.DOLLAR_CURLY || p.kind === T.QUOTE || p.kind === T.ID || p.kind === T.OR_KW) {
          this.at = p.lx.start;
          this.state = B.NAME;
          if (!readAttrName(p, this.names, 'after "inherit"', false)) return;
        } else p.unexpected('a name or ";" after "inherit"');
      }
      if (this.state === B.NAME) {
        const last = this.names[this.names.length - 1] as NixAttrName;
        if (typeof last !== "string") p.fail('dynamic attributes are not allowed in "inherit"', this.at);
        this.state = B.NAMES;
        continue;
      }
      if (this.state === B.BODY) {
        return p.finish(letNode(Object.freeze(this.bindings), v));
      }
      return;
    }
  }

  private addInherit(p: Parser): void {
    const names = this.names as string[];
    for (const name of names) this.defs.inherit(p, name, this.at);
    this.names = [];
    const from = this.from;
    const t = this.trivia;
    const frozen = Object.freeze(names);
    const base = from === undefined ? { kind: "inherit" as const, names: frozen } : { kind: "inherit" as const, names: frozen, from };
    this.bindings.push(Object.freeze(t === undefined ? base : { ...base, ...t }));
  }

  private close(p: Parser): void {
    p.advance();
    const bindings = Object.freeze(this.bindings);
    switch (this.kind) {
      case "attrs":
      case "rec": {
        return p.finish(attrsNode(this.kind === "rec", bindings));
      }
      case "legacyLet":
        return p.finish(selectNode(attrsNode(true, bindings), BODY as never));
      case "let": {
        this.state = B.BODY;
        const body = startExpr(p);
        if (body !== undefined) p.finish(letNode(bindings, body));
        return;
      }
    }
  }
}

