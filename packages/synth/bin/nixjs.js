#!/usr/bin/env node
// The `nixjs` command: loads TypeScript (the CLI and the user's homelab.config.ts) through tsx.
// No top-level await here: a config that never settles must not leave Node's "unsettled
// top-level await" (exit 13) as the command's answer; `runCommand` reports it instead.
import { register } from "tsx/esm/api";

register();
import("../src/cli/entry.ts").then(({ runCommand }) => runCommand(process.argv.slice(2)));
