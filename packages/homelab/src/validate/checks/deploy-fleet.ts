/**
 * What breaks deploying a fleet with colmena or deploy-rs, before anyone runs them (issue 12).
 * Only mistakes real operators hit:
 * - a non-root deploy user nix does not trust, with the system built locally: both tools copy
 *   the closure as that user, and the target's nix-daemon refuses input-addressed paths without
 *   a signature from a trusted key ("lacks a signature by a trusted key"). With `buildOnTarget`
 *   only derivations are copied, which are content-addressed and need no signature;
 * - a non-root deploy user the fleet declares without `wheel`: activation runs through sudo
 *   (colmena's `privilegeEscalationCommand`, deploy-rs' `sudo -u root`), which NixOS grants
 *   to wheel only;
 * - a host of another system than most, built locally (note: the deploying machine needs
 *   `boot.binfmt.emulatedSystems` or a remote builder; nixjs cannot see which it has);
 * - two hosts deployed to one SSH destination: each deploy overwrites the other's system;
 * - a host named `defaults`, `meta` or `network` in a colmena hive: colmena reads it as the
 *   hive's own settings (eval.nix `reservedNames`) and never deploys it; `defaults` even applies
 *   that host's modules to every node;
 * - deployment settings in a fleet without deploy outputs (note: probably a forgotten `deploy`).
 * Tags are not checked: the builder keeps them sorted and unique, and a tag shared by hosts is
 * what tags are for.
 */
import type { Host } from "../../model/index.ts";
import { COLMENA_RESERVED_NAMES } from "../../deploy/colmena.ts";
import { majoritySystem, targetHost, targetUser } from "../../deploy/nodes.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { groupBy } from "../report.ts";
import { atHost } from "./fleet-at-host.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

const SSH_PORT = 22;

/** "host:port" as ssh reaches it (names are case-insensitive). */
function destination(host: Host): string {
  return `${targetHost(host).toLowerCase()}:${host.deployment?.targetPort ?? SSH_PORT}`;
}

function checkUser(ctx: FleetCheckContext, host: Host): void {
  const { lab } = ctx;
  const user = targetUser(host);
  if (user === "root") return;
  const defaults = lab.fleet?.defaults;
  const declared = defaults?.users.find((u) => u.name === user);
  const groups = declared?.groups ?? [];
  if (declared !== undefined && !groups.includes("wheel")) {
    ctx.report(host).warning(
      "deploy-user-no-sudo",
      atHost(host, "deployment", "targetUser"),
      `${host.name} is deployed as ${user}, who is not in the wheel group (defaults.users.${user}.groups): colmena (sudo -H --) and deploy-rs (sudo -u root) activate the system through sudo, which NixOS allows wheel only. Add "wheel" to its groups (and let it use sudo without a password: security.sudo.wheelNeedsPassword = false), or deploy as root`,
    );
  }
  if (host.deployment?.buildOnTarget === true) return;
  const trusted = defaults?.nix?.trustedUsers ?? ["root"];
  if (trusted.includes(user) || groups.some((g) => trusted.includes(`@${g}`))) return;
  ctx.report(host).warning(
    "deploy-user-untrusted",
    atHost(host, "deployment", "targetUser"),
    `${host.name} is deployed as ${user}, whom nix on ${host.name} does not trust (nix.settings.trusted-users: ${trusted.join(", ")}): the system is built locally and copied as ${user}, and the nix-daemon refuses paths that lack a signature by a trusted key. Add "${user}"${declared === undefined ? "" : ' (or "@wheel", with the user in wheel)'} to defaults.nix.trustedUsers, deploy as root, or set deployment.buildOnTarget: true (only derivations are copied then, which need no signature). (A hand-written module may already trust it; nixjs cannot see into it.)`,
  );
}

/**
 * The deploy checks of a fleet (nothing for a homelab written with `hostName`).
 * @example checkDeployFleet({ lab, fleet: fleetFacts(lab), report: (h) => reporters.get(h)! })
 */
export function checkDeployFleet(ctx: FleetCheckContext): void {
  const { lab } = ctx;
  const fleet = lab.fleet;
  if (fleet === undefined) return;
  const hosts = [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  if (fleet.deploy.length === 0) {
    for (const h of hosts) {
      if (h.deployment === undefined) continue;
      ctx.report(h).note(
        "deployment-unused",
        atHost(h, "deployment"),
        `${h.name} has deployment settings, but the fleet emits no deploy outputs, so nothing reads them (nixos-rebuild --target-host does not): add deploy: ["colmena"] or ["deploy-rs"] to homelab({ … }), or remove them`,
      );
    }
    return;
  }
  if (fleet.deploy.includes("colmena")) {
    for (const h of hosts.filter((x) => COLMENA_RESERVED_NAMES.includes(x.name))) {
      ctx.report(h).error(
        "deploy-reserved-name",
        atHost(h, "name"),
        `colmena reads a node named ${h.name} as the hive's own ${h.name === "defaults" ? "defaults (its modules would be applied to every other node)" : "meta settings"} and never deploys it: rename the host`,
      );
    }
  }
  for (const group of groupBy(hosts, destination).values()) {
    if (group.length < 2) continue;
    for (const h of group) {
      const others = group.filter((o) => o !== h);
      ctx.report(h).error(
        "deploy-target-duplicate",
        atHost(h, "deployment", "targetHost"),
        `${h.name} and ${others.map((o) => o.name).join(", ")} are deployed to one machine (${targetHost(h)}, port ${h.deployment?.targetPort ?? SSH_PORT}): each deploy would replace the other's system. Give each host its own targetHost`,
        others.map((o) => atHost(o, "deployment", "targetHost")),
      );
    }
  }
  const system = majoritySystem(hosts);
  for (const h of hosts) {
    if (h.system !== system && h.deployment?.buildOnTarget !== true) {
      ctx.report(h).note(
        "deploy-cross-system",
        atHost(h, "system"),
        `${h.name} is ${h.system} while most hosts are ${system}, and it is built where you deploy from: that machine needs to build ${h.system} (boot.binfmt.emulatedSystems = [ "${h.system}" ] on NixOS, or a remote builder), or set deployment.buildOnTarget: true to build on ${h.name} itself`,
      );
    }
    checkUser(ctx, h);
  }
}
