/**
 * The model of a Podman container's runtime options, from its parsed input: defaults dropped,
 * capability names without `CAP_`, listeners in their full form.
 */
import type { PodmanRuntime } from "../model/index.ts";
import type { podmanSchema } from "../schema/podman.ts";
import type { Zod } from "../schema/zod.ts";
import { toServicePort } from "./container.ts";
import { optional } from "./freeze.ts";

type Parsed = Zod.output<typeof podmanSchema>;

/**
 * `PodmanContainer.runtime` from the parsed options `o`.
 * @example podmanRuntime({ privileged: true, devices: [{ hostPath: "/dev/dri" }] }).privileged // true
 */
export function podmanRuntime(o: Partial<Parsed>): PodmanRuntime {
  const network = o.network;
  const h = o.healthCheck;
  return {
    capabilities: Object.fromEntries(Object.entries(o.capabilities ?? {}).map(([cap, on]) => [cap.replace(/^CAP_/, ""), on])),
    privileged: o.privileged ?? false,
    devices: (o.devices ?? []).map((d) => ({ hostPath: d.hostPath, ...optional("containerPath", d.containerPath), ...optional("permissions", d.permissions) })),
    ...optional("memory", o.memory),
    ...optional("memorySwap", o.memorySwap),
    ...optional("cpus", o.cpus),
    ...optional("pidsLimit", o.pidsLimit),
    sysctls: o.sysctls ?? {},
    ...optional("shmSize", o.shmSize),
    ...optional("healthCheck", h && {
      cmd: h.cmd,
      ...optional("interval", h.interval),
      ...optional("timeout", h.timeout),
      ...optional("retries", h.retries),
      ...optional("startPeriod", h.startPeriod),
    }),
    ...optional("networkContainer", typeof network === "object" ? network.container : undefined),
    ...optional("pod", o.pod),
    ...optional("restart", o.restart),
    ...optional("logDriver", o.logDriver),
    logOptions: o.logOptions ?? {},
    ...optional("userns", o.userns),
    ...optional("pull", o.pull),
    listens: (o.listens ?? []).map(toServicePort),
  };
}
