/** `hosts/<name>/default.nix` of a fleet host: imports `host.nix` and the host's modules. */
import { n, type NixExpr, type NixListItem } from "@nixjs/expr-printer";
import { DISABLED_COMMENT } from "../core/flake.ts";
import type { HostTree } from "../flat.ts";

/**
 * `{ imports = [ ./host.nix ./containers/a.nix … ]; }`, the disabled modules named in a comment
 * above the first module after `host.nix` (above `host.nix` when there is none), as the
 * single-host flake lists them.
 * @example defaultNixBody({ files, imports: ["containers/jellyfin.nix"], disabled: [] }) // { imports = [ ./host.nix ./containers/jellyfin.nix ]; }
 */
export function defaultNixBody(tree: HostTree): NixExpr {
  const items: NixListItem[] = [n.path("./host.nix"), ...tree.imports.map((p) => n.path(`./${p}`))];
  if (tree.disabled.length > 0) {
    const comments = [DISABLED_COMMENT, ...tree.disabled.map((d) => `./${d.path}${d.description === undefined ? "" : ` (${d.description})`}`)];
    const at = items.length > 1 ? 1 : 0;
    items[at] = n.item(items[at] as NixExpr, { comments });
  }
  return n.attrs([n.bind("imports", n.list(items))]);
}
