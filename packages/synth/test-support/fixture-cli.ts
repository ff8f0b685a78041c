/**
 * The real command (`main`) with its config stage replaced by a JSON file: `{ "files": {
 * path: text }, "diagnostics"?: [...], "secrets"?: [...] }`, named by the environment variable
 * `NIXJS_TEST_FIXTURE`. Everything after the config stage (lock, recovery, plan, staging,
 * journal, renames) is the production code; the crash tests kill this process mid-write.
 */
import { readFileSync } from "node:fs";
import { main } from "../src/cli/main.ts";
import { fakeSynthesize, type FakeConfig } from "./fixtures.ts";

const fixture = JSON.parse(readFileSync(process.env["NIXJS_TEST_FIXTURE"]!, "utf8")) as FakeConfig;
process.exitCode = await main(process.argv.slice(2), { synthesize: fakeSynthesize(fixture) });
