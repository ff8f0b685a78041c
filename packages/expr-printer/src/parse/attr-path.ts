import type { NixAttrName, NixAttrPath, NixExpr } from "../ast/index.ts";
import { startExpr } from "./expr.ts";
import { StringFrame } from "./literals.ts";
import type { Frame, Parser } from "./parser.ts";
import { T } from "./tokens.ts";

/**
 * A name as Nix 2.8 classifies it: a string that is a plain string in Nix (`"a"`, `${"a"}`,
 * `${''a''}` — no interpolation, and an indented string of one token) is the static name
 * (a JS string); anything else is a dynamic name (the expression).
 */
export function attrName(p: Parser, e: NixExpr): NixAttrName {
  if ((e.kind === "string" || (e.kind === "indentedString" && !p.splitIndented.has(e))) && isText(e.parts)) {
    return e.parts.length === 0 ? "" : (e.parts[0] as string);
  }
  return e;
}

/** Parts holding at most one text and no interpolation (the parser merges adjacent text). */
function isText(parts: readonly unknown[]): boolean {
  return parts.length === 0 || (parts.length === 1 && typeof parts[0] === "string");
}

/** A frozen copy of the names, as an attribute path. */
export function toPath(names: readonly NixAttrName[]): NixAttrPath {
  return Object.freeze(names.slice()) as unknown as NixAttrPath;
}

/**
 * Reads one attribute name (`a`, `or`, `"a b"`, `${e}`) into `out`. Returns true when done at
 * once; false when frames were pushed that will add the name (with `rest`, below them a
 * frame that reads the rest of the path).
 */
export function readAttrName(p: Parser, out: NixAttrName[], context: string, rest: boolean): boolean {
  const lx = p.lx;
  switch (lx.kind) {
    case T.ID:
      out.push(lx.text);
      lx.advance();
      return true;
    case T.OR_KW:
      out.push("or");
      lx.advance();
      return true;
    case T.QUOTE:
      lx.advance();
      if (lx.kind === T.QUOTE) {
        lx.advance();
        out.push("");
        return true;
      }
      if (lx.kind === T.STR) {
        const text = lx.text;
        lx.advance();
        if (lx.kind === T.QUOTE) {
          lx.advance();
          out.push(text);
          return true;
        }
        return pushed(p, rest, new NameFrame(out, false), new StringFrame(text));
      }
      return pushed(p, rest, new NameFrame(out, false), new StringFrame(undefined));
    case T.DOLLAR_CURLY:
      lx.advance();
      return pushed(p, rest, new NameFrame(out, true), null);
    default:
      return p.unexpected(`an attribute name ${context}`);
  }
}

/**
 * Reads an attribute path (names separated by `.`) into `out`. Returns true when done at
 * once; false when frames were pushed (they finish with nothing once the path is complete).
 */
export function readAttrPath(p: Parser, out: NixAttrName[], context: string): boolean {
  for (;;) {
    if (!readAttrName(p, out, context, true)) return false;
    if (p.kind !== T.DOT) return true;
    p.advance();
    context = 'after "."';
  }
}

/** The rest of an attribute path after a name that needed a frame. */
class PathFrame implements Frame {
  constructor(private readonly out: NixAttrName[]) {}

  resume(p: Parser): void {
    // The name that needed a frame is in `out` now.
    while (p.kind === T.DOT) {
      p.advance();
      if (!readAttrName(p, this.out, 'after "."', false)) return;
    }
    p.finishVoid();
  }
}

function pushed(p: Parser, rest: boolean, name: NameFrame, string: Frame | null): false {
  if (rest) p.push(new PathFrame(name.out));
  p.push(name);
  if (string !== null) p.push(string);
  return false;
}

/**
 * A name that needs an expression: `${e}` (`interpolation`: parses `e` and the closing `}`),
 * or a string with interpolations (its frame is above this one).
 */
class NameFrame implements Frame {
  private started: boolean;

  constructor(
    readonly out: NixAttrName[],
    private readonly interpolation: boolean,
  ) {
    this.started = !interpolation;
  }

  resume(p: Parser): void {
    let v: NixExpr | undefined = p.value;
    if (!this.started) {
      this.started = true;
      v = startExpr(p);
      if (v === undefined) return;
    }
    if (this.interpolation) p.expect(T.RBRACE, 'to close "${" in the attribute name');
    this.out.push(attrName(p, v));
    p.finishVoid();
  }
}
