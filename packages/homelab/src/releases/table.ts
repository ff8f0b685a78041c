/**
 * What differs between the supported NixOS releases, per option family: the one table the
 * renderer and the checks consult (the facts and their sources are in `docs/nixos/`). Adding a
 * release is an entry here (and in `release.ts`); a family that changes gets a field.
 */
import type { Release } from "./release.ts";

/** An option a release renamed: a definition of `from` warns and is forwarded to `to`. */
export interface RenamedOption {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** An option a release removed: a definition fails an assertion; `hint` says what to do. */
export interface RemovedOption {
  readonly path: readonly string[];
  readonly hint: string;
}

/** An option that does not exist yet in a release (it came in `since`). */
export interface LaterOption {
  readonly path: readonly string[];
  readonly since: Release;
}

/** The facts of one release nixjs renders and checks by. */
export interface ReleaseFacts {
  readonly release: Release;
  /**
   * `services.traefik`'s option names for the static and the dynamic configuration. The same
   * in 25.11 and 26.05: the `static.settings`/`dynamic.files` refactor (nixpkgs PR 482512)
   * was reverted (PR 490920) before 26.05 branched.
   */
  readonly traefik: { readonly static: string; readonly dynamic: string };
  readonly renamed: readonly RenamedOption[];
  readonly removed: readonly RemovedOption[];
  readonly later: readonly LaterOption[];
  /**
   * Services whose units run as a systemd `DynamicUser`: no static user of that name exists,
   * so a secret cannot be owned by it (systemd hands the unit its credentials as root).
   */
  readonly dynamicUsers: readonly { readonly user: string; readonly service: string }[];
  /**
   * `virtualisation.oci-containers.containers.<name>`'s typed runtime options: a Podman
   * setting the release has an option for is written there, otherwise as a `podman run`
   * argument in `extraOptions`. The same in 25.11 and 26.05 (nixpkgs'
   * `nixos/modules/virtualisation/oci-containers.nix`; `pod` and health checks have none).
   */
  readonly ociContainers: { readonly typed: readonly string[] };
}

const CLOUDFLARED_REMOVED: readonly RemovedOption[] = [
  { path: ["services", "cloudflared", "user"], hint: "cloudflared runs as a dynamic user since NixOS 25.05; drop the option" },
  { path: ["services", "cloudflared", "group"], hint: "cloudflared runs as a dynamic user since NixOS 25.05; drop the option" },
];

const COMMON = {
  traefik: { static: "staticConfigOptions", dynamic: "dynamicConfigOptions" },
  dynamicUsers: [{ user: "cloudflared", service: "services.cloudflared (each tunnel's unit)" }],
  ociContainers: { typed: ["capabilities", "devices", "privileged", "log-driver", "pull"] },
} as const;

const resolved = (name: string) => ["services", "resolved", name];

/** Every supported release's facts. */
export const RELEASES: { readonly [R in Release]: ReleaseFacts } = {
  "25.11": {
    release: "25.11",
    ...COMMON,
    renamed: [],
    removed: CLOUDFLARED_REMOVED,
    later: [
      { path: resolved("settings"), since: "26.05" },
      { path: ["services", "openssh", "generateHostKeys"], since: "26.05" },
    ],
  },
  "26.05": {
    release: "26.05",
    ...COMMON,
    renamed: [
      { from: resolved("fallbackDns"), to: [...resolved("settings"), "Resolve", "FallbackDNS"] },
      { from: resolved("domains"), to: [...resolved("settings"), "Resolve", "Domains"] },
      { from: resolved("llmnr"), to: [...resolved("settings"), "Resolve", "LLMNR"] },
      { from: resolved("dnssec"), to: [...resolved("settings"), "Resolve", "DNSSEC"] },
      { from: resolved("dnsovertls"), to: [...resolved("settings"), "Resolve", "DNSOverTLS"] },
    ],
    removed: [...CLOUDFLARED_REMOVED, { path: resolved("extraConfig"), hint: "write resolved.conf through services.resolved.settings" }],
    later: [],
  },
};

/**
 * The facts of a release.
 * @example releaseFacts("26.05").traefik.dynamic // "dynamicConfigOptions"
 */
export function releaseFacts(release: Release): ReleaseFacts {
  return RELEASES[release];
}
