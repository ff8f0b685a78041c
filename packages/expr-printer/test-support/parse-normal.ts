/**
 * Normal form of `nix-instantiate --parse` output (Nix 2.8), for comparing the printer's
 * output with the reference rendering of the same tree. `--parse` already drops comments,
 * whitespace and redundant parentheses; this removes the two differences that remain between
 * equal trees (nix-language.md §7.3):
 * - a string is shown as the concatenation of its lexer chunks (an indented string with
 *   escapes gives `("a " + "\$" + "x")`, an interpolation `("" + x)`): adjacent string
 *   literals of a concatenation are merged, empty ones dropped, and a lone literal unwrapped;
 * - a path written as `base + "/rest"` is shown as that sum: a path followed by one string is
 *   replaced by the canonical path it denotes (every path is canonicalised: 2.8 leaves `~/…`
 *   literals as written, `~/.` shows as `/home/.`).
 * Both rules apply alike to a binary `+` of literals, which is thereby equated with the
 * string (or path) it evaluates to; everything else is compared as Nix shows it.
 * @example normalizeParse('[ (("a" + "" + "b")) ((/tmp + "/x y")) ]') // '[ "ab" /tmp/x y ]'
 */
export function normalizeParse(text: string): string {
  return show(group(tokenize(text), { i: 0 }).map(normalize));
}

/**
 * Splits the `--parse` output of a list (`[ (a) (b) ]`) into its elements' texts, or
 * returns `undefined` when `text` is not a list.
 */
export function splitParsedList(text: string): string[] | undefined {
  const root = group(tokenize(text), { i: 0 });
  const [open, ...rest] = root;
  const close = rest.pop();
  if (open !== "[" || close !== "]") return undefined;
  return rest.filter((item) => item !== " ").map((item) => show([item]));
}

type Token = string | { readonly str: string } | { readonly path: string };
type Item = Token | Group;
interface Group extends Array<Item> {}

const PATH_START = /[\s([{]/;

/**
 * Tokens: string literals (decoded), paths, ` + `, and single characters. Nix 2.8 shows a
 * dynamic attribute name as `"${expr}"` without escaping `expr` (a string literal's own `$`
 * is always shown as `\$`, so an unescaped `"${` is always such a name): those delimiters
 * are tokens of their own, found by counting braces.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const dynamic: number[] = []; // brace depth inside each open `"${ … }"`
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (text.startsWith('"${', i)) {
      tokens.push('"${');
      dynamic.push(0);
      i += 3;
    } else if ((c === "{" || c === "}") && dynamic.length > 0) {
      const depth = dynamic.pop() as number;
      if (c === "}" && depth === 0 && text[i + 1] === '"') {
        tokens.push('}"');
        i += 2;
        continue;
      }
      dynamic.push(c === "{" ? depth + 1 : depth - 1);
      tokens.push(c);
      i++;
    } else if (c === '"') {
      let value = "";
      i++;
      while (text[i] !== '"') {
        if (i >= text.length) throw new Error(`unterminated string in --parse output: ${text}`);
        if (text[i] === "\\") {
          const e = text[i + 1] as string;
          value += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e;
          i += 2;
        } else value += text[i++];
      }
      i++;
      tokens.push({ str: value });
    } else if (c === "/" && (i === 0 || PATH_START.test(text[i - 1] as string))) {
      const m = /^\/[A-Za-z0-9._+\-/]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ path: canon(m[0]) });
      i += m[0].length;
    } else if (text.startsWith(" + ", i)) {
      tokens.push(" + ");
      i += 3;
    } else {
      tokens.push(c);
      i++;
    }
  }
  return tokens;
}

/** Nests tokens by parentheses; `(` and `)` are kept as the first and last items. */
function group(tokens: readonly Token[], at: { i: number }): Group {
  const out: Group = [];
  while (at.i < tokens.length) {
    const t = tokens[at.i++] as Token;
    if (t === "(") out.push(["(", ...group(tokens, at), ")"]);
    else if (t === ")") return out;
    else out.push(t);
  }
  return out;
}

function isStr(item: Item | undefined): item is { readonly str: string } {
  return typeof item === "object" && !Array.isArray(item) && "str" in item;
}

function isPath(item: Item | undefined): item is { readonly path: string } {
  return typeof item === "object" && !Array.isArray(item) && "path" in item;
}

/** Normalises a parenthesised group bottom-up; a group may collapse into one literal. */
function normalize(item: Item): Item {
  if (!Array.isArray(item)) return item;
  const items = item.map(normalize);
  if (items[0] !== "(" || items[items.length - 1] !== ")") return items;
  const members = splitSum(items.slice(1, -1));
  const merged: Item[][] = [];
  for (const m of members) {
    const last = merged[merged.length - 1];
    const [only] = m;
    if (m.length === 1 && isStr(only) && only.str === "" && members.length > 1) continue;
    const [lastOnly] = last ?? [];
    if (last?.length === 1 && m.length === 1 && isStr(only) && isStr(lastOnly)) {
      merged[merged.length - 1] = [{ str: lastOnly.str + only.str }];
    } else merged.push(m);
  }
  const [first, second] = merged.map((m) => (m.length === 1 ? m[0] : undefined));
  if (merged.length === 2 && isPath(first) && isStr(second)) return { path: canon(first.path + second.str) };
  if (merged.length === 1 && (isStr(first) || isPath(first))) return first;
  if (merged.length === 0) return { str: "" };
  return ["(", ...merged.flatMap((m, i) => (i === 0 ? m : [" + ", ...m])), ")"];
}

/** The members of a sum `a + b + c` at the top level of a group (one member if no `+`). */
function splitSum(items: readonly Item[]): Item[][] {
  const members: Item[][] = [[]];
  for (const item of items) {
    if (item === " + ") members.push([]);
    else (members[members.length - 1] as Item[]).push(item);
  }
  return members;
}

/**
 * Lexical canonicalisation of an absolute path (what Nix's canonPath does without touching the
 * disk). @example canon("/a/./b/../c/") // "/a/c"
 */
export function canon(path: string): string {
  const out: string[] = [];
  for (const s of path.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return `/${out.join("/")}`;
}

function showString(s: string): string {
  return `"${s.replace(/["\\$\n\r\t]/g, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\${c}`)}"`;
}

function show(items: readonly Item[]): string {
  return items
    .map((item) => (Array.isArray(item) ? show(item) : isStr(item) ? showString(item.str) : isPath(item) ? item.path : item))
    .join("");
}
