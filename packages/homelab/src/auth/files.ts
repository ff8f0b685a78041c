/**
 * The auth and DNS part of the tree: one module per Authelia provider that has something
 * derived (`auth/<name>.nix`) and per `adguardRewrites()` (`dns/adguard.nix`), in both layouts.
 * Separate modules, merged with the containers' own by the NixOS module system, so the
 * containers' files stay as they are.
 */
import { n } from "@nixjs/expr-printer";
import type { RenderContext } from "../render/core/context.ts";
import type { FileBody } from "../render/core/module.ts";
import { Sections } from "../render/core/sections.ts";
import { cfgBinding, whenEnabled } from "../render/modules/shared.ts";
import { adguardFile } from "../dns/render.ts";
import { autheliaFile, type GeneratedFile } from "./render.ts";

export type { GeneratedFile };

/**
 * The generated auth and DNS modules of a host, by path.
 * @example authDnsFiles(ctx).map((f) => f.path) // ["auth/authelia.nix", "dns/adguard.nix"]
 */
export function authDnsFiles(ctx: RenderContext): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const p of ctx.host.auth) {
    const f = p.kind === "authelia" ? autheliaFile(ctx, p) : undefined;
    if (f !== undefined) files.push(f);
  }
  ctx.host.dns.forEach((d, i) => {
    const f = adguardFile(ctx, d, i);
    if (f !== undefined) files.push(f);
  });
  return files;
}

/**
 * A generated module's body: its bindings under its comment; in the modules layout
 * (`namespace`), switched on and off with the container it writes into (`lib.mkIf cfg.enable`).
 * @example moduleFile(header, generatedBody(file, "homelab.containers"))
 */
export function generatedBody(f: GeneratedFile, namespace?: string): FileBody {
  const body = new Sections().add([...f.comment], f.bindings).toAttrs();
  const lets = [...(f.lets ?? [])];
  if (namespace === undefined || f.gate === undefined) return { body, ...(lets.length === 0 ? {} : { bindings: lets }) };
  return { body: n.attrs([n.bind("config", whenEnabled(body))]), bindings: [cfgBinding(namespace, f.gate), ...lets] };
}
