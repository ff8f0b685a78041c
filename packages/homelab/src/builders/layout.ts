import type { Layout } from "../model/index.ts";
import type { HomelabOptions } from "../schema/homelab.ts";
import { optional } from "./freeze.ts";

/** Option namespace of `layout: "modules"`. */
export const DEFAULT_NAMESPACE = "homelab.containers";

/** The tree's layout from `homelab({ layout })`: flat unless the modules layout is asked for. */
export function layoutOf(input: HomelabOptions["layout"]): Layout {
  if (input === undefined || input === "flat") return { kind: "flat" };
  if (input === "modules") return { kind: "modules", namespace: DEFAULT_NAMESPACE };
  if (input.kind === "flat") return { kind: "flat" };
  const options = input.options === undefined ? undefined : [...new Set(input.options)].sort();
  return { kind: "modules", namespace: input.namespace ?? DEFAULT_NAMESPACE, ...optional("options", options) };
}
