import type { NixBinding, NixExpr, NixListItem } from "../../ast/index.ts";
import { isIdentifier } from "../../lexical/index.ts";
import { printsIndented } from "../shape.ts";
import type { PrintEnv } from "../driver.ts";
import { staticNameDoc } from "../names.ts";
import { needsParens, scalarText, scalarWidth } from "./scalars.ts";

/**
 * The one-line form of a set or list with a single entry (`[ "websecure" ]`,
 * `{ url = "…"; }`), which nixfmt keeps on one line when it fits. Built with a budget: as
 * soon as the text is wider than the room it could have, the answer is "does not fit"
 * (`TOO_WIDE`), so measuring costs at most one line's worth of work, however large the value.
 *
 * Results: the text (its width in {@link flatWidth}), or a negative code.
 */

/** The value contains a forced line break (a set or list of two or more entries, `''…''`). */
export const HARD = -1;
/** The value is not one this module knows how to lay out: leave it to the general printer. */
export const UNKNOWN = -2;
/** The text would be wider than the budget. */
export const TOO_WIDE = -3;

/** Width (code points) of the last text returned. */
export let flatWidth = 0;

/**
 * `e` as a list item printed on one line (negative numbers in parentheses), within `budget`
 * columns.
 */
export function flatItem(e: NixExpr, env: PrintEnv, budget: number): string | number {
  const text = scalarText(e, env);
  if (text !== undefined) {
    if (!needsParens(e)) return fit(text, scalarWidth, budget);
    return fit(`(${text})`, scalarWidth + 2, budget);
  }
  return flatCollection(e, false, env, budget);
}

/** `e` as the value of a binding inside a set printed on one line, within `budget`. */
function flatValue(e: NixExpr, env: PrintEnv, budget: number): string | number {
  const text = scalarText(e, env);
  if (text !== undefined) return fit(text, scalarWidth, budget);
  return flatCollection(e, true, env, budget);
}

/**
 * A non-empty set or list on one line. As a binding's value (`value`), a set always expands
 * (nixfmt `prettyTermWide`).
 */
export function flatCollection(e: NixExpr, value: boolean, env: PrintEnv, budget: number): string | number {
  if (e.kind === "list") {
    if (e.items.length !== 1) return e.items.length === 0 ? UNKNOWN : HARD;
    const inner = entry(e.items[0] as NixListItem);
    if (inner === null) return HARD;
    // Checked before going deeper: a chain of single-entry lists may be very deep.
    if (budget < 4) return TOO_WIDE;
    const item = flatItem(inner, env, budget - 4);
    return typeof item === "string" ? fit(`[ ${item} ]`, flatWidth + 4, budget) : item;
  }
  if (e.kind === "attrs") {
    if (e.rec) return UNKNOWN;
    const n = e.bindings.length;
    if (n === 0) return UNKNOWN;
    const b = e.bindings[0] as NixBinding;
    if (b.kind === "inherit") return UNKNOWN;
    if (value || n > 1) return HARD;
    if (b.comments !== undefined && b.comments.length > 0) return HARD;
    const path = pathText(b, env);
    if (path === undefined) return UNKNOWN;
    const pathWidth = flatWidth;
    if (budget < pathWidth + 8) return TOO_WIDE;
    const v = flatValue(b.value, env, budget - pathWidth - 8);
    if (typeof v !== "string") return v;
    return fit(`{ ${path} = ${v}; }`, pathWidth + flatWidth + 8, budget);
  }
  return isMultiLineText(e) ? HARD : UNKNOWN;
}

/** A string without interpolation that prints as `''…''` (always on several lines). */
export function isMultiLineText(e: NixExpr): boolean {
  if (e.kind !== "string" && e.kind !== "indentedString") return false;
  const { parts } = e;
  for (let i = 0; i < parts.length; i++) if (typeof parts[i] !== "string") return false;
  return printsIndented(e);
}

/** The value of a list entry, or `null` when comments above it force a line break. */
function entry(item: NixListItem): NixExpr | null {
  if (item.kind !== "commented") return item;
  return item.comments !== undefined && item.comments.length > 0 ? null : item.value;
}

/**
 * The attribute path of a binding when all its names are static JS strings whose text is
 * plain (no astral characters), else `undefined`. Width in {@link flatWidth}.
 */
export function pathText(b: NixBinding & { kind: "binding" }, env: PrintEnv): string | undefined {
  const width = formatPath(b, env);
  if (width < 0) return undefined;
  flatWidth = width;
  let text = "";
  for (let k = 0; k < b.path.length; k++) {
    const name = pathNames[k] as string;
    if (k > 0) text += ".";
    text += pathQuoted[k] === true ? `"${name}"` : name;
  }
  return text;
}

/**
 * The names of the last path {@link formatPath} formatted, as Nix source, except that those
 * marked in {@link pathQuoted} are to be written between quotes (their text needs no escape).
 */
export const pathNames: string[] = [];
export const pathQuoted: boolean[] = [];
/**
 * Whether the last path {@link formatPath} formatted is at most four bare names (nixfmt then
 * never breaks after its `=`, see `bindingLine` in `bindings.ts`).
 */
export let pathSimple = true;

/**
 * Formats the names of a binding's path into {@link pathNames} and returns the width of the
 * path, or -1 when a name is dynamic or not plain text (the general printer then prints it).
 */
export function formatPath(b: NixBinding & { kind: "binding" }, env: PrintEnv): number {
  const { path } = b;
  const n = path.length;
  let width = n - 1;
  pathSimple = n <= 4;
  for (let k = 0; k < n; k++) {
    const name = path[k];
    if (typeof name !== "string") return -1;
    if (isIdentifier(name)) {
      pathNames[k] = name;
      pathQuoted[k] = false;
      width += name.length;
      continue;
    }
    pathSimple = false;
    if (isPlainQuotable(name)) {
      // `"a.b"`, `"/var/lib/x"`: quoted as is. (The common non-identifiers, written without
      // building the quoted string.)
      pathNames[k] = name;
      pathQuoted[k] = true;
      width += name.length + 2;
      continue;
    }
    const text = quotedName(name, b, k, env);
    if (text === undefined) return -1;
    pathNames[k] = text;
    pathQuoted[k] = false;
    width += text.length;
  }
  return n === 0 ? -1 : width;
}

/** Printable ASCII without `"`, `$` or `\\`: text a `"…"` name holds as it is. */
function isPlainQuotable(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x24 || c === 0x5c) return false;
  }
  return true;
}

/** A name that needs escapes, quoted (cached per print), or `undefined` if its width is not its length. */
function quotedName(name: string, at: object, k: number, env: PrintEnv): string | undefined {
  const cache = env.names;
  const doc = cache.get(name) ?? staticNameDoc(name, at, `.path[${k}]`, cache);
  return typeof doc === "string" ? doc : undefined;
}

function fit(text: string, width: number, budget: number): string | number {
  if (width > budget) return TOO_WIDE;
  flatWidth = width;
  return text;
}
