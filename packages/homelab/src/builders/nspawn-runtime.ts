import { DEFAULT_NSPAWN_RUNTIME, type NspawnRuntime } from "../model/nspawn.ts";
import type { Input } from "../schema/zod.ts";
import type { nspawnSchema } from "../schema/nspawn.ts";

type Parsed = Pick<Input<typeof nspawnSchema>, "allowedDevices" | "enableTun" | "extraFlags" | "additionalCapabilities" | "macvlans" | "interfaces" | "nat">;

/**
 * The model's runtime options from the parsed nspawn options: NixOS's defaults where absent,
 * the one shared default object when nothing is given (every container has the same shape).
 * @example nspawnRuntime({ enableTun: true }).enableTun // true
 */
export function nspawnRuntime(o: Parsed): NspawnRuntime {
  const given = [o.allowedDevices, o.enableTun, o.extraFlags, o.additionalCapabilities, o.macvlans, o.interfaces, o.nat].some((v) => v !== undefined);
  if (!given) return DEFAULT_NSPAWN_RUNTIME;
  return {
    allowedDevices: (o.allowedDevices ?? []).map((d) => ({ node: d.node, modifier: d.modifier })),
    enableTun: o.enableTun ?? false,
    extraFlags: o.extraFlags ?? [],
    additionalCapabilities: o.additionalCapabilities ?? [],
    macvlans: o.macvlans ?? [],
    interfaces: o.interfaces ?? [],
    nat: o.nat ?? true,
  };
}
