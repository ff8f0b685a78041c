/**
 * What every fleet check reads: the homelab, its fleet facts (computed once, shared with
 * render) and the reporter of each host, so a finding names the host it is on and points at
 * that host's `host("nas", …)` call (or the route's own call).
 */
import type { FleetFacts } from "../../facts/fleet.ts";
import type { Located } from "../../facts/located.ts";
import { atHomelab } from "../../facts/located.ts";
import type { Homelab, Host } from "../../model/index.ts";
import type { Reporter } from "../report.ts";

export interface FleetCheckContext {
  readonly lab: Homelab;
  readonly fleet: FleetFacts;
  /** The reporter of `host`'s findings. */
  report(host: Host): Reporter;
}

/** A check of the whole fleet, run once per homelab. */
export type FleetCheck = (ctx: FleetCheckContext) => void;

/**
 * Where a host's LAN address is written: its `address`, else the static IPv4 address of
 * `network.interfaces` it is taken from (`hostAddress`), else `address` (to be set).
 * @example atHostAddress(nas).path // ["address"]
 */
export function atHostAddress(host: Host): Located {
  if (host.address !== undefined) return atHomelab(host, "address");
  for (const i of host.network.stack?.interfaces ?? []) {
    const j = i.addresses.findIndex((a) => a.family === 4);
    if (j >= 0) return atHomelab(host, "network", "interfaces", i.name, "addresses", j);
  }
  return atHomelab(host, "address");
}
