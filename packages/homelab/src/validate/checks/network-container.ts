/**
 * `network: { container }`: the owner of the shared network namespace is an enabled Podman
 * container with a namespace of its own (not the host's, not a pod's, not another's), and a
 * route to a container that shares it reaches a port the owner publishes.
 */
import type { PodmanContainer } from "../../model/index.ts";
import { at, type CheckContext } from "../context.ts";

/**
 * Why `owner` cannot lend its network namespace to `c`, or `undefined` when it can.
 * @example ownerProblem(ctx, qbittorrent, "gluetun") // undefined
 */
function ownerProblem(ctx: CheckContext, c: PodmanContainer, owner: string): { why: string; target?: PodmanContainer | undefined } | undefined {
  if (owner === c.name) return { why: "a container cannot share its own network namespace" };
  const named = ctx.facts.byName.get(owner)?.[0];
  if (named === undefined) return { why: `there is no container "${owner}"` };
  const target = named.backend === "podman" ? named : undefined;
  if (!named.enable) return { why: `container "${owner}" is disabled (enable it, or share another's network)`, target };
  if (named.backend !== "podman") return { why: `"${owner}" is an nspawn container; Podman shares only Podman containers' namespaces` };
  if (named.runtime.networkContainer !== undefined) {
    return { why: `"${owner}" itself shares "${named.runtime.networkContainer}"'s namespace: name "${named.runtime.networkContainer}" here`, target };
  }
  if (named.network === "host") return { why: `"${owner}" uses the host's network: say network: "host" (and listens) here instead`, target };
  if (named.runtime.pod !== undefined) return { why: `"${owner}" is in pod "${named.runtime.pod}": put this container in the pod instead (pod: "${named.runtime.pod}")`, target };
  return undefined;
}

export function checkNetworkContainer(ctx: CheckContext): void {
  const podmans = ctx.facts.enabled.filter((c): c is PodmanContainer => c.backend === "podman");
  for (const c of podmans) {
    const owner = c.runtime.networkContainer;
    if (owner === undefined) continue;
    const problem = ownerProblem(ctx, c, owner);
    if (problem !== undefined) {
      ctx.report.error("network-container-unknown", at(c, "network", "container"), `network: { container: "${owner}" }: ${problem.why}`, problem.target === undefined ? [] : [at(problem.target)]);
    }
  }
  // Routes to a container sharing a namespace: the proxy reaches it on the owner's published port.
  for (const r of ctx.facts.routes) {
    if (r.target.kind !== "container" || r.target.container.backend !== "podman") continue;
    const c = r.target.container;
    const ownerName = c.runtime.networkContainer;
    const owner = ownerName === undefined ? undefined : ctx.facts.byName.get(ownerName)?.[0];
    if (owner === undefined || owner.backend !== "podman" || !owner.enable || owner.runtime.networkContainer !== undefined) continue;
    const port = r.target.port;
    if (owner.ports.some((p) => p.protocol === "tcp" && p.hostPort === port)) continue;
    ctx.report.error(
      "route-port-unserved",
      r,
      `${r.host} goes to port ${port} of ${c.name}, which listens in "${owner.name}"'s network namespace: publish it there (ports: ["127.0.0.1:${port}:${port}"] on "${owner.name}")`,
      [at(owner, "ports")],
    );
  }
}
