export { NixError, nixEval, nixParse, runNix, type RunOptions } from "./nix.ts";
export { asListSource, evalAll, NixBatchError, parseAll } from "./batch.ts";
