#!/usr/bin/env node
// The `nixjs` command: loads TypeScript (the CLI and the user's homelab.config.ts) through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
