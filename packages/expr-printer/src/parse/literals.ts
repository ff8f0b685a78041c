import type { NixExpr, NixStringPart } from "../ast/index.ts";
import { binaryNode, pathNode, stringNode } from "../build/nodes.ts";
import { startExpr } from "./expr.ts";
import { stripIndentation } from "./indentation.ts";
import type { Frame, Parser } from "./parser.ts";
import { T } from "./tokens.ts";

/** Adds text to parts, joined with text before it. */
function addText(parts: NixStringPart[], text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (typeof last === "string") parts[parts.length - 1] = last + text;
  else parts.push(text);
}

/**
 * The rest of a `"…"` string that has interpolations (the lexer has decoded the text).
 * `first`: text already read.
 */
export class StringFrame implements Frame {
  private readonly parts: NixStringPart[] = [];
  private inner = false;

  constructor(first: string | undefined) {
    if (first !== undefined) this.parts.push(first);
  }

  resume(p: Parser): void {
    const parts = this.parts;
    if (this.inner) {
      this.inner = false;
      p.expect(T.RBRACE, 'to close "${" in the string');
      parts.push(p.value);
    }
    for (;;) {
      const kind = p.kind;
      if (kind === T.STR) {
        addText(parts, p.lx.text);
        p.advance();
      } else if (kind === T.DOLLAR_CURLY) {
        p.advance();
        this.inner = true;
        const v = startExpr(p);
        if (v === undefined) return;
        this.inner = false;
        p.expect(T.RBRACE, 'to close "${" in the string');
        parts.push(v);
      } else {
        p.expect(T.QUOTE, "to close the string");
        return p.finish(stringNode("string", Object.freeze(parts)));
      }
    }
  }
}

/** `''…''`: tokens, interpolations, then Nix's indentation stripping. */
export class IndentedFrame implements Frame {
  private readonly items: (string | NixExpr)[] = [];
  private readonly indentable: boolean[] = [];
  /** How many tokens Nix sees (an escape of a non-ASCII character is two bytes-tokens). */
  private tokens = 0;
  private interpolated = false;
  private inner = false;

  resume(p: Parser): void {
    if (this.inner) {
      this.inner = false;
      p.expect(T.RBRACE, 'to close "${" in the indented string');
      this.push(p.value, false);
    }
    const lx = p.lx;
    for (;;) {
      const kind = lx.kind;
      if (kind === T.IND_STR) {
        this.push(lx.text, lx.indentable);
        this.tokens += !lx.indentable && lx.text.charCodeAt(0) > 0x7f ? 2 : 1;
        lx.advance();
      } else if (kind === T.DOLLAR_CURLY) {
        lx.advance();
        this.interpolated = true;
        this.inner = true;
        const v = startExpr(p);
        if (v === undefined) return;
        this.inner = false;
        p.expect(T.RBRACE, 'to close "${" in the indented string');
        this.push(v, false);
      } else {
        p.expect(T.IND_CLOSE, "to close the indented string");
        const node = stringNode("indentedString", Object.freeze(stripIndentation(this.items, this.indentable)));
        if (!this.interpolated && this.tokens > 1) p.splitIndented.add(node);
        return p.finish(node);
      }
    }
  }

  private push(item: string | NixExpr, indentable: boolean): void {
    this.items.push(item);
    this.indentable.push(indentable);
  }
}

/**
 * A path with interpolations, `./a/${x}.nix`: the AST has no such node, so it becomes what
 * it evaluates to in Nix, the path of its literal part plus a string of the rest:
 * `./a + "/${x}.nix"` (the same path whenever the interpolated values are strings).
 */
export class InterpolatedPathFrame implements Frame {
  private readonly parts: NixStringPart[] = [];
  private inner = false;
  /** Text tokens before the first interpolation (Nix's grammar allows one at most). */
  private texts = 0;

  constructor(private readonly first: string) {}

  resume(p: Parser): void {
    const parts = this.parts;
    if (this.inner) {
      this.inner = false;
      p.expect(T.RBRACE, 'to close "${" in the path');
      parts.push(p.value);
    }
    for (;;) {
      const kind = p.kind;
      if (kind === T.STR) {
        // Before any interpolation, path text continues only a `/` (`./a//b`): an empty segment.
        if (this.texts >= 0 && ++this.texts > 1) p.unexpected('"${" (a path cannot contain "//")');
        addText(parts, p.lx.text);
        p.advance();
      } else if (kind === T.DOLLAR_CURLY) {
        p.advance();
        this.texts = -1;
        this.inner = true;
        const v = startExpr(p);
        if (v === undefined) return;
        this.inner = false;
        p.expect(T.RBRACE, 'to close "${" in the path');
        parts.push(v);
      } else {
        if (this.texts > 0) p.unexpected('"${" (a path cannot contain "//")');
        p.expect(T.PATH_END, "at the end of the path");
        return p.finish(this.build());
      }
    }
  }

  private build(): NixExpr {
    let base = this.first;
    const rest: NixStringPart[] = [];
    // `./a/` + x: the slash moves to the string (a path node cannot end with one).
    if (base.length > 1 && base.endsWith("/")) {
      base = base.slice(0, -1);
      rest.push("/");
    }
    for (const part of this.parts) {
      if (typeof part === "string") addText(rest, part);
      else rest.push(part);
    }
    return binaryNode("+", pathNode("path", base), stringNode("string", Object.freeze(rest)));
  }
}
