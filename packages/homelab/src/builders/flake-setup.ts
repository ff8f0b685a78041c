import type { FlakeSetup } from "../model/flake.ts";
import type { HomelabOptions } from "../schema/homelab.ts";
import { compareCodeUnits } from "../util/order.ts";

type Parsed = Pick<HomelabOptions, "inputs" | "modules" | "specialArgs" | "overlays">;

/**
 * The host's {@link FlakeSetup} from `homelab()`'s parsed options; undefined when none of
 * `inputs`, `specialArgs`, `overlays` or an input module is given (the flake stays as before).
 * @example flakeSetupOf({ inputs: { disko: { url: "github:nix-community/disko" } } })
 */
export function flakeSetupOf(o: Parsed): FlakeSetup | undefined {
  const modules = o.modules ?? [];
  const inputModules = modules.some((m) => typeof m !== "string");
  if (o.inputs === undefined && o.specialArgs === undefined && o.overlays === undefined && !inputModules) return undefined;
  return {
    inputs: Object.entries(o.inputs ?? {}).map(([name, i]) => ({
      name,
      url: i.url,
      flake: i.flake ?? true,
      follows: Object.entries(i.follows ?? {}).sort(([a], [b]) => compareCodeUnits(a, b)),
    })),
    modules: modules.map((m) => (typeof m === "string" ? { kind: "path" as const, path: m } : m)),
    specialArgs: { ...(o.specialArgs ?? {}) },
    overlays: [...(o.overlays ?? [])],
  };
}
