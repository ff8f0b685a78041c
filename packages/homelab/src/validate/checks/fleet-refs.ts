/**
 * References to another host's values (`hostRef("nas").address`,
 * `hostRef("nas").container("jellyfin").address`) name a host of the fleet and, for a
 * container's address, an enabled private-network NixOS container on it: the fleet's facts
 * (`fleet.nix`) hold nothing else, and a reference to what is not there fails evaluation. (A
 * host without an address is `host-address-missing`'s, with the routes that need one.)
 */
import { fleetRefUses } from "../../facts/fleet-refs.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import { atContainer } from "../../facts/located.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

export function checkFleetRefs(ctx: FleetCheckContext): void {
  for (const use of fleetRefUses(ctx.lab)) {
    const report = ctx.report(use.host);
    const { ref } = use;
    const written = ref.value.kind === "address" ? `hostRef("${ref.fleetHost}").address` : `hostRef("${ref.fleetHost}").container("${ref.value.container}").address`;
    if (ctx.lab.fleet === undefined) {
      report.error("fleet-required", use, `${written} refers to another host, but this homelab is one host (homelab({ hostName })): write it as a fleet, homelab({ hosts: [host(…), …] }), or use containerRef/hostRef("<option path>") for this host's own values`);
      continue;
    }
    const named = ctx.fleet.byName.get(ref.fleetHost) ?? [];
    const target = named[0];
    if (target === undefined) {
      const names = ctx.fleet.hosts.map((h) => `"${h.name}"`).join(", ");
      report.error("fleet-ref-unknown", use, `${written} cannot be evaluated: the fleet has no host "${ref.fleetHost}" (its hosts: ${names})`);
      continue;
    }
    // Two hosts of that name: host-name-duplicate's finding.
    if (named.length > 1 || ref.value.kind === "address") continue;
    const name = ref.value.container;
    const c = hostFacts(ctx.lab, target).byName.get(name)?.[0];
    let why: string | undefined;
    if (c === undefined) why = `${target.name} has no container "${name}"`;
    else if (!c.enable) why = `container "${name}" on ${target.name} is disabled`;
    else if (c.backend !== "nspawn") why = `"${name}" on ${target.name} is a Podman container, whose address Podman picks when it starts: refer to hostRef("${target.name}").address and the port it publishes`;
    else if (c.network !== "private") why = `"${name}" on ${target.name} shares the host's network: refer to hostRef("${target.name}").address`;
    if (why !== undefined) report.error("fleet-ref-unknown", use, `${written} cannot be evaluated: ${why}`, c === undefined ? [] : [atContainer(c)]);
  }
}
