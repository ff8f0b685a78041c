/**
 * The typed runtime options of `containers.<name>` (`model/nspawn.ts`) as option values, in
 * NixOS's declaration order; only those off their default. `nat` is not an option of the
 * container: the host's `networking.nat` reads it (`render/core/nat.ts`).
 */
import type { NspawnRuntime } from "../../model/nspawn.ts";

/**
 * `allowedDevices`, `enableTun`, `extraFlags`, `additionalCapabilities`, `macvlans`,
 * `interfaces` where given.
 * @example runtimeOptions({ ...DEFAULT_NSPAWN_RUNTIME, enableTun: true }) // { enableTun: true }
 */
export function runtimeOptions(r: NspawnRuntime): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.allowedDevices.length > 0) out["allowedDevices"] = r.allowedDevices.map((d) => ({ node: d.node, modifier: d.modifier }));
  if (r.enableTun) out["enableTun"] = true;
  if (r.extraFlags.length > 0) out["extraFlags"] = [...r.extraFlags];
  if (r.additionalCapabilities.length > 0) out["additionalCapabilities"] = [...r.additionalCapabilities];
  if (r.macvlans.length > 0) out["macvlans"] = [...r.macvlans];
  if (r.interfaces.length > 0) out["interfaces"] = [...r.interfaces];
  return out;
}
