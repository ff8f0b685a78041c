/**
 * `npx tsx synth`: writes the `server/` tree from `homelab.config.ts` (see `--help`).
 * Kept to an import and a call, so that the command starts as fast as tsx itself.
 */
import { runCommand } from "./packages/synth/src/cli/entry.ts";

runCommand(process.argv.slice(2));
