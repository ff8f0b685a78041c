/** Where a fleet check's finding about one host points: that host's `host(name, {…})` call. */
import type { Located } from "../../facts/located.ts";
import type { Host } from "../../model/index.ts";

/**
 * A host of a fleet, at a path of its `host(name, {…})` options (the subject is the host).
 * @example atHost(nas, "deployment", "targetUser")
 */
export function atHost(host: Host, ...path: (string | number)[]): Located {
  return { subject: { kind: "host", name: host.name }, path, site: host.site };
}
