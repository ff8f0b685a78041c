import { posix } from "node:path";

/**
 * The Nix path literal text that reaches `target` from the file `from` (both relative to the
 * output directory): `../secrets/x.age` from `containers/immich.nix`.
 * @example relativeFrom("containers/immich.nix", "secrets/x.age") // "../secrets/x.age"
 */
export function relativeFrom(from: string, target: string): string {
  const rel = posix.relative(posix.dirname(posix.join("/", from)), posix.join("/", target));
  return rel.startsWith("../") ? rel : `./${rel}`;
}
