import type { NixAttrName, NixBinding, NixExpr, NixInherit } from "../ast/index.ts";
import {
  concat,
  group,
  hardline,
  hardspace,
  hardspaceThen,
  line,
  nest,
  priorityGroup,
  softline,
  Tag,
  type Doc,
} from "../doc/index.ts";
import { INT64_MIN, isIdentifier } from "../lexical/index.ts";
import { Ctx } from "./context.ts";
import type { ChildSink, PrintEnv } from "./driver.ts";
import { nameChildren, pathDoc, staticNameDoc, type DocCursor } from "./names.ts";
import { leafDoc } from "./leaves.ts";
import { isAbsorbableExpr, isPathLiteral, isTerm, staticName } from "./shape.ts";

function isLoneInheritSet(e: NixExpr): boolean {
  return e.kind === "attrs" && e.bindings.length === 1 && e.bindings[0]?.kind === "inherit";
}

/** The context a binding value (or formal default) is printed in (nixfmt `absorbRHS`). */
export function rhsCtx(value: NixExpr): number {
  switch (value.kind) {
    case "apply":
    case "binary":
      return Ctx.Rhs;
    case "attrs":
      if (isLoneInheritSet(value)) return Ctx.None;
      return value.bindings.length > 0 ? Ctx.Wide : Ctx.None;
    case "with":
      return isAbsorbableExpr(value) ? Ctx.Wide | Ctx.Absorb : Ctx.None;
    case "int":
      // `(-9223372036854775807 - 1)`: parenthesised, absorbed after `=` like a last argument.
      return value.value === INT64_MIN ? Ctx.Paren | Ctx.Last : Ctx.None;
    default:
      // Lists, strings and paths do not depend on Wide; scalars have no layout of their own;
      // a lambda's body is absorbed as it is anywhere.
      return Ctx.None;
  }
}

/**
 * What follows `=` (nixfmt `absorbRHS`), nested one level: absorbable values start on the
 * same line (`x = {`, `x = [`, `x = ''`, `x = with lib; {`, `x = final: prev: {`), sets
 * always expanded unless their only binding is an `inherit`; strings and paths stay after
 * `=`; other values move to the next line, indented, when they do not fit. Applications and
 * operators build their own right-hand side (context `Rhs`).
 */
export function rhsDoc(value: NixExpr, doc: Doc): Doc {
  // An absorbed `with` starts with its own space-or-break (see control.ts).
  if (value.kind === "with" && isAbsorbableExpr(value)) return nest(doc);
  if (isLoneInheritSet(value) || isAbsorbableExpr(value)) return nest(hardspaceThen(group(doc)));
  if (value.kind === "int" && value.value === INT64_MIN) return nest(hardspaceThen(doc));
  switch (value.kind) {
    case "apply":
      return nest(doc);
    case "binary":
      return doc;
    case "string":
    case "indentedString":
      return nest(hardspaceThen(group(doc)));
    case "path":
      if (isPathLiteral(value.path)) return nest(hardspaceThen(group(doc)));
      // `./. + "/rest"`: an operation.
      return nest(concat([line, group(doc)]));
    case "with":
      return nest(group(concat([line, doc])));
    default:
      break;
  }
  return isTerm(value) ? nest(group(concat([line, doc]))) : nest(concat([line, group(doc)]));
}

/**
 * Whether a binding's path is at most four bare names (nixfmt: then the value follows `=`
 * as `absorbRHS` lays it out; otherwise a break may come first, when the binding does not
 * fit).
 */
function isSimplePath(path: readonly NixAttrName[]): boolean {
  if (path.length > 4) return false;
  for (const name of path) if (typeof name !== "string" || !isIdentifier(name)) return false;
  return true;
}

/**
 * `path = value;` (nixfmt's `Assignment`).
 * @example bindingLine("port", true, portExpr, portDoc)
 */
export function bindingLine(path: Doc, simplePath: boolean, value: NixExpr, valueDoc: Doc): Doc {
  const rhs = rhsDoc(value, valueDoc);
  const after = simplePath ? rhs : concat([softline, priorityGroup(rhs)]);
  return group(concat([path, nest(concat([hardspace, "=", after])), ";"]));
}

