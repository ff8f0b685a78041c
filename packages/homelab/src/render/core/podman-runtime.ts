/**
 * The runtime settings of a Podman container as NixOS takes them: the oci-containers options a
 * release has typed (`capabilities`, `devices`, `privileged`, `log-driver`, `pull`; the release
 * table says which), `podman run` arguments for the rest, systemd's `Restart=` (where restarting
 * really happens: NixOS starts every container with `--rm`, which Podman refuses together with
 * `--restart`), and the units that create pods.
 */
import { n, type NixBinding } from "@nixjs/expr-printer";
import type { PodmanContainer, PodmanDevice, PodmanRuntime } from "../../model/index.ts";
import type { ReleaseFacts } from "../../releases/table.ts";
import { formatPublish } from "../../schema/publish.ts";
import { compareCodeUnits as byCodeUnit, sortedUnique } from "../../util/order.ts";
import type { RenderContext } from "./context.ts";

/**
 * The systemd unit that creates pod `pod` (defined once, in `host.nix`).
 * @example podUnit("immich") // "podman-pod-immich"
 */
export function podUnit(pod: string): string {
  return `podman-pod-${pod}`;
}

/**
 * A device as Podman's `--device` (and NixOS's `devices`) takes it.
 * @example deviceSpec({ hostPath: "/dev/dvb", permissions: "rw" }) // "/dev/dvb:/dev/dvb:rw"
 */
export function deviceSpec(d: PodmanDevice): string {
  if (d.permissions === undefined) return d.containerPath === undefined ? d.hostPath : `${d.hostPath}:${d.containerPath}`;
  return `${d.hostPath}:${d.containerPath ?? d.hostPath}:${d.permissions}`;
}

const has = (release: ReleaseFacts, option: string): boolean => release.ociContainers.typed.includes(option);

/**
 * The typed oci-containers options of `c`'s runtime the release has, in the module's
 * declaration order (absent when at NixOS's default).
 * @example typedRuntime(gpu, releaseFacts("26.05")) // { devices: ["/dev/dri"] }
 */
export function typedRuntime(r: PodmanRuntime, release: ReleaseFacts): Record<string, unknown> {
  const caps = Object.keys(r.capabilities).sort(byCodeUnit);
  return {
    "log-driver": r.logDriver !== undefined && has(release, "log-driver") ? r.logDriver : undefined,
    pull: r.pull !== undefined && has(release, "pull") ? r.pull : undefined,
    capabilities: caps.length > 0 && has(release, "capabilities") ? Object.fromEntries(caps.map((k) => [k, r.capabilities[k]])) : undefined,
    devices: r.devices.length > 0 && has(release, "devices") ? r.devices.map(deviceSpec) : undefined,
    privileged: r.privileged && has(release, "privileged") ? true : undefined,
  };
}

/**
 * The `podman run` arguments of `c`'s runtime (one argument each), typed options the release
 * lacks included: the namespace it joins first, then limits, kernel parameters, health,
 * logging, the user namespace.
 * @example runtimeArguments(vpnClient, releaseFacts("26.05")) // ["--network=container:gluetun"]
 */
export function runtimeArguments(r: PodmanRuntime, release: ReleaseFacts): string[] {
  const out: string[] = [];
  if (r.networkContainer !== undefined) out.push(`--network=container:${r.networkContainer}`);
  if (r.pod !== undefined) out.push(`--pod=${r.pod}`);
  if (r.privileged && !has(release, "privileged")) out.push("--privileged");
  for (const cap of Object.keys(r.capabilities).sort(byCodeUnit)) {
    if (!has(release, "capabilities")) out.push(`--cap-${r.capabilities[cap] ? "add" : "drop"}=${cap}`);
  }
  if (!has(release, "devices")) out.push(...r.devices.map((d) => `--device=${deviceSpec(d)}`));
  if (r.memory !== undefined) out.push(`--memory=${r.memory}`);
  if (r.memorySwap !== undefined) out.push(`--memory-swap=${r.memorySwap}`);
  if (r.cpus !== undefined) out.push(`--cpus=${r.cpus}`);
  if (r.pidsLimit !== undefined) out.push(`--pids-limit=${r.pidsLimit}`);
  if (r.shmSize !== undefined) out.push(`--shm-size=${r.shmSize}`);
  for (const key of Object.keys(r.sysctls).sort(byCodeUnit)) out.push(`--sysctl=${key}=${r.sysctls[key]}`);
  const h = r.healthCheck;
  if (h !== undefined) {
    out.push(`--health-cmd=${typeof h.cmd === "string" ? h.cmd : JSON.stringify(h.cmd)}`);
    if (h.interval !== undefined) out.push(`--health-interval=${h.interval}`);
    if (h.timeout !== undefined) out.push(`--health-timeout=${h.timeout}`);
    if (h.retries !== undefined) out.push(`--health-retries=${h.retries}`);
    if (h.startPeriod !== undefined) out.push(`--health-start-period=${h.startPeriod}`);
  }
  if (r.logDriver !== undefined && !has(release, "log-driver")) out.push(`--log-driver=${r.logDriver}`);
  for (const key of Object.keys(r.logOptions).sort(byCodeUnit)) out.push(`--log-opt=${key}=${r.logOptions[key]}`);
  if (r.userns !== undefined) out.push(`--userns=${r.userns}`);
  if (r.pull !== undefined && !has(release, "pull")) out.push(`--pull=${r.pull}`);
  return out;
}

