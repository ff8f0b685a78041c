import { n, type NixAttrBinding, type NixExpr, type NixListItem } from "@nixjs/expr-printer";
import type { RenderContext } from "../core/context.ts";
import { DISABLED_COMMENT } from "../core/flake.ts";
import { relativeFrom } from "../core/paths.ts";
import { descriptionLines } from "../core/sections.ts";

/** A module the profile imports, or lists as disabled. */
export interface ProfileImport {
  readonly path: string;
  readonly enable: boolean;
  readonly description?: string;
}

export const PROFILE = "profiles/server.nix";

/**
 * `profiles/server.nix` (seed 001): imports every container module, route and service, and
 * switches each container on or off (`<namespace>.<name>.enable`); a disabled container stays
 * imported, so turning it on is one line. Disabled host services have no switch: they are
 * listed in a comment instead.
 */
export function profileBody(ctx: RenderContext, namespace: string, imports: readonly ProfileImport[]): NixExpr {
  const items: NixListItem[] = imports.filter((i) => i.enable).map((i) => n.path(relativeFrom(PROFILE, i.path)));
  const disabled = imports.filter((i) => !i.enable);
  const importsComments =
    disabled.length === 0
      ? undefined
      : {
          comments: [
            DISABLED_COMMENT,
            ...disabled.map((d) => `${relativeFrom(PROFILE, d.path)}${d.description === undefined ? "" : ` (${d.description})`}`),
          ],
        };
  const switches: NixAttrBinding[] = ctx.containers.map((c) => {
    const lines = descriptionLines(c.description);
    return n.bind([c.name, "enable"], c.enable, !c.enable && lines.length > 0 ? { comments: lines } : undefined);
  });
  return n.attrs([
    n.bind("imports", n.list(items), importsComments),
    ...(switches.length === 0
      ? []
      : [n.bind(namespace.split("."), n.attrs(switches), { blankLineBefore: true })]),
  ]);
}
