/**
 * How a check of the whole fleet reports: one reporter per host its findings belong to (the
 * diagnostic's `host`), or the fleet's own for findings about no single host.
 */
import type { Diagnostic, Homelab, Host } from "../../model/index.ts";
import type { Located } from "../../facts/located.ts";
import { sortDiagnostics } from "../../diagnostics/order.ts";
import { Reporter } from "../report.ts";

/** The reporter of a host's findings (`undefined`: the fleet's own). */
export type FleetReport = (host: Host | undefined) => Reporter;

/** A check of the whole fleet, run once per homelab. */
export type FleetCheck = (lab: Homelab, reportOn: FleetReport) => void;

/**
 * Runs fleet checks with one reporter per host name, and returns their findings sorted.
 * @example runFleetChecks(lab, [checkDeployFleet, checkSecretRecipients])
 */
export function runFleetChecks(lab: Homelab, checks: readonly FleetCheck[]): Diagnostic[] {
  const reporters = new Map<string | undefined, Reporter>();
  const reportOn: FleetReport = (host) => {
    const key = host?.name;
    let r = reporters.get(key);
    if (r === undefined) reporters.set(key, (r = new Reporter(key)));
    return r;
  };
  for (const check of checks) check(lab, reportOn);
  return sortDiagnostics([...reporters.values()].flatMap((r) => r.diagnostics));
}

/**
 * A host of a fleet, at a path of its `host(name, {…})` options.
 * @example atHost(nas, "deployment", "targetUser")
 */
export function atHost(host: Host, ...path: (string | number)[]): Located {
  return { subject: { kind: "host", name: host.name }, path, site: host.site };
}
