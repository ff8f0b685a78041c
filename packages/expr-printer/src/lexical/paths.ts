import { stringProblem } from "./strings.ts";

/** One segment of a path literal: the lexer's PATH_CHAR alphabet. */
const PATH_SEGMENT = /^[A-Za-z0-9._+-]+$/;

/**
 * How a path prints: as a literal (`./a/b`), or, when it has characters a path literal
 * cannot hold, as `base + "rest"` — a literal of its longest printable prefix plus the
 * remainder as a string (path + string is a path), which means the same path: Nix
 * canonicalises both. `rest` is the string's content, not yet escaped, starting with `/`.
 * @example pathForm("./a/b") // { kind: "literal", text: "./a/b" }
 * @example pathForm("/persist/my docs/x") // { kind: "concat", base: "/persist", rest: "/my docs/x" }
 */
export type PathForm =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "concat"; readonly base: string; readonly rest: string };

type Anchor = "relative" | "absolute" | "home";

/**
 * Why `path` cannot be printed as a Nix path, or `undefined` when it can. A path is absolute
 * (`/…`), in the home directory (`~`, `~/…`) or relative to the file (anything else: `a/b`,
 * `./a`, `../a`, `.`). Nix has no `~user` paths; NUL and lone surrogates cannot be written.
 * @example pathProblem("") // "an empty path …"
 * @example pathProblem("~bob/x") // "Nix has no ~user paths …"
 */
export function pathProblem(path: string): string | undefined {
  if (path === "") return "an empty path is not a path (write \".\" for the file's directory)";
  if (path.startsWith("~") && path !== "~" && !path.startsWith("~/")) {
    return `${JSON.stringify(path)}: Nix has no ~user paths; only ~/… (the home directory)`;
  }
  const problem = stringProblem(path);
  return problem === undefined ? undefined : `path ${problem}`;
}

/**
 * The printed form of a path. Relative paths always start with `./` or `../` (a bare `a/b`
 * is legal Nix but newer Nix can lint it); empty and `.` segments are dropped (so no `//`
 * and no trailing slash, which Nix rejects in literals); `..` is kept, Nix resolves it.
 * Throws a `RangeError` for paths {@link pathProblem} rejects.
 * @example pathForm("secrets/x.age").text // "./secrets/x.age"
 * @example pathForm("..").text // "./.."
 * @example pathForm("/") // { kind: "literal", text: "/." }
 * @example pathForm("./dir with space") // { kind: "concat", base: "./.", rest: "/dir with space" }
 */
export function pathForm(path: string): PathForm {
  const problem = pathProblem(path);
  if (problem !== undefined) throw new RangeError(`unprintable Nix path: ${problem}`);
  const anchor: Anchor = path.startsWith("/") ? "absolute" : path.startsWith("~") ? "home" : "relative";
  const body = anchor === "home" ? path.slice(1) : path;
  const segments = body.split("/").filter((s) => s !== "" && s !== ".");
  let printable = 0;
  while (printable < segments.length && PATH_SEGMENT.test(segments[printable] as string)) printable++;
  const base = literal(anchor, segments.slice(0, printable));
  if (printable === segments.length) return { kind: "literal", text: base };
  return { kind: "concat", base, rest: `/${segments.slice(printable).join("/")}` };
}

/** A path literal from printable segments: `./a`, `../a`, `./..`, `/a`, `/.`, `~/a`, `~/.`. */
function literal(anchor: Anchor, segments: readonly string[]): string {
  const joined = segments.join("/");
  switch (anchor) {
    case "absolute":
      return segments.length === 0 ? "/." : `/${joined}`;
    case "home":
      return segments.length === 0 ? "~/." : `~/${joined}`;
    case "relative":
      if (segments.length === 0) return "./.";
      return segments[0] === ".." && segments.length > 1 ? joined : `./${joined}`;
  }
}

/**
 * Why `path` (the text between `<` and `>`) cannot be a lookup path, or `undefined` when it
 * can: one or more non-empty segments of `[A-Za-z0-9._+-]` joined by `/`. There is no
 * quoted form of `<…>` to fall back to.
 * @example searchPathProblem("nixpkgs/lib") // undefined
 * @example searchPathProblem("nixpkgs/") // "…"
 */
export function searchPathProblem(path: string): string | undefined {
  const segments = path.split("/");
  if (segments.every((s) => PATH_SEGMENT.test(s))) return undefined;
  return (
    `<${path}> is not a lookup path: it must be segments of letters, digits and . _ + - ` +
    "joined by single slashes, without a leading or trailing slash"
  );
}
