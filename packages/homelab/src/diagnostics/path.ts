/**
 * Where in the model a diagnostic points: a path of attribute names and list indices, kept
 * structured until it is printed, and printed by this one function everywhere (builders,
 * validate, synth).
 */

/** `["containers", "immich", "ports", 0]`. */
export type ModelPath = readonly (string | number)[];

/** A name printed bare: letters, digits, `_` and inner `-`, as Nix and readers expect. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The path as text: names joined with `.`, indices and names that are not plain in brackets.
 * @example formatPath(["containers", "immich", "ports", 0]) // "containers.immich.ports[0]"
 * @example formatPath(["bindMounts", "/var/lib/x", "isReadOnly"]) // 'bindMounts["/var/lib/x"].isReadOnly'
 */
export function formatPath(path: ModelPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (PLAIN.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}
