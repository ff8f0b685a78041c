import type {
  NixBool,
  NixFloat,
  NixIndentedString,
  NixInt,
  NixNull,
  NixPath,
  NixSearchPath,
  NixStringPart,
  NixString,
} from "../ast/index.ts";
import { isNixExpr } from "./node.ts";
import { boolNode, floatNode, intNode, nullNode, pathNode, stringNode } from "./nodes.ts";

/**
 * A Nix integer.
 * @example n.int(8080) // 8080
 * @example n.int(9007199254740993n) // beyond 2^53: pass a bigint
 */
export function int(value: number | bigint): NixInt {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`n.int: ${value} is not a safe integer; pass a bigint`);
  }
  return intNode(BigInt(value));
}

/**
 * A Nix float; always printed with a dot (`1.0`, `2.5e-7`).
 * @example n.float(0.5) // 0.5
 */
export function float(value: number): NixFloat {
  return floatNode(value);
}

/** @example n.bool(true) // true */
export function bool(value: boolean): NixBool {
  return boolNode(value);
}

/** `null`. @example n.null() */
export function nul(): NixNull {
  return nullNode();
}

type TemplateValue = NixStringPart | number | bigint | boolean;

/**
 * An interpolated JS value as text: strings, numbers and booleans as JS writes them. Anything
 * else would become "[object Object]" in the string: an error instead, naming the slot.
 */
function templateText(value: unknown, index: number): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const what = value === null ? "null" : value === undefined ? "undefined" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object that is not a Nix expression" : `a ${typeof value}`;
  throw new TypeError(`n.str: interpolation \${${index}} is ${what}; interpolate a Nix expression (n.*), a string, a number or a boolean`);
}

function toParts(
  first: TemplateStringsArray | string | readonly NixStringPart[],
  values: readonly TemplateValue[],
): NixStringPart[] {
  if (typeof first === "string") return [first];
  if (!("raw" in first)) return [...(first as readonly NixStringPart[])];
  const parts: NixStringPart[] = [];
  const strings = first as TemplateStringsArray;
  strings.forEach((text, i) => {
    if (text !== "") parts.push(text);
    if (i < values.length) {
      const v = values[i] as TemplateValue;
      parts.push(isNixExpr(v) ? v : templateText(v, i));
    }
  });
  return mergeText(parts);
}

/** Adjacent literal chunks are one chunk: the AST should not depend on how text was split. */
function mergeText(parts: readonly NixStringPart[]): NixStringPart[] {
  const out: NixStringPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === "string" && typeof last === "string") out[out.length - 1] = last + part;
    else if (part !== "") out.push(part);
  }
  return out;
}

/**
 * A string; the printer picks `"…"` or `''…''`. Works as a function or a template tag whose
 * `${}` values are interpolated when they are Nix expressions and spliced as text otherwise.
 * @example n.str("hello")
 * @example n.str`http://${n.select("config.containers.authelia.localAddress")}:9091`
 */
export function str(
  first: TemplateStringsArray | string | readonly NixStringPart[],
  ...values: readonly TemplateValue[]
): NixString {
  return stringNode("string", Object.freeze(mergeText(toParts(first, values))));
}

/**
 * An indented string (`''…''`), for scripts and config files.
 * @example n.indented`reverse_proxy 127.0.0.1:${port}\n`
 */
export function indented(
  first: TemplateStringsArray | string | readonly NixStringPart[],
  ...values: readonly TemplateValue[]
): NixIndentedString {
  return stringNode("indentedString", Object.freeze(mergeText(toParts(first, values))));
}

/**
 * A path literal, or a lookup path when written in angle brackets.
 * @example n.path("../secrets/x.age") // ../secrets/x.age
 * @example n.path("<nixpkgs>") // <nixpkgs>
 */
export function path(text: string): NixPath | NixSearchPath {
  if (text.startsWith("<") && text.endsWith(">")) return searchPath(text.slice(1, -1));
  return pathNode("path", text);
}

/** A lookup path. @example n.searchPath("nixpkgs/lib") // <nixpkgs/lib> */
export function searchPath(text: string): NixSearchPath {
  return pathNode("searchPath", text);
}
