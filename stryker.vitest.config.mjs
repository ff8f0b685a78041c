// The vitest config Stryker runs (see stryker.config.mjs): the repository's config, in the
// forks pool. Stryker's vitest runner asks for the threads pool on its command line, which a
// config file cannot override; the hook below runs after both are merged and sets it back.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./test/vitest.config.ts";

export default mergeConfig(
  base,
  defineConfig({
    root: new URL(".", import.meta.url).pathname,
    plugins: [
      {
        name: "nixjs-stryker-forks-pool",
        configureVitest({ vitest, project }) {
          vitest.config.pool = "forks";
          project.config.pool = "forks";
        },
      },
    ],
  }),
);
