import type { DeployTool, Fleet, Homelab, Host, HostDefaults } from "../model/index.ts";
import { fleetSchema, type FleetOptions } from "../schema/fleet.ts";
import { secretBackendProblems } from "../schema/secret-backend.ts";
import { asRecord } from "../schema/problems.ts";
import type { SourceSite } from "../model/index.ts";
import { compareCodeUnits } from "../util/order.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { parseInput } from "./parse.ts";
import { sopsIdentityPaths, sopsSetup } from "./sops-setup.ts";
import { layoutOf } from "./layout.ts";

type Parsed = ReturnType<typeof fleetSchema.parse>;

function defaultsOf(d: Parsed["defaults"]): HostDefaults | undefined {
  if (d === undefined) return undefined;
  const n = d.nix;
  return {
    users: Object.entries(d.users ?? {})
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([name, u]) => ({ name, sshKeys: u.sshKeys ?? [], groups: [...new Set(u.groups ?? [])].sort(compareCodeUnits) })),
    rootSshKeys: d.rootSshKeys ?? [],
    ...optional(
      "nix",
      n === undefined
        ? undefined
        : {
            trustedUsers: n.trustedUsers ?? [],
            substituters: n.substituters ?? [],
            trustedPublicKeys: n.trustedPublicKeys ?? [],
            experimentalFeatures: n.experimentalFeatures ?? [],
            ...optional("gc", n.gc === undefined ? undefined : { dates: n.gc.dates, ...optional("options", n.gc.options) }),
            ...optional("autoOptimiseStore", n.autoOptimiseStore),
          },
    ),
    ...optional("timeZone", d.timeZone),
  };
}

/**
 * A homelab written as a fleet (`homelab({ hosts })`): its hosts in declaration order (render
 * and validate never depend on it), the fleet's deploy tools and defaults. Under sops-nix every
 * host decrypts with the keys `sops` names.
 */
export function fleetOf(options: FleetOptions, site: SourceSite): Homelab {
  const o = parseInput(fleetSchema, options, { label: callLabel("homelab"), site }, (raw) => secretBackendProblems(asRecord(raw) ?? {}));
  const sops = o.sops;
  const hosts: Host[] = o.hosts.map((h) => (sops === undefined ? h : branded("host", { ...h, identityPaths: sopsIdentityPaths(sops) })));
  const deploy = [...new Set(o.deploy ?? [])].sort(compareCodeUnits) as DeployTool[];
  const fleet: Fleet = { deploy, ...optional("defaults", defaultsOf(o.defaults)) };
  return branded("homelab", {
    kind: "homelab",
    domain: o.domain,
    hosts,
    secrets: sops === undefined ? { backend: "agenix", recipients: o.agenix?.recipients ?? {} } : sopsSetup(sops),
    layout: layoutOf(o.layout),
    fleet,
    site,
  } satisfies Homelab);
}