/**
 * What `systemd.services.podman-<name>` gets from the runtime: `requires`/`after` the pod's unit,
 * and `Restart=` when it is not NixOS's `"always"` (forced: the module sets `"always"` at normal
 * priority, and two definitions of one systemd setting conflict).
 * @example runtimeUnit(member) // { units: ["podman-pod-media.service"], bindings: [] }
 */
export function runtimeUnit(c: PodmanContainer): { readonly units: readonly string[]; readonly bindings: readonly NixBinding[] } {
  const r = c.runtime;
  return {
    units: r.pod === undefined ? [] : [`${podUnit(r.pod)}.service`],
    bindings: r.restart === undefined || r.restart === "always" ? [] : [n.bind(["serviceConfig", "Restart"], n.call("lib.mkForce", r.restart))],
  };
}

/** The enabled Podman containers of the host by pod, pods sorted by name. */
function podMembers(ctx: RenderContext): Map<string, PodmanContainer[]> {
  const pods = new Map<string, PodmanContainer[]>();
  for (const c of ctx.containers) {
    if (!c.enable || c.backend !== "podman" || c.runtime.pod === undefined) continue;
    pods.set(c.runtime.pod, [...(pods.get(c.runtime.pod) ?? []), c]);
  }
  return new Map([...pods].sort(([a], [b]) => byCodeUnit(a, b)));
}

/**
 * `host.nix`'s pods: one oneshot unit per pod its enabled members name, creating the pod with
 * their published ports and networks (a member of a pod can publish nothing itself), replaced
 * when that changes (the members restart with it: they require the unit).
 * @example podUnits(ctx) // ["Podman pods, …", [systemd.services.podman-pod-media = { … }]]
 */
export function podUnits(ctx: RenderContext, networkUnit: (net: string) => string): [string | undefined, NixBinding[]] {
  const bindings: NixBinding[] = [];
  for (const [pod, members] of podMembers(ctx)) {
    const ports = members.flatMap((c) => c.ports.map((p) => `-p ${formatPublish(p)}`));
    const nets = sortedUnique(members.flatMap((c) => c.networks));
    const units = nets.map((net) => n.str(`${networkUnit(net)}.service`));
    const create = ["podman pod create --replace", `--name=${pod}`, ...ports, ...nets.map((net) => `--network=${net}`)];
    const value: NixBinding[] = [
      n.bind("description", `Podman pod ${pod} (${members.map((c) => c.name).join(", ")})`),
      ...(units.length === 0 ? [] : [n.bind("requires", n.list(units)), n.bind("after", n.list(units))]),
      n.bind("serviceConfig", n.attrs([n.bind("Type", "oneshot"), n.bind("RemainAfterExit", true)])),
      n.bind("path", n.list([n.select("config.virtualisation.podman.package")])),
      n.bind("script", n.indented(`${create.join(" ")}\n`)),
      n.bind("postStop", `podman pod rm -f --ignore ${pod}`),
    ];
    bindings.push(n.bind(["systemd", "services", podUnit(pod)], n.attrs(value)));
  }
  return [bindings.length === 0 ? undefined : "Podman pods, created with their members' published ports and networks; the members require their pod's unit", bindings];
}

/**
 * The owner of `c`'s network namespace, added to its `dependsOn` (After=/Requires= its unit).
 * @example namespaceOwner(qbittorrent) // ["gluetun"]
 */
export function namespaceOwner(c: PodmanContainer): readonly string[] {
  return c.runtime.networkContainer === undefined ? [] : [c.runtime.networkContainer];
}
