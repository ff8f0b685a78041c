/**
 * Routes from one host's proxy to a container or service on another (`to: { host, … }`): the
 * homelab is a fleet, the host exists and is not the proxy's own, the target exists there and
 * is enabled, it serves the port on an address the proxy host reaches (not loopback, not only
 * inside a private network), both hosts have an address (the upstream and the firewall's
 * source filter need them), and — a note — the target host's firewall is off, so the opening
 * to the proxy host only does not hold (see {@link unfiltered}). The target is resolved as a same-host route's is
 * (`resolveTarget`), and its sockets are the target host's listeners (`hostListeners`).
 */
import { fleetFacts, type RemoteRoute } from "../../facts/fleet.ts";
import { isDnatPart } from "../../facts/fleet-dnat.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import { atContainer, atService, type Listener, type Located } from "../../facts/located.ts";
import { resolveTarget, servedPorts } from "../../facts/routes.ts";
import type { Container, Host, HostService, RouteTarget } from "../../model/index.ts";
import { isWildcardAddress } from "../../net/private-ranges.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

/** The route's location at a field of its `to`. */
const atTo = (r: RemoteRoute, field: "host" | "container" | "service" | "port"): Located => ({ ...r.route, path: [...r.route.path, "to", field] });

/** The target as a same-host route target on the target host, for `resolveTarget`. */
function localTarget(r: RemoteRoute): RouteTarget {
  return r.target.kind === "container"
    ? { kind: "container", container: r.target.name, port: r.port }
    : { kind: "service", service: r.target.name, port: r.port };
}

/**
 * True when nothing limits the port to the proxy host: the target host's firewall is off. Render
 * filters a port published through DNAT before the DNAT, in prerouting (`render/fleet/prerouting.ts`):
 * on an nftables host that table is loaded whatever `networking.firewall.enable` says; on an
 * iptables host its commands are `extraCommands`, which NixOS runs only with the firewall on, as
 * it loads the input-chain openings of host listeners (both backends) only then.
 */
function unfiltered(to: Host, part: Container | HostService): boolean {
  return to.firewall?.enable === false && !(to.network.nftables && isDnatPart(part));
}

/** How to make `l` reachable from other hosts, for `remote-port-unpublished`. */
function rebindHint(part: Container | HostService, l: Listener, address: string | undefined): string {
  const on = address === undefined ? "" : ` or ${address}`;
  if (part.kind !== "service" && part.backend === "podman" && part.network !== "host") {
    const p = part.ports.find((x) => x.hostPort === l.port && x.protocol === "tcp");
    const inner = p?.containerPort ?? l.port;
    return `publish it as "${l.port}:${inner}" (every address)${address === undefined ? "" : ` or "${address}:${l.port}:${inner}"`}`;
  }
  return `bind it to 0.0.0.0${on} (ports: [{ port: ${l.port}, address: "0.0.0.0" }])`;
}

/** True when another host reaches `l` at `address` (the host's LAN address). */
const reachableAt = (l: Listener, address: string | undefined): boolean => isWildcardAddress(l.address) || l.address === address;

/** The TCP ports other hosts reach `part` at, sorted: those of its listeners on `to` they reach. */
function reachablePorts(listeners: readonly Listener[], address: string | undefined): number[] {
  return [...new Set(listeners.filter((l) => l.protocol === "tcp" && reachableAt(l, address)).map((l) => l.port))].sort((a, b) => a - b);
}

