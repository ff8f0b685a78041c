import type { NixExpr, NixStringPart } from "../ast/index.ts";

/**
 * The value of an indented string from its tokens, exactly as Nix 2.8's `stripIndentation`
 * (parser.y) computes it: `items` are the tokens' texts and the interpolated expressions;
 * `indentable[i]` says whether text item i is a plain run of source text, whose spaces count
 * as indentation (escapes such as `''\ ` and lone `$`/`'` tokens do not, and end a line's
 * indentation like an interpolation does). The smallest indentation of the lines that have
 * content is removed from every line, and a last line of only spaces is dropped.
 * Returns merged parts (adjacent text joined, empty text dropped).
 * @example stripIndentation(["  a\n  b\n"], [true]) // ["a\nb\n"]
 */
export function stripIndentation(items: readonly (string | NixExpr)[], indentable: readonly boolean[]): NixStringPart[] {
  const minIndent = minimumIndentation(items, indentable);
  const out: NixStringPart[] = [];
  let atStart = true;
  let dropped = 0;
  const last = items.length - 1;
  items.forEach((item, i) => {
    if (typeof item !== "string") {
      atStart = false;
      dropped = 0;
      out.push(item);
      return;
    }
    let text = "";
    let from = 0;
    for (let j = 0; j < item.length; j++) {
      const c = item.charCodeAt(j);
      if (atStart) {
        if (c === 0x20) {
          if (dropped++ < minIndent) {
            text += item.slice(from, j);
            from = j + 1;
          }
        } else if (c === 0x0a) dropped = 0;
        else {
          atStart = false;
          dropped = 0;
        }
      } else if (c === 0x0a) atStart = true;
    }
    text += item.slice(from);
    if (i === last) {
      // A last line of spaces only (the closing `''` indented) is not content.
      const nl = text.lastIndexOf("\n");
      if (nl !== -1 && /^ *$/.test(text.slice(nl + 1))) text = text.slice(0, nl + 1);
    }
    const prev = out[out.length - 1];
    if (text === "") return;
    if (typeof prev === "string") out[out.length - 1] = prev + text;
    else out.push(text);
  });
  return out;
}

/** The smallest indentation of a line with content (1000000 when there is none, as in Nix). */
function minimumIndentation(items: readonly (string | NixExpr)[], indentable: readonly boolean[]): number {
  let atStart = true;
  let min = 1_000_000;
  let current = 0;
  items.forEach((item, i) => {
    if (typeof item !== "string" || indentable[i] !== true) {
      if (atStart) {
        atStart = false;
        if (current < min) min = current;
      }
      return;
    }
    for (let j = 0; j < item.length; j++) {
      const c = item.charCodeAt(j);
      if (atStart) {
        if (c === 0x20) current++;
        else if (c === 0x0a) current = 0;
        else {
          atStart = false;
          if (current < min) min = current;
        }
      } else if (c === 0x0a) {
        atStart = true;
        current = 0;
      }
    }
  });
  return min;
}
