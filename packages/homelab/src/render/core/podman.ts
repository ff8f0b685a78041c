import { n, type NixBinding, type NixExpr, type NixStringPart } from "@nixjs/expr-printer";
import type { PodmanContainer, PublishedPort } from "../../model/index.ts";
import { parseVolume } from "../../oci/volume.ts";
import { compareCodeUnits as byCodeUnit } from "../../util/order.ts";
import { DEFAULT_RELEASE } from "../../releases/release.ts";
import { releaseFacts, type ReleaseFacts } from "../../releases/table.ts";
import { dataToNix } from "./data.ts";
import { namespaceOwner, runtimeArguments, runtimeUnit, typedRuntime } from "./podman-runtime.ts";
import { addPodmanFiles } from "./files.ts";

/** The systemd unit that creates Podman network `net` (defined once, in `host.nix`). */
export function networkUnit(net: string): string {
  return `podman-network-${net}`;
}

/** The systemd unit NixOS runs a Podman container as (`serviceName`'s default). */
function containerUnit(name: string): string {
  return `podman-${name}`;
}

/**
 * A published port as Podman takes it: `127.0.0.1:8989:8989`, `8080:80` (every address),
 * `53:53/udp`. `hostPortExpr` replaces the host port by an expression (`cfg.port`).
 * @example portSpec({ hostAddress: "127.0.0.1", hostPort: 5432, containerPort: 5432, protocol: "tcp" })
 * // "127.0.0.1:5432:5432"
 */
export function portSpec(p: PublishedPort, hostPortExpr?: NixExpr): NixExpr {
  const parts: NixStringPart[] = [];
  if (p.hostAddress !== "0.0.0.0" && p.hostAddress !== "") {
    parts.push(p.hostAddress.includes(":") ? `[${p.hostAddress}]:` : `${p.hostAddress}:`);
  }
  parts.push(hostPortExpr === undefined ? String(p.hostPort) : n.call("toString", hostPortExpr));
  parts.push(`:${p.containerPort}`);
  if (p.protocol === "udp") parts.push("/udp");
  return n.str(parts);
}

/**
 * `virtualisation.oci-containers.containers.<name>` in seed 001's order. Networks are joined
 * with one `--network=<net>` argument each (`extraOptions` elements are single shell
 * arguments), which every NixOS release accepts (the `networks` option is 24.11+).
 * `mainPort`/`portExpr`: in the modules layout the route's published port is `cfg.port`.
 * `proxyLabels`: the labels a proxy reads its routes from (Traefik's), after the container's
 * own; one key in both is refused by validation (`traefik-label-name`).
 */
export function podmanValue(
  c: PodmanContainer,
  mainPort?: number,
  portExpr?: NixExpr,
  proxyLabels: readonly (readonly [string, NixExpr])[] = [],
  release: ReleaseFacts = releaseFacts(DEFAULT_RELEASE),
  imageExpr?: NixExpr,
): NixExpr {
  // A pod member's ports and networks are the pod's (`podUnits`): Podman refuses them on it.
  const inPod = c.runtime.pod !== undefined;
  const extraOptions = [
    ...(c.network === "host" ? ["--network=host"] : []),
    ...(inPod ? [] : c.networks.map((net) => `--network=${net}`)),
    ...runtimeArguments(c.runtime, release),
    ...c.extraOptions,
  ];
  const dependsOn = [...new Set([...c.dependsOn, ...namespaceOwner(c)])];
  const data: Record<string, unknown> = {
    image: imageExpr ?? c.image,
    ports:
      c.network === "host" || inPod || c.ports.length === 0
        ? undefined
        : c.ports.map((p) => portSpec(p, p.hostPort === mainPort ? portExpr : undefined)),
    volumes: volumes(c).length === 0 ? undefined : volumes(c),
    environment: Object.keys(c.environment).length === 0 ? undefined : sortedRecord(c.environment),
    environmentFiles: c.environmentFiles.length === 0 ? undefined : [...c.environmentFiles],
    extraOptions: extraOptions.length === 0 ? undefined : extraOptions,
    dependsOn: dependsOn.length === 0 ? undefined : dependsOn.sort(byCodeUnit),
    user: c.user,
    entrypoint: c.entrypoint,
    cmd: c.cmd.length === 0 ? undefined : [...c.cmd],
    labels: Object.keys(c.labels).length + proxyLabels.length === 0 ? undefined : sortedRecord({ ...c.labels, ...Object.fromEntries(proxyLabels) }),
    ...typedRuntime(c.runtime, release),
  };
  addPodmanFiles(data, c);
  return dataToNix(data, { hostConfig: "config", path: `containers.${c.name}` });
}

