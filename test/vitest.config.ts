import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test-support/**/*.test.ts", "test/**/*.test.ts"],
    // Real nix-instantiate runs in many tests; generous limits, never timing assertions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
