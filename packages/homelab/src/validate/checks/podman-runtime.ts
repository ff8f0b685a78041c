/**
 * What a container's runtime grants, typed or through `extraOptions`:
 * - `runtime-socket-writable` / `runtime-socket-mounted` / `runtime-socket-public`: the
 *   container runtime's API socket (Podman's or Docker's) mounted into a container. Whoever
 *   talks to it starts a privileged container and owns the host. A read-only mount does not
 *   help (connecting to a socket needs no write access to the mount), so it is still a warning,
 *   and an error when the container is routed beyond the LAN;
 * - `privileged-capabilities`: `privileged` with explicit capabilities, which then mean nothing;
 * - `device-everywhere`: one device in every Podman container (three or more), the mark of a
 *   shared default spreading `/dev/dri` to containers that never use it.
 */
import type { Located } from "../../facts/located.ts";
import type { Container, PodmanContainer } from "../../model/index.ts";
import { parseVolume } from "../../oci/volume.ts";
import { compareCodeUnits as byCodeUnit } from "../../util/order.ts";
import { at, type CheckContext } from "../context.ts";
import { isLanOnly } from "./route-scope.ts";

/** The runtime's API socket, or a directory holding it: `/run/podman/podman.sock`, `/var/run/docker.sock`, `/run/user/1000/podman`, `/run`. */
const RUNTIME_SOCKET = /^(\/var)?\/run(\/podman(\/podman\.sock)?|\/docker\.sock|\/user\/\d+(\/podman(\/podman\.sock)?|\/docker\.sock)?)?\/*$/;

/**
 * True for a host path that is (or holds) the container runtime's socket.
 * @example isRuntimeSocket("/var/run/docker.sock") // true
 */
export function isRuntimeSocket(hostPath: string): boolean {
  return RUNTIME_SOCKET.test(hostPath);
}

/** A host path mounted into a container. */
interface Mount {
  readonly source: string;
  readonly readOnly: boolean;
  readonly at: Located;
}

/** `-v=…`/`--volume=…` arguments in `extraOptions`, as volume specs. */
function volumeArgument(arg: string): string | undefined {
  return /^(-v|--volume)=/.exec(arg) === null ? undefined : arg.slice(arg.indexOf("=") + 1);
}

/** Every host path mounted into `c`: nspawn bind mounts, Podman volumes (typed or as arguments). */
function mounts(c: Container): Mount[] {
  if (c.backend === "nspawn") {
    return c.bindMounts.map((b) => ({ source: b.hostPath ?? b.mountPoint, readOnly: b.isReadOnly, at: at(c, "bindMounts", b.mountPoint) }));
  }
  const out: Mount[] = [];
  const add = (spec: string | undefined, where: Located): void => {
    const v = spec === undefined ? undefined : parseVolume(spec);
    if (v !== undefined && v.hostPath) out.push({ source: v.source, readOnly: v.readOnly, at: where });
  };
  c.volumes.forEach((spec, i) => add(spec, at(c, "volumes", i)));
  c.extraOptions.forEach((arg, i) => add(volumeArgument(arg), at(c, "extraOptions", i)));
  return out;
}

/** The routes reaching `c` that admit clients beyond the LAN. */
function publicRoutes(ctx: CheckContext, c: Container): string[] {
  return ctx.facts.routes
    .filter((r) => ((r.target.kind === "container" && r.target.container === c) || (r.target.kind === "podman" && r.target.container === c.name)) && !isLanOnly(r.route))
    .map((r) => r.host);
}

