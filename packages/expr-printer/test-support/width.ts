/**
 * Width checking for printed Nix. A line may exceed the width (not counting its leading
 * indentation) only because of an unbreakable token: a string literal (with whatever it
 * interpolates), a comment, a path, an identifier chain, or any other run of characters
 * without a space between tokens. The rule, deliberately simple:
 * - the line without its longest token fits the width;
 * - and, unless that token is the value of a binding (`name = token;`, which nixfmt keeps on
 *   one line), the rest is short (at most half the width): the printer had no better break.
 * Lengths are in code points. Lines inside a `''…''` string are string content: one token.
 */
export interface OverlongLine {
  readonly line: number;
  readonly text: string;
  /** Length without indentation, and the length of its longest unbreakable token. */
  readonly length: number;
  readonly longestToken: number;
}

type Mode = "code" | "double" | "indented";

interface Frame {
  mode: Mode;
  /** For code inside `${ … }`: unmatched `{` seen so far. */
  braces: number;
}

/**
 * For each character of `source`: `true` where the character separates tokens (a space or
 * a newline in code, outside strings and comments). Interpolated code counts as part of its
 * string.
 */
function separators(source: string): boolean[] {
  const sep: boolean[] = new Array<boolean>(source.length).fill(false);
  const stack: Frame[] = [{ mode: "code", braces: 0 }];
  let i = 0;
  while (i < source.length) {
    const frame = stack[stack.length - 1] as Frame;
    const c = source[i] as string;
    if (frame.mode === "code") {
      const topLevel = stack.length === 1;
      if (c === " " || c === "\n") {
        if (topLevel) sep[i] = true;
        i++;
      } else if (/[A-Za-z_]/.test(c)) {
        // An identifier may contain `'` (`a''` is one identifier, not a string start).
        i++;
        while (i < source.length && /[A-Za-z0-9_'-]/.test(source[i] as string)) i++;
      } else if (c === "#") {
        while (i < source.length && source[i] !== "\n") i++;
      } else if (source.startsWith("/*", i)) {
        const end = source.indexOf("*/", i + 2);
        i = end === -1 ? source.length : end + 2;
      } else if (c === '"') {
        stack.push({ mode: "double", braces: 0 });
        i++;
      } else if (source.startsWith("''", i)) {
        stack.push({ mode: "indented", braces: 0 });
        i += 2;
      } else if (c === "{") {
        frame.braces++;
        i++;
      } else if (c === "}") {
        if (frame.braces === 0 && !topLevel) stack.pop();
        else frame.braces--;
        i++;
      } else i++;
    } else if (frame.mode === "double") {
      if (c === "\\") i += 2;
      else if (c === '"') {
        stack.pop();
        i++;
      } else if (source.startsWith("$${", i)) i += 3;
      else if (source.startsWith("${", i)) {
        stack.push({ mode: "code", braces: 0 });
        i += 2;
      } else i++;
    } else if (source.startsWith("'''", i) || source.startsWith("''$", i)) i += 3;
    else if (source.startsWith("''\\", i)) i += 4;
    else if (source.startsWith("''", i)) {
      stack.pop();
      i += 2;
    } else if (source.startsWith("$${", i)) i += 3;
    else if (source.startsWith("${", i)) {
      stack.push({ mode: "code", braces: 0 });
      i += 2;
    } else i++;
  }
  return sep;
}

/** Code points of `s`. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * The lines of `source` that break the width rule.
 * @example overlongLines(print(tree), 100) // []
 */
export function overlongLines(source: string, width: number): OverlongLine[] {
  const sep = separators(source);
  const out: OverlongLine[] = [];
  let start = 0;
  source.split("\n").forEach((text, index) => {
    const indent = text.length - text.trimStart().length;
    const content = text.slice(indent);
    if (length(content) > width) {
      let longest = 0;
      let longestAt = 0;
      let tokenStart = start + indent;
      for (let i = start + indent; i <= start + text.length; i++) {
        if (i === start + text.length || sep[i] === true) {
          const size = length(source.slice(tokenStart, i));
          if (size > longest) [longest, longestAt] = [size, tokenStart];
          tokenStart = i + 1;
        }
      }
      const rest = length(content) - longest;
      const bindingValue = source.slice(start + indent, longestAt).trimEnd().endsWith("=");
      if (rest > width || (!bindingValue && rest > width / 2)) {
        out.push({ line: index + 1, text, length: length(content), longestToken: longest });
      }
    }
    start += text.length + 1;
  });
  return out;
}
