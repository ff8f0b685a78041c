#!/usr/bin/env node
// A stand-in `iptables` for the tests of the firewall's shell commands: the raw and filter
// tables (the latter as firewall-start leaves it before extraCommands: NixOS's chains exist),
// kept as JSON in $FAKE_IPTABLES_STATE, failing (exit 1, message on stderr) exactly where
// iptables does for these commands: -N of an existing chain, -F/-X/-A/-C/-D of a missing one,
// -X of a chain still jumped to or not empty, -C/-D of an absent rule, a jump to an unknown chain.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const file = process.env.FAKE_IPTABLES_STATE;
const tables = existsSync(file)
  ? JSON.parse(readFileSync(file, "utf8"))
  : { raw: { PREROUTING: [], OUTPUT: [] }, filter: { INPUT: [], FORWARD: [], OUTPUT: [], "nixos-fw": [], "nixos-fw-accept": [] } };
const BUILTIN = ["PREROUTING", "INPUT", "FORWARD", "OUTPUT"];
const fail = (why) => {
  process.stderr.write(`iptables: ${why}\n`);
  process.exit(1);
};
const args = process.argv.slice(2).filter((a) => a !== "-w");
const t = args.indexOf("-t");
const table = t < 0 ? "filter" : args[t + 1];
if (!Object.hasOwn(tables, table)) fail(`table ${table} is not modelled`);
if (t >= 0) args.splice(t, 2);
const state = tables[table];
const [op, chain, ...spec] = args;
const rule = spec.join(" ");
const has = (c) => Object.hasOwn(state, c);
const j = spec.indexOf("-j");
if (j >= 0 && !["ACCEPT", "DROP", "RETURN"].includes(spec[j + 1]) && !has(spec[j + 1])) fail(`no chain/target by that name: ${spec[j + 1]}`);
if (op !== "-N" && !has(chain)) fail(`no chain by that name: ${chain}`);
switch (op) {
  case "-N":
    if (has(chain)) fail(`chain already exists: ${chain}`);
    state[chain] = [];
    break;
  case "-F":
    state[chain] = [];
    break;
  case "-X":
    if (BUILTIN.includes(chain) || state[chain].length > 0) fail(`cannot delete chain ${chain}`);
    if (Object.values(state).some((rules) => rules.some((r) => r.endsWith(`-j ${chain}`)))) fail(`chain ${chain} is referenced`);
    delete state[chain];
    break;
  case "-A":
    state[chain].push(rule);
    break;
  case "-C":
    if (!state[chain].includes(rule)) fail("bad rule (does a matching rule exist in that chain?)");
    break;
  case "-D":
    if (!state[chain].includes(rule)) fail("bad rule (does a matching rule exist in that chain?)");
    state[chain].splice(state[chain].indexOf(rule), 1);
    break;
  default:
    fail(`unmodelled operation ${op}`);
}
writeFileSync(file, JSON.stringify(tables));
