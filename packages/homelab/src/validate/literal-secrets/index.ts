/**
 * The literal-secret detector: pure functions that say whether a value written in the
 * config is a secret in plain text (it would land in the world-readable Nix store), or a
 * password hash (a warning). Validate's config walker calls them for every string, number,
 * interpolated string and command line it meets; references (secret paths, AST nodes) never
 * reach them.
 */
export { classifyTemplate, classifyValue } from "./classify.ts";
export { classifyCommandLine } from "./command-line.ts";
export { keySays } from "./key-says.ts";
export type { CommandLineFinding, KeyPath, KeyVerdict, LiteralSecretFinding, TemplatePart, ValueContext } from "./types.ts";