function checkRuntimeSocket(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    for (const m of mounts(c)) {
      if (!isRuntimeSocket(m.source)) continue;
      const risk = `whoever controls ${c.name} can start a privileged container and so owns the host`;
      const instead = "give it a socket proxy that allows only the API calls it needs, or drop the mount";
      const routed = publicRoutes(ctx, c);
      if (routed.length > 0) {
        ctx.report.error("runtime-socket-public", m.at, `${c.name} is routed beyond the LAN (${routed.join(", ")}) and mounts the container runtime's socket ${m.source}: ${risk}, and anyone who breaks into it from the internet does; ${instead}, or restrict the route to LAN clients`);
      } else if (!m.readOnly) {
        ctx.report.error("runtime-socket-writable", m.at, `${c.name} mounts the container runtime's socket ${m.source} writable: ${risk}; ${instead}`);
      } else {
        ctx.report.warning("runtime-socket-mounted", m.at, `${c.name} mounts the container runtime's socket ${m.source} read-only, which does not limit the API (connecting needs no write access to the mount): ${risk}; ${instead}`);
      }
    }
  }
}

/** `c`'s capabilities, typed and as `--cap-add`/`--cap-drop` arguments, with where each is. */
function capabilities(c: PodmanContainer): { name: string; at: Located }[] {
  const typed = Object.keys(c.runtime.capabilities).map((name) => ({ name, at: at(c, "capabilities", name) }));
  const args = c.extraOptions.flatMap((arg, i) => {
    const m = /^--cap-(add|drop)=(.+)$/.exec(arg);
    return m === null ? [] : [{ name: m[2]!.replace(/^CAP_/, ""), at: at(c, "extraOptions", i) }];
  });
  return [...typed, ...args];
}

function checkPrivilegedCapabilities(c: PodmanContainer, ctx: CheckContext): void {
  const privileged = c.runtime.privileged ? at(c, "privileged") : undefined;
  const argument = c.extraOptions.findIndex((a) => a === "--privileged" || a === "--privileged=true");
  const where = privileged ?? (argument >= 0 ? at(c, "extraOptions", argument) : undefined);
  const caps = capabilities(c);
  if (where === undefined || caps.length === 0) return;
  const names = caps.map((x) => x.name).join(", ");
  ctx.report.warning(
    "privileged-capabilities",
    where,
    `${c.name} is privileged, which grants every capability: its capabilities (${names}) mean nothing, drops included; drop privileged and keep the capabilities it needs`,
    caps.map((x) => x.at),
  );
}

/** Host paths of `c`'s devices, typed and as `--device` arguments, with where each is. */
function devices(c: PodmanContainer): Map<string, Located> {
  const out = new Map<string, Located>();
  c.runtime.devices.forEach((d, i) => out.set(d.hostPath.replace(/\/+$/, ""), at(c, "devices", i)));
  c.extraOptions.forEach((arg, i) => {
    const m = /^--device=([^:]+)/.exec(arg);
    if (m !== null && !out.has(m[1]!.replace(/\/+$/, ""))) out.set(m[1]!.replace(/\/+$/, ""), at(c, "extraOptions", i));
  });
  return out;
}

/** Names for a message: all of them up to ten, then a count. */
function nameList(names: readonly string[]): string {
  return names.length <= 10 ? names.join(", ") : `${names.slice(0, 10).join(", ")} and ${names.length - 10} more`;
}

function checkDeviceEverywhere(podmans: readonly PodmanContainer[], ctx: CheckContext): void {
  if (podmans.length < 3) return;
  const each = podmans.map(devices);
  const [first, ...rest] = each;
  for (const [device, where] of first!) {
    if (!rest.every((d) => d.has(device))) continue;
    const names = podmans.map((c) => c.name).sort(byCodeUnit);
    const others = rest.map((d) => d.get(device)!);
    ctx.report.warning(
      "device-everywhere",
      where,
      `${device} is passed to every Podman container (${nameList(names)}), the mark of a shared default: give it only to the containers that use it (the media server that transcodes, not all ${names.length})`,
      others,
    );
  }
}

export function checkPodmanRuntime(ctx: CheckContext): void {
  checkRuntimeSocket(ctx);
  const podmans = ctx.facts.enabled.filter((c): c is PodmanContainer => c.backend === "podman");
  for (const c of podmans) checkPrivilegedCapabilities(c, ctx);
  checkDeviceEverywhere(podmans, ctx);
}
