import type { Deployment, Host } from "../model/index.ts";
import { hostSchema, type HostOptions } from "../schema/fleet.ts";
import { hostProblems } from "../schema/host.ts";
import { hostName } from "../schema/primitives.ts";
import { asRecord } from "../schema/problems.ts";
import { captureSite } from "../site/capture.ts";
import { compareCodeUnits } from "../util/order.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { DEFAULT_IDENTITY_PATHS, hostOf } from "./homelab.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

/**
 * One machine of a fleet: what `homelab({ hostName, … })` says of its one host (release,
 * network, firewall, proxies, containers, services, routes, flake extras), plus how other hosts
 * reach it (`address`), the key its secrets are encrypted to (`hostKey`) and how colmena and
 * deploy-rs deploy it (`deployment`). Give the hosts to `homelab({ hosts })`.
 *
 * @example
 * host("nas", {
 *   stateVersion: "25.05", address: "192.168.1.10", hostKey: "ssh-ed25519 AAAA… root@nas",
 *   deployment: { targetHost: "nas.lan", tags: ["storage"] },
 *   containers: [container("jellyfin", { backend: "podman", image: "jellyfin/jellyfin:10.10.3", ports: ["8096:8096"] })],
 * })
 */
export function host(name: string, options: HostOptions): Host {
  const site = captureSite(host);
  const standIn = () => ({ name, containers: [], services: [], routes: [], proxies: [], site });
  return guarded("host", standIn, () => {
    const call = { label: callLabel("host", name), site };
    const o = parseInput(hostSchema, options, call, (raw) => hostProblems(asRecord(raw) ?? {}), argumentProblems(hostName, name, "name"));
    const d = o.deployment;
    const deployment: Deployment | undefined =
      d === undefined
        ? undefined
        : {
            ...optional("targetHost", d.targetHost),
            ...optional("targetUser", d.targetUser),
            ...optional("targetPort", d.targetPort),
            buildOnTarget: d.buildOnTarget ?? false,
            tags: [...new Set(d.tags ?? [])].sort(compareCodeUnits),
          };
    const identityPaths = o.agenix?.identityPaths ?? [...DEFAULT_IDENTITY_PATHS];
    return branded("host", {
      ...hostOf(name, o, identityPaths, site),
      ...optional("address", o.address),
      ...optional("hostKey", o.hostKey),
      ...optional("deployment", deployment),
    } satisfies Host);
  });
}
