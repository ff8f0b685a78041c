/**
 * Where a fleet's configs refer to another host's values (`hostRef("nas").address`,
 * `hostRef("nas").container("jellyfin").address`): one scan of every host's configs (the ones
 * `hostFacts` scans), for the checks that the named host and container exist and have an
 * address. Computed once per homelab.
 */
import { visitExprs } from "@nixjs/expr-printer";
import { walkConfig } from "../config/walk.ts";
import { fleetRefsMade, isFleetRef } from "../model/fleet-refs.ts";
import type { FleetRef } from "../model/fleet.ts";
import type { Homelab, Host } from "../model/homelab.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostFacts } from "./host-facts.ts";
import type { Located } from "./located.ts";

/** One fleet reference in a host's config. */
export interface FleetRefUse extends Located {
  /** The host whose config holds it. */
  readonly host: Host;
  readonly ref: FleetRef;
}

const cache = new WeakMap<Homelab, readonly FleetRefUse[]>();

/**
 * Every fleet reference of `lab`'s configs, by host name, then in the order of the host's
 * configs and of each config's keys.
 * @example fleetRefUses(lab).map((u) => u.ref.fleetHost) // ["nas"]
 */
export function fleetRefUses(lab: Homelab): readonly FleetRefUse[] {
  const known = cache.get(lab);
  if (known !== undefined) return known;
  const out: FleetRefUse[] = [];
  // No reference made yet: nothing to find, and a large homelab's configs are not walked again.
  if (!fleetRefsMade()) return out;
  for (const host of [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    for (const scan of hostFacts(lab, host).configs) {
      walkConfig(
        scan.value,
        {
          expr: (root, path) =>
            visitExprs(root, (e) => {
              if (!isFleetRef(e)) return true;
              out.push({ ...scan.at, path, host, ref: e });
              return false;
            }),
        },
        scan.at.path,
      );
    }
  }
  cache.set(lab, out);
  return out;
}
