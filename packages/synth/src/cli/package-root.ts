import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder of the `@nixjs/synth` package (its `package.json`, `templates/`): the nearest
 * folder above this module that has a `package.json`. Found by walking up because this module
 * is `src/cli/package-root.ts` in the sources and part of a bundle in `dist/` when built.
 * @example join(packageRoot(), "templates")
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`@nixjs/synth: no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}
