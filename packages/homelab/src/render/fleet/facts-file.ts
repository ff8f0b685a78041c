/**
 * `fleet.nix`: the values one host exports for the others — each host's LAN address and the
 * addresses of its private-network NixOS containers. Every host gets it as the module argument
 * `fleet` (`${fleet.hosts.nas.address}`), so no host's files copy another's literal.
 */
import { n, type NixExpr } from "@nixjs/expr-printer";
import { fleetFacts } from "../../facts/fleet.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import type { Homelab } from "../../model/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { AttrTree } from "../core/tree.ts";

/**
 * The body of `fleet.nix`, hosts and containers sorted by name.
 * @example fleetFactsBody(lab) // { hosts = { nas.address = "192.168.1.10"; proxy.address = "192.168.1.2"; }; }
 */
export function fleetFactsBody(lab: Homelab): NixExpr {
  const facts = fleetFacts(lab);
  const hosts = new AttrTree();
  for (const host of facts.hosts) {
    const address = facts.addresses.get(host);
    if (address !== undefined) hosts.set([host.name, "address"], n.str(address));
    const containers = hostFacts(lab, host).plan.addresses;
    for (const name of [...containers.keys()].sort(compareCodeUnits)) {
      hosts.set([host.name, "containers", name, "address"], n.str(containers.get(name)!.localAddress));
    }
  }
  return n.attrs(hosts.size === 0 ? [n.bind("hosts", n.attrs([]))] : [n.bind("hosts", hosts.toAttrs())]);
}