/** `/opt/<category>/<name>`, the container's state directory. */
function stateDir(c: PodmanContainer): string | undefined {
  return c.category === undefined ? undefined : `/opt/${c.category}/${c.name}`;
}

/**
 * The volumes as written, plus seed 001's default state mount `/opt/<category>/<name>:/config`
 * when the container has a category but no volume of its own under that directory (a state
 * directory nothing mounts would be useless).
 */
export function volumes(c: PodmanContainer): string[] {
  const dir = stateDir(c);
  if (dir === undefined) return [...c.volumes];
  const mounted = c.volumes.some((v) => {
    const src = parseVolume(v)?.source ?? "";
    return src === dir || src.startsWith(`${dir}/`);
  });
  return mounted ? [...c.volumes] : [`${dir}:/config`, ...c.volumes];
}

function sortedRecord<V>(record: { readonly [k: string]: V }): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(record).sort(byCodeUnit)) out[k] = record[k] as V;
  return out;
}

/**
 * `systemd.services.podman-<name>`: start after the networks it joins exist (a pod member:
 * after its pod, which joins them), and the runtime's `Restart=`.
 */
export function networkDependencies(c: PodmanContainer): NixBinding[] {
  const runtime = runtimeUnit(c);
  const names = c.runtime.pod === undefined ? [...new Set(c.networks)].sort(byCodeUnit).map((net) => `${networkUnit(net)}.service`) : [];
  const units = [...names, ...runtime.units].map((u) => n.str(u));
  const value = [
    ...(units.length === 0 ? [] : [n.bind("requires", n.list(units)), n.bind("after", n.list(units))]),
    ...runtime.bindings,
  ];
  const path = ["systemd", "services", containerUnit(c.name)];
  const [only] = value;
  // One setting: written as one attribute path, the way the rest of the file is.
  if (value.length === 1 && only !== undefined && only.kind === "binding") return [n.bind([...path, ...only.path], only.value)];
  return value.length === 0 ? [] : [n.bind(path, n.attrs(value))];
}

/** Owner of a state directory: `PUID`/`PGID`, else the numeric `user`, else root. */
function owner(c: PodmanContainer): [string, string] {
  const [uid, gid] = (c.user ?? "").split(":");
  const numeric = (s: string | undefined): string | undefined => (s !== undefined && /^\d+$/.test(s) ? s : undefined);
  return [
    c.environment["PUID"] ?? numeric(uid) ?? "root",
    c.environment["PGID"] ?? numeric(gid) ?? "root",
  ];
}

/**
 * `systemd.tmpfiles.rules` for a Podman container's state: its category directory
 * `/opt/<category>/<name>` and every writable volume source below it, owned by the user the
 * image runs as (Podman does not create bind-mount sources; a missing one fails the start).
 */
export function podmanStateRules(c: PodmanContainer): string[] {
  const base = stateDir(c);
  if (base === undefined) return [];
  const dirs = new Set<string>([base]);
  for (const text of c.volumes) {
    const v = parseVolume(text);
    if (v === undefined || v.readOnly || !v.source.startsWith(`${base}/`)) continue;
    dirs.add(v.source.replace(/\/+$/, ""));
  }
  const [uid, gid] = owner(c);
  return [...dirs].sort(byCodeUnit).map((d) => `d ${d} 0755 ${uid} ${gid} -`);
}
