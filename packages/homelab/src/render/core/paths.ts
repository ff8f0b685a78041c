import { posix } from "node:path";

/** How many directories `path` (relative, normalised) climbs above its start: `../../x` → 2. */
function climbs(path: string): number {
  let n = 0;
  for (const segment of posix.normalize(path).split("/")) {
    if (segment !== "..") break;
    n++;
  }
  return n;
}

/**
 * The Nix path literal text that reaches `target` from the file `from` (both relative to the
 * output directory; either may climb above it with `../`): `../secrets/x.age` from
 * `containers/immich.nix`, `../../keys/x.age` for the output directory's `../keys/x.age`.
 * Both are placed below a made-up root deep enough that no `..` is clamped at `/` (which would
 * lose the climb), and never the working directory (the result must not depend on it).
 * @example relativeFrom("containers/immich.nix", "secrets/x.age") // "../secrets/x.age"
 * @example relativeFrom("containers/immich.nix", "../keys/x.age") // "../../keys/x.age"
 */
export function relativeFrom(from: string, target: string): string {
  const root = `/${"r/".repeat(Math.max(climbs(from), climbs(target)))}`;
  const rel = posix.relative(posix.dirname(posix.join(root, from)), posix.join(root, target));
  // A Nix path literal needs a slash: the file's own directory is `./.`, the one above `../.`.
  if (rel === "" || rel === "..") return `${rel || "."}/.`;
  return rel.startsWith("../") ? rel : `./${rel}`;
}
