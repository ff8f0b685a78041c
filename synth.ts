/**
 * `npx tsx synth [command]`: the `nixjs` command run from this repository's sources (see
 * `--help`); without a command, writes the `server/` tree from `homelab.config.ts`.
 * `@nixjs/*` resolve to their sources through the `@nixjs/source` export condition (added by
 * the hook registered here), so nothing needs building first. Kept to a hook and an import, so
 * that the command starts as fast as tsx itself.
 */
import { register } from "node:module";

register("./scripts/source-condition.mjs", import.meta.url);
// No top-level await: see packages/synth/bin/nixjs.js.
import("./packages/synth/src/cli/entry.ts").then(({ runCommand }) => runCommand(process.argv.slice(2)));
