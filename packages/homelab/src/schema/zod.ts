/**
 * The one place `@nixjs/homelab` takes zod from: `import { z } from "./zod.ts"` for schemas,
 * `import type { Zod } from "./zod.ts"` for types (`Zod.input<typeof schema>`).
 *
 * Why not `import { z } from "zod"`: zod's ES module build is 95 files, and under tsx (how
 * `npx tsx synth` runs a config) every ES module costs round trips to tsx's loader thread on
 * Node 20 on top of its compilation: alone, `import { z } from "zod"` measured ≈ 75 ms over
 * an empty `npx tsx` run. Its CommonJS build is the same code (both are compiled from one
 * source by zod's build), and `require` loads it in this thread without the round trips:
 * ≈ 45 ms (a whole synth is ≈ 15–35 ms faster). One copy, loaded once, shared by every
 * schema. The types are erased (`import type`), so they load nothing.
 *
 * The published build (`pnpm build`, scripts/build.ts) replaces this module with
 * `export { z } from "zod"` and bundles zod's ES modules into one chunk: without tsx's loader
 * there are no round trips to save, and one file loads faster than 95.
 */
import { createRequire } from "node:module";
import type * as Zod from "zod";

/** zod's `z` namespace (its CommonJS build, see above). @example z.string().min(1) */
export const z: typeof Zod.z = (createRequire(import.meta.url)("zod") as typeof Zod).z;

export type { Zod };

/**
 * What a builder accepts, as users write it: the schema's input type with every array and
 * object readonly, so `as const` data and readonly arrays are accepted (a builder never
 * mutates its input). Model objects and AST nodes are readonly already.
 */
export type Input<S extends Zod.ZodType> = DeepReadonly<Zod.input<S>>;

type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
