const PATH_SEGMENT = /^[A-Za-z0-9._+-]+$/;

/**
 * How a path prints: as a literal (`./a/b`), or, when it has characters a path literal
 * cannot hold, as `base + "/rest"` (path + string is a path), which means the same path.
 */
export type PathForm =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "concat"; readonly base: string; readonly rest: string };

/** Why `path` is not a path at all, or `undefined` when it is. */
export function pathProblem(path: string): string | undefined {
  if (!/^(\/|\.\/|\.\.\/|~\/)/.test(path) && path !== "." && path !== "..") {
    return `"${path}" is not a path: start it with /, ./, ../ or ~/`;
  }
  if (path.includes("\0")) return "a path cannot contain a NUL byte";
  return undefined;
}

export function pathForm(path: string): PathForm {
  const normal = path === "." || path === ".." ? `${path}/.` : path.replace(/\/+$/, "");
  const home = normal.startsWith("~/");
  const absolute = normal.startsWith("/");
  const body = home ? normal.slice(2) : absolute ? normal.slice(1) : normal;
  const segments = body.split("/");
  if (segments.every((s) => PATH_SEGMENT.test(s)) && (body !== "" || !absolute)) {
    return { kind: "literal", text: normal };
  }
  const base = home ? "~/." : absolute ? "/." : "./.";
  const rest = home || absolute ? `/${body}` : `/${body.replace(/^\.\//, "")}`;
  return { kind: "concat", base, rest };
}
