/**
 * The codes of the fleet checks (issue 12): what no single host's checks can see — host names
 * and LAN addresses across the fleet, routes from one host's proxy to a container or service on
 * another, and references to another host's values (`hostRef(name).address`). A cross-host
 * route to a target that does not exist or does not serve the port reuses the same-host codes
 * (`route-target-unknown`, `route-port-unserved`): the mistake is the same. Spread into the
 * registry (`codes.ts`) after the nspawn codes.
 */
import type { Severity } from "../model/diagnostic.ts";
import type { CodeInfo } from "./codes.ts";

// A local `code` (not codes.ts's): codes.ts imports this file, so using its value here would
// read it before it is initialised.
const code = (severity: Severity, summary: string): CodeInfo => ({ severity, summary });

export const FLEET_CODES = {
  "host-name-duplicate": code("error", "two hosts of a fleet have one name"),
  "host-address-conflict": code("error", "two hosts of a fleet claim one LAN address"),
  "host-address-shadowed": code("error", "a host's LAN address inside another host's container pool or Podman network (that host routes it to its containers)"),
  "host-address-missing": code("error", "a host that a cross-host route or a fleet reference needs to reach has no LAN address (no address, nor exactly one static IPv4 address)"),
  "fleet-required": code("error", "a cross-host route or fleet reference in a homelab written with hostName, not hosts (there is no other host)"),
  "fleet-ref-unknown": code("error", "hostRef(name).address or .container(c).address names a host or a private-network NixOS container the fleet does not have"),
  "remote-port-unpublished": code("error", "a cross-host route to a port its target serves only on loopback, on another address, or inside its private network"),
  "remote-route-same-host": code("warning", "a cross-host route to the proxy's own host (its same-host checks are skipped): route to { container } or { service }"),
  "fleet-input-conflict": code("error", "two hosts of a fleet declare one flake input name differently, or a host names an input the fleet's flake declares itself"),
  "remote-port-unfiltered": code("note", "a cross-host route to a host whose firewall is off: the opening to the proxy's address only is not loaded"),
} as const satisfies Record<string, CodeInfo>;