function checkServed(ctx: FleetCheckContext, r: RemoteRoute, to: Host, part: Container | HostService): void {
  const report = ctx.report(r.from);
  const address = ctx.fleet.addresses.get(to);
  const kind = part.kind === "service" ? "service" : "container";
  const mine = hostFacts(ctx.lab, to).listeners.filter((l) => l.subject.kind === kind && l.subject.name === part.name);
  const onPort = mine.filter((l) => l.protocol === "tcp" && l.port === r.port);
  const related = [part.kind === "service" ? atService(part) : atContainer(part)];
  const what = `${kind} ${part.name} on ${to.name}`;
  const reachable = onPort.find((l) => reachableAt(l, address));
  if (reachable !== undefined) {
    if (unfiltered(to, part)) {
      report.note(
        "remote-port-unfiltered",
        atTo(r, "port"),
        `${r.route.host} reaches ${what} on port ${r.port}, but ${to.name}'s firewall is off (firewall: { enable: false }): its opening of ${r.port}/tcp to ${r.from.name}'s address only is not loaded, and every machine that reaches ${to.name} reaches the port (turn the firewall on to limit it)`,
        related,
      );
    }
    return;
  }
  const bound = onPort[0];
  if (bound !== undefined) {
    report.error(
      "remote-port-unpublished",
      atTo(r, "port"),
      `${r.route.host} routes to port ${r.port} of ${what}, which listens on ${bound.address} only: ${r.from.name} cannot reach it there; ${rebindHint(part, bound, address)}`,
      [bound],
    );
    return;
  }
  if (part.kind !== "service" && part.backend === "nspawn" && part.network === "private") {
    const forwarded = part.forwardPorts.find((f) => f.protocol === "tcp" && f.containerPort === r.port);
    if (forwarded !== undefined) {
      report.error("route-port-unserved", atTo(r, "port"), `${r.route.host} routes to port ${r.port} of ${what}, which ${to.name} forwards from its port ${forwarded.hostPort}: route to port ${forwarded.hostPort}`, related);
      return;
    }
    if (servedPorts(part)!.has(r.port)) {
      report.error(
        "remote-port-unpublished",
        atTo(r, "port"),
        `${r.route.host} routes to port ${r.port} of ${what}, which serves it inside its private network only (another host cannot reach its veth address): add forwardPorts: [{ hostPort: ${r.port}, containerPort: ${r.port} }] to ${part.name}`,
        related,
      );
      return;
    }
  }
  // What it binds is unknown (a host-network Podman container without listens, one sharing another's namespace).
  if (part.kind !== "service" && servedPorts(part) === undefined) return;
  const ports = reachablePorts(mine, address);
  report.error(
    "route-port-unserved",
    atTo(r, "port"),
    `${r.route.host} routes to port ${r.port} of ${what}, which does not serve it there: ${ports.length === 0 ? `publish ${r.port} on ${to.name}` : `route to one of [${ports.join(", ")}], or publish ${r.port}`}`,
    related,
  );
}

function checkRemoteRoute(ctx: FleetCheckContext, r: RemoteRoute): void {
  const report = ctx.report(r.from);
  if (ctx.lab.fleet === undefined) {
    report.error("fleet-required", atTo(r, "host"), `${r.route.host} routes to host "${r.toName}", but this homelab is one host (homelab({ hostName })): write it as a fleet, homelab({ hosts: [host("${r.from.name}", {…}), host("${r.toName}", {…})] }), or route to { ${r.target.kind}: "${r.target.name}", port: ${r.port} } on this host`);
    return;
  }
  const to = r.to;
  if (to === undefined) {
    const names = ctx.fleet.hosts.map((h) => `"${h.name}"`).join(", ");
    report.error("route-target-unknown", atTo(r, "host"), `${r.route.host} routes to host "${r.toName}", but the fleet has no host of that name: name one of ${names}`);
    return;
  }
  // Two hosts of that name: which one is meant is host-name-duplicate's finding.
  if ((ctx.fleet.byName.get(r.toName)?.length ?? 0) > 1) return;
  if (to === r.from) {
    report.warning(
      "remote-route-same-host",
      atTo(r, "host"),
      `${r.route.host} routes to ${r.target.kind} ${r.target.name} on its own proxy's host ${to.name} the cross-host way (through ${to.name}'s LAN address): route to { ${r.target.kind}: "${r.target.name}", port: ${r.port} }, which the same-host checks cover`,
    );
    return;
  }
  const resolved = resolveTarget(to, { ...r.route.route, target: localTarget(r) }, undefined);
  switch (resolved.kind) {
    case "container":
      checkServed(ctx, r, to, resolved.container);
      return;
    case "service":
      checkServed(ctx, r, to, resolved.service);
      return;
    case "missing": {
      const what = resolved.of;
      const why = resolved.disabled === undefined ? `${to.name} has no ${what} "${resolved.name}"` : `${what} "${resolved.name}" is disabled on ${to.name}`;
      const related = resolved.disabled === undefined ? [] : [resolved.disabled.kind === "service" ? atService(resolved.disabled) : atContainer(resolved.disabled)];
      report.error("route-target-unknown", atTo(r, what), `${r.route.host} routes to ${what} "${resolved.name}" on ${to.name}, but ${why}: enable it, or route elsewhere`, related);
      return;
    }
    default:
      return;
  }
}

/** Every cross-host route, in the fleet facts' order (by proxy host name, then declaration). */
export function checkRemoteRoutes(ctx: FleetCheckContext): void {
  for (const r of fleetFacts(ctx.lab).remoteRoutes) checkRemoteRoute(ctx, r);
}
