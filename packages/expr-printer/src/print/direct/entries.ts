import type { NixAttrs, NixBinding, NixExpr, NixIndentedString, NixInherit, NixList, NixString } from "../../ast/index.ts";
import { newline, putText, textWidth, type LayoutState } from "../../doc/index.ts";
import { escapeDoubleQuotedText } from "../../lexical/index.ts";
import { staticNameDoc } from "../names.ts";
import { stringPartProblem } from "../strings.ts";
import type { DirectEmitter } from "./emitter.ts";
import { indentedBody } from "./indented.ts";
import { flatCollection, flatWidth, formatPath, isMultiLineText, pathNames, pathQuoted, pathSimple, UNKNOWN } from "./flat.ts";
import { breaksAfterEquals, needsParens, scalarText, scalarWidth } from "./scalars.ts";

/*
 * One entry of an expanded set or list, written at the start of its line (the line break
 * before it is written): returns false, having written nothing, when the entry is not one
 * the emitter writes itself. The layouts are those of `bindingDocs` + `rhsDoc` (bindings)
 * and `listHandler` (items), which the comments below recall.
 */

/** `name = value;` at `level`. */
export function bindingLine(em: DirectEmitter, st: LayoutState, b: NixBinding, level: number): boolean {
  if (b.kind === "inherit") return inheritLine(em, st, b, level);
  const pathWidth = formatPath(b, em.env);
  if (pathWidth < 0) return false;
  // After a path that is not simple (a quoted name, five names or more), nixfmt breaks after
  // `=` when the binding does not fit: such bindings are written here only when they fit.
  const simple = pathSimple;
  const { width } = em.env;
  const v = b.value;
  switch (v.kind) {
    case "string": {
      // The bulk of a configuration: a one-line literal, which stays after `=` however long
      // (after a simple path).
      const { parts } = v;
      const text = parts[0];
      if (parts.length !== 1 || typeof text !== "string") break;
      if (!simple && !stringFits(v, text, pathWidth, width)) return false;
      putPath(st, level, b.path.length, pathWidth);
      const { out } = st;
      out.writeAscii(" = ");
      st.cc += 3;
      if (out.writePlainString(text, true)) {
        st.cc += text.length + 3;
        return true;
      }
      st.cc -= 3;
      out.drop(3);
      if (text.includes("\n") && isMultiLineText(v)) {
        write(st, " = ''");
        indentedBody(st, v, level);
      } else {
        write(st, ' = "');
        write(st, escape(v, text));
        write(st, '"');
      }
      write(st, ";");
      return true;
    }
    case "indentedString":
      if (!isMultiLineText(v) || (!simple && !closingFits(v, pathWidth, width))) return false;
      putPath(st, level, b.path.length, pathWidth);
      write(st, " = ''");
      indentedBody(st, v, level);
      write(st, ";");
      return true;
    case "attrs":
    case "list": {
      const n = v.kind === "attrs" ? v.bindings.length : v.items.length;
      if (n === 0) break;
      if (v.kind === "attrs" && (v.rec || (n === 1 && v.bindings[0]?.kind === "inherit"))) return false;
      // (`};` must fit too, after a path that is not simple: it does from width 2.)
      if (!simple && (pathWidth + 4 > width || width < 2)) return false;
      // A set after `=` always expands; a list of one item stays on the line if it fits.
      if (v.kind === "list" && n === 1) {
        const flat = flatCollection(v, true, em.env, em.env.width - pathWidth - 4);
        if (flat === UNKNOWN) return false;
        if (typeof flat === "string") {
          // (`flatCollection` reused the path scratch: format the path again.)
          formatPath(b, em.env);
          putPath(st, level, b.path.length, pathWidth);
          write(st, " = ");
          write(st, flat);
          write(st, ";");
          return true;
        }
        formatPath(b, em.env);
      }
      putPath(st, level, b.path.length, pathWidth);
      write(st, v.kind === "attrs" ? " = {" : " = [");
      em.push(v, level, true);
      return true;
    }
    default:
      break;
  }
  const text = scalarText(v, em.env);
  if (text === undefined) return false;
  const valueWidth = scalarWidth;
  const fits = pathWidth + valueWidth + 4 <= width;
  if (!fits && !simple) return false;
  putPath(st, level, b.path.length, pathWidth);
  if (fits || !breaksAfterEquals(v)) {
    write(st, " = ");
    st.out.write(text);
    st.cc += valueWidth;
    write(st, ";");
    return true;
  }
  // Too wide: the value goes below, one level deeper (the engine's steps, level by level).
  putText(st, level + 1, 0, " =", 2);
  newline(st, 1);
  putText(st, level + 2, 0, text, valueWidth);
  putText(st, level, 0, ";", 1);
  return true;
}

/** Whether `path = "text";` fits in `width` (a multi-line string: left to the engine). */
function stringFits(v: NixString, text: string, pathWidth: number, width: number): boolean {
  if (text.includes("\n") && isMultiLineText(v)) return closingFits(v, pathWidth, width);
  return pathWidth + textWidth(escape(v, text)) + 6 <= width;
}

