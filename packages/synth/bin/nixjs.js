#!/usr/bin/env node
// The `nixjs` command: the built JavaScript in ../dist (a TypeScript config is compiled by
// esbuild when it is loaded; nothing else compiles at run time). Inside the nixjs repository,
// run `pnpm build` first, or use `npx tsx synth <command>`, which runs the sources.
// No top-level await here: a config that never settles must not leave Node's "unsettled
// top-level await" (exit 13) as the command's answer; `runCommand` reports it instead.
import("../dist/cli.js").then(
  ({ runCommand }) => runCommand(process.argv.slice(2)),
  (error) => {
    const unbuilt = error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js");
    process.stderr.write(unbuilt ? "error: @nixjs/synth is not built: run `pnpm build` (or `npx tsx synth`, which runs the sources)\n" : `${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
