import type { NixTrivia } from "../ast/index.ts";
import type { Parser } from "./parser.ts";

/*
 * Comments and blank lines, which the lexer skips, read back where the AST keeps them:
 * - the file header: every comment before the first token;
 * - before a binding or list element: comments that start on a line of their own between
 *   the previous token and the item (a comment on the line of the previous token, such as
 *   `a = 1; # note`, belongs to that line, not to the next item), and a blank line anywhere
 *   there (`blankLineBefore`, never on the first item: the printer writes none there).
 * A `# text` comment is the text after `#` and one space; a block comment `/* … *\/` is its
 * lines, the first without its leading whitespace, the others without their common
 * indentation, blank lines at its start and end dropped. Trailing whitespace is dropped. Every other comment has no place in the AST.
 */

/** The comment lines before the first token of the file (blank lines between them are dropped). */
export function headerComments(p: Parser): readonly string[] {
  const lines: string[] = [];
  scan(
    p,
    0,
    p.lx.start,
    (text) => {
      lines.push(...text);
    },
    () => {},
  );
  return Object.freeze(lines);
}

/** The trivia before the current token (the first token of a binding or list element). */
export function itemTrivia(p: Parser, first: boolean): NixTrivia | undefined {
  const lx = p.lx;
  const from = lx.prevEnd;
  const to = lx.start;
  if (to - from < 2) return undefined;
  // Most items follow a line break and indentation only: nothing to keep.
  const s = lx.src;
  let breaks = 0;
  let plain = true;
  for (let i = from; i < to && plain; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) plain = ++breaks < 2;
    else if (c !== 0x20 && c !== 0x09) plain = false;
  }
  if (plain) return undefined;
  let comments: string[] | undefined;
  let blank = false;
  scan(
    p,
    from,
    to,
    (lines, ownLine) => {
      if (ownLine) (comments ??= []).push(...lines);
      return ownLine;
    },
    () => {
      blank = true;
    },
  );
  if (first) blank = false;
  if (comments === undefined && !blank) return undefined;
  const trivia: { comments?: readonly string[]; blankLineBefore?: boolean } = {};
  if (comments !== undefined) trivia.comments = Object.freeze(comments);
  if (blank) trivia.blankLineBefore = true;
  return trivia;
}

/**
 * Walks the whitespace and comments in `from … to`: `comment(lines, ownLine)` for each comment
 * (`ownLine`: a line break precedes it in the range, or the range starts the file; returns
 * whether the comment was placed in the AST), `blankLine()` for each line holding only
 * whitespace.
 */
function scan(
  p: Parser,
  from: number,
  to: number,
  comment: (lines: readonly string[], ownLine: boolean) => boolean | void,
  blankLine: () => void,
): void {
  const s = p.lx.src;
  let brokeLine = from === 0;
  let lineEmpty = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) i++;
      if (lineEmpty) blankLine();
      brokeLine = true;
      lineEmpty = true;
      continue;
    }
    if (c === 0x20 || c === 0x09) continue;
    let end: number;
    let lines: readonly string[];
    if (c === 0x23) {
      end = i + 1;
      while (end < to && s.charCodeAt(end) !== 0x0a && s.charCodeAt(end) !== 0x0d) end++;
      lines = [lineCommentText(s.slice(i + 1, end))];
    } else {
      end = s.indexOf("*/", i + 2) + 2;
      lines = blockCommentLines(s.slice(i + 2, end - 2));
    }
    if (comment(lines, brokeLine) !== false) p.placed.add(i);
    lineEmpty = false;
    i = end - 1;
  }
}

/** `# text` → `text`: one space after `#` is the printer's, trailing whitespace dropped. */
function lineCommentText(body: string): string {
  return (body.startsWith(" ") ? body.slice(1) : body).trimEnd();
}

/** The lines of a block comment's body, trimmed as the header of this file says. */
function blockCommentLines(body: string): string[] {
  const [first = "", ...rest] = body.split(/\r\n|\r|\n/).map((l) => l.trimEnd());
  let indent = Infinity;
  for (const line of rest) if (line !== "") indent = Math.min(indent, line.length - line.trimStart().length);
  const lines = [first.trimStart(), ...rest.map((l) => l.slice(Number.isFinite(indent) ? indent : 0))];
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