/**
 * After a path that is not simple, whether `path = ''` fits and `'';` after the string's
 * last line (nixfmt tries the string expanded after `=`, then checks what follows it):
 * known here for text that ends with a line break (`'';` alone on its line).
 */
function closingFits(v: NixString | NixIndentedString, pathWidth: number, width: number): boolean {
  const text = v.parts[0];
  return v.parts.length === 1 && typeof text === "string" && text.endsWith("\n") && pathWidth + 5 <= width && width >= 3;
}

/** Writes the path {@link formatPath} formatted (`n` names, `width` wide), starting the line. */
function putPath(st: LayoutState, level: number, n: number, width: number): void {
  const { out } = st;
  if (n === 1 && pathQuoted[0] === false) {
    putText(st, level, 0, pathNames[0] as string, width);
    return;
  }
  for (let k = 0; k < n; k++) {
    const quoted = pathQuoted[k] === true;
    if (k === 0) putText(st, level, 0, quoted ? '"' : "", 0);
    else out.writeAscii(quoted ? '."' : ".");
    // Bare names are identifiers and quoted ones plain ASCII (see `formatPath`); names
    // that needed escapes were formatted by `staticNameDoc` and may hold anything.
    if (quoted) {
      out.writeAscii(pathNames[k] as string);
      out.writeAscii('"');
    } else out.write(pathNames[k] as string);
  }
  st.cc = width;
}

/** A list element at `level`. */
export function itemLine(em: DirectEmitter, st: LayoutState, v: NixExpr, level: number): boolean {
  switch (v.kind) {
    case "string": {
      const { parts } = v;
      const text = parts[0];
      if (parts.length !== 1 || typeof text !== "string") break;
      if (text.includes("\n") && isMultiLineText(v)) {
        putText(st, level, 0, "''", 2);
        indentedBody(st, v, level);
      } else {
        putText(st, level, 0, "", 0);
        if (st.out.writePlainString(text, false)) st.cc = text.length + 2;
        else {
          write(st, '"');
          write(st, escape(v, text));
          write(st, '"');
        }
      }
      return true;
    }
    case "indentedString":
      if (!isMultiLineText(v)) return false;
      putText(st, level, 0, "''", 2);
      indentedBody(st, v, level);
      return true;
    case "attrs":
    case "list": {
      const n = v.kind === "attrs" ? v.bindings.length : v.items.length;
      if (n === 0) break;
      if (v.kind === "attrs" && v.rec) return false;
      if (n === 1) {
        // One entry: on the line if it fits, else expanded like two.
        const flat = flatCollection(v, false, em.env, em.env.width);
        if (flat === UNKNOWN) return false;
        if (typeof flat === "string") {
          putText(st, level, 0, flat, flatWidth);
          return true;
        }
      }
      openLine(em, st, v, level);
      return true;
    }
    default:
      break;
  }
  const text = scalarText(v, em.env);
  if (text === undefined) return false;
  if (!needsParens(v)) {
    putText(st, level, 0, text, scalarWidth);
    return true;
  }
  // `(-1)`: a group that breaks only if even that does not fit.
  if (scalarWidth + 2 > em.env.width) return false;
  putText(st, level, 0, "(", 1);
  write(st, text);
  write(st, ")");
  return true;
}

/** `inherit a b;`: up to three static names, when it fits (else the general layout). */
function inheritLine(em: DirectEmitter, st: LayoutState, b: NixInherit, level: number): boolean {
  const { names } = b;
  const n = names.length;
  if (b.from !== undefined || n === 0 || n > 3) return false;
  const cache = em.env.names;
  let text = "inherit";
  for (let k = 0; k < n; k++) {
    const name = names[k];
    if (typeof name !== "string") return false;
    const doc = cache.get(name) ?? staticNameDoc(name, b, `.names[${k}]`, cache);
    if (typeof doc !== "string") return false;
    text += ` ${doc}`;
  }
  text += ";";
  if (text.length > em.env.width) return false;
  putText(st, level, 0, text, text.length);
  return true;
}

/** `{` or `[` starting a line, opening the collection's frame. */
function openLine(em: DirectEmitter, st: LayoutState, v: NixAttrs | NixList, level: number): void {
  putText(st, level, 0, v.kind === "attrs" ? "{" : "[", 1);
  em.push(v, level, false);
}

/** The escaped body of a one-line `"…"` literal (the part's problem if it cannot be written). */
function escape(node: NixString, text: string): string {
  try {
    return escapeDoubleQuotedText(text, false);
  } catch (error) {
    return stringPartProblem(node, error);
  }
}

/**
 * Text in the middle of a line. The column is counted in UTF-16 units, exact for ASCII; other
 * text only ever ends an entry's line, after which the column is reset.
 */
function write(st: LayoutState, s: string): void {
  st.out.write(s);
  st.cc += s.length;
}
