import { allocateAddresses } from "../../allocate/index.ts";
import type { Homelab } from "../../model/index.ts";
import { isPrivateNspawn, type ContainerAddresses } from "./context.ts";

/**
 * The addresses of every private-network nspawn container: given ones, the rest allocated
 * deterministically from the pool (`allocateAddresses`). Throws for a container the pool
 * cannot hold (`validate` reports it as `pool-exhausted` first).
 * @example containerAddresses(lab).get("immich") // { hostAddress: "10.10.10.4", localAddress: "10.10.10.5" }
 */
export function containerAddresses(lab: Homelab): ReadonlyMap<string, ContainerAddresses> {
  const addresses = allocateAddresses(lab);
  for (const c of lab.containers) {
    if (isPrivateNspawn(c) && !addresses.has(c.name)) {
      throw new Error(`render: no free addresses for container ${c.name} in ${lab.network.pool}`);
    }
  }
  return addresses;
}
