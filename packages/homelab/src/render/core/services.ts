import { n } from "@nixjs/expr-printer";
import type { HostService } from "../../model/index.ts";
import type { FileBody } from "./module.ts";
import { dataToTree } from "./data.ts";
import { descriptionLines, Sections } from "./sections.ts";
import { sortKeysDeep } from "./merge.ts";

/** `services/<name>.nix`: the user's host configuration for a host service (cloudflared …). */
export function serviceBody(svc: HostService): FileBody {
  const data = sortKeysDeep(svc.config) as { readonly [key: string]: unknown };
  const tree = dataToTree(data, { hostConfig: "config", path: `services.${svc.name}.config` });
  const lines = descriptionLines(svc.description);
  const comment = lines.length === 0 ? undefined : [`${svc.name}: ${lines[0]}`, ...lines.slice(1)];
  const s = new Sections().add(comment, tree.toBindings());
  return { body: s.isEmpty ? n.attrs({}) : s.toAttrs() };
}
