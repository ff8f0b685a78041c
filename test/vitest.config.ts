import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Inside the workspace, `@nixjs/*` resolve to their TypeScript sources through the
 * `@nixjs/source` export condition (their `exports` point at `dist/` otherwise): the tests run
 * the sources, never a stale build. Vite's own server conditions are kept.
 */
const conditions = ["@nixjs/source", "module", "node", "development|production"];

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["@nixjs/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test-support/**/*.test.ts", "test/**/*.test.ts"],
    // Real nix-instantiate runs in many tests; generous limits, never timing assertions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