/** Lists the children of bindings: dynamic names, values, `inherit (from)` sources. */
export function bindingChildren(bindings: readonly NixBinding[], out: ChildSink, env: PrintEnv): void {
  for (let i = 0; i < bindings.length; i++) {
    const b = bindings[i] as NixBinding;
    if (b.kind === "binding") {
      // Most paths are one static name: nothing to list.
      if (b.path.length !== 1 || typeof b.path[0] !== "string") nameChildren(b.path, out);
      const leaf = leafDoc(b.value, env);
      if (leaf === undefined) out.add(b.value, rhsCtx(b.value));
      else out.addDoc(leaf);
    } else if (b.from !== undefined) {
      out.add(b.from, Ctx.Paren);
    }
  }
}

/** `inherit a b;` (one per line from four names on), `inherit (from) a b;`. */
function inheritDoc(b: NixInherit, from: Doc | undefined): Doc {
  const names: Doc[] = [];
  b.names.forEach((name, k) => {
    names.push(staticNameDoc(staticName(name) as string, b, `.names[${k}]`));
  });
  const few = names.length < 4;
  const sep = few ? line : hardline;
  const joined: Doc[] = [];
  names.forEach((name, k) => {
    if (k > 0) joined.push(sep);
    joined.push(name);
  });
  const tail = concat([...joined, few ? softline : hardline, ";"]);
  if (from === undefined) return group(concat(["inherit", sep, nest(tail)]));
  return group(concat(["inherit", nest(concat([group(concat([line, from])), sep, tail]))]));
}

/**
 * Docs of bindings, one per binding, consuming the children's docs at `cursor`.
 *
 * Fast path: a binding whose name and value are plain text and which fits in `width` is
 * printed flat wherever it is laid out (a binding starts a line, or sits in a set printed
 * flat, and is followed by a possible break), so its doc is just its text — most bindings
 * of a generated configuration, and far fewer objects to build and collect.
 */
export function bindingDocs(
  bindings: readonly NixBinding[],
  docs: readonly Doc[],
  cursor: DocCursor,
  env: PrintEnv,
): Doc[] {
  const { width, names } = env;
  const out: Doc[] = [];
  for (let i = 0; i < bindings.length; i++) {
    const b = bindings[i] as NixBinding;
    if (b.kind === "binding") {
      const first = b.path[0];
      const path =
        b.path.length === 1 && typeof first === "string"
          ? (names.get(first) ?? staticNameDoc(first, b, ".path[0]", names))
          : pathDoc(b.path, b, ".path", docs, cursor, names);
      const valueDoc = docs[cursor.i++] as Doc;
      if (
        typeof path === "string" &&
        typeof valueDoc === "string" &&
        b.value.kind !== "apply" &&
        b.value.kind !== "binary" &&
        path.length + valueDoc.length + 4 <= width
      ) {
        out.push(`${path} = ${valueDoc};`);
        continue;
      }
      const simple = isSimplePath(b.path);
      if (
        typeof path === "string" &&
        typeof valueDoc !== "string" &&
        (valueDoc.tag === Tag.Lazy || valueDoc.tag === Tag.Emit) &&
        (simple || path.length + 4 <= width)
      ) {
        // `x = {` ⏎ … ⏎ `};`: an always-breaking set or list is absorbed after `=` whatever
        // the width (after a path that fits, when it is not simple), so the binding needs no
        // group (nor the nesting the set brings itself).
        out.push(concat([`${path} = `, valueDoc, ";"]));
        continue;
      }
      out.push(bindingLine(path, simple, b.value, valueDoc));
    } else {
      out.push(inheritDoc(b, b.from === undefined ? undefined : (docs[cursor.i++] as Doc)));
    }
  }
  return out;
}

/** Whether any binding carries comments or a blank line (else items need no trivia pass). */
export function hasTrivia(items: readonly object[]): boolean {
  for (const item of items) {
    const t = item as { comments?: readonly string[]; blankLineBefore?: boolean };
    if ((t.comments !== undefined && t.comments.length > 0) || t.blankLineBefore === true) return true;
  }
  return false;
}
