/**
 * A fleet: several hosts in one config (`homelab({ hosts: [host("proxy", {…}), …] })`), how
 * each is reached and deployed, what every host gets, and what one host exports for another.
 */
import type { NixSelect } from "@nixjs/expr-printer";

/** A deploy tool whose flake outputs synth writes (`homelab({ deploy })`). */
export type DeployTool = "colmena" | "deploy-rs";

/**
 * How a host is reached and deployed: colmena's `deployment.*` and deploy-rs' node fields.
 * Absent fields take the tools' defaults (the host's name, `root`, port 22, build locally).
 */
export interface Deployment {
  /** SSH host name or address (colmena `targetHost`, deploy-rs `hostname`); default: the host's name. */
  readonly targetHost?: string;
  /** SSH user (colmena `targetUser`, deploy-rs `sshUser`); default `root`. */
  readonly targetUser?: string;
  /** SSH port (colmena `targetPort`, deploy-rs `sshOpts = [ "-p" "<port>" ]`); default 22. */
  readonly targetPort?: number;
  /** Build the system on the host itself (colmena `buildOnTarget`, deploy-rs `remoteBuild`). */
  readonly buildOnTarget: boolean;
  /** colmena tags (`colmena apply --on @<tag>`); sorted, unique. */
  readonly tags: readonly string[];
}

/** A login user every host gets (`users.users.<name>`, a normal user). */
export interface DefaultUser {
  readonly name: string;
  /** `openssh.authorizedKeys.keys`. */
  readonly sshKeys: readonly string[];
  /** `extraGroups`, e.g. `["wheel"]`; sorted, unique. */
  readonly groups: readonly string[];
}

/** `nix.settings` and `nix.gc` every host gets. */
export interface NixSettings {
  /** `nix.settings.trusted-users` (a deploying user must be trusted to copy closures). */
  readonly trustedUsers: readonly string[];
  /** `nix.settings.substituters` (binary caches). */
  readonly substituters: readonly string[];
  /** `nix.settings.trusted-public-keys`. */
  readonly trustedPublicKeys: readonly string[];
  /** `nix.settings.experimental-features`, e.g. `["nix-command", "flakes"]`. */
  readonly experimentalFeatures: readonly string[];
  /** `nix.gc`: automatic garbage collection, when given. */
  readonly gc?: { readonly dates: string; readonly options?: string };
  /** `nix.settings.auto-optimise-store`, when given. */
  readonly autoOptimiseStore?: boolean;
}

/** What every host of a fleet gets: rendered once, in `common.nix`, imported by every host. */
export interface HostDefaults {
  readonly users: readonly DefaultUser[];
  /** `users.users.root.openssh.authorizedKeys.keys`: who may deploy as root. */
  readonly rootSshKeys: readonly string[];
  readonly nix?: NixSettings;
  /** `time.timeZone`. */
  readonly timeZone?: string;
}

/** The fleet-level settings of a homelab written with `hosts`. */
export interface Fleet {
  /** The deploy tools whose outputs the flake gets; sorted, unique, possibly empty. */
  readonly deploy: readonly DeployTool[];
  readonly defaults?: HostDefaults;
}

/**
 * A value one host exports for others, rendered as a reference into the fleet's facts
 * (`fleet.hosts.nas.address`), never as a copied literal: `hostRef("nas").address`,
 * `hostRef("nas").container("jellyfin").address`. The fleet's facts file (`fleet.nix`) holds
 * the values; every host gets it as the module argument `fleet`.
 */
export type FleetRef = NixSelect & {
  /** The host whose value it is. */
  readonly fleetHost: string;
  /** The value: the host's LAN address, or a container's address on it. */
  readonly value: { readonly kind: "address" } | { readonly kind: "containerAddress"; readonly container: string };
};
