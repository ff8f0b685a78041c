import type { NixFile } from "@nixjs/expr-printer";
import type { Homelab } from "../model/index.ts";

/** Options of {@link render}. */
export interface RenderOptions {
  /**
   * The config file the tree is generated from, as the user names it (for the header line of
   * every file). Default `"homelab.config.ts"`.
   */
  readonly configFile?: string;
  /** The command that regenerates the tree (header line). Default `"npx tsx synth"`. */
  readonly command?: string;
}

/**
 * Renders a validated homelab to the files of its `server/` tree: relative path → Nix AST,
 * sorted by path. Pure: writes nothing. Throws if `validate(lab)` reports errors.
 * @example render(lab).get("containers/immich.nix")
 */
export function render(_lab: Homelab, _options: RenderOptions = {}): ReadonlyMap<string, NixFile> {
  throw new Error("render: not implemented yet");
}
