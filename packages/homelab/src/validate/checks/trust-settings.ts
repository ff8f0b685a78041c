/**
 * Apps' forwarded-header trust settings (which peers may set `X-Forwarded-For`), as NixOS
 * options of the app's module (for a NixOS container's guest or a host service) and as
 * environment variables of its OCI image. A small table on purpose: each entry is a setting
 * people set, with its source.
 */

/** Where a NixOS module keeps the setting. */
export interface NixosTrust {
  /** The service's `enable` option. */
  readonly enable: readonly string[];
  /** The option holding the trusted addresses (a list, or one string of several). */
  readonly path: readonly string[];
  /**
   * What is in effect when the option is unset, when that trusts loopback only, and whose
   * default it is (the app's, or the NixOS module's).
   */
  readonly unset?: { readonly value: string; readonly by: string };
  /** An option that must be `true` for the list to take effect. */
  readonly requires?: readonly string[];
}

/** Where an image takes the setting. */
export interface ImageTrust {
  /** Repository names (`imageIs`). */
  readonly images: readonly string[];
  /** The environment variable (commas and/or spaces between addresses). */
  readonly env: string;
}

export interface TrustSetting {
  readonly app: string;
  readonly nixos?: NixosTrust;
  readonly image?: ImageTrust;
  /** What goes wrong when the proxy is not trusted, for the message. */
  readonly effect: string;
}

const WRONG_CLIENT = "it takes the proxy for every client (client addresses in its logs, rate limits and bans are the proxy's)";

/** The table. Sources are given per entry. */
export const TRUST_SETTINGS: readonly TrustSetting[] = [
  {
    // nixpkgs nixos/modules/services/web-apps/nextcloud.nix: `settings.trusted_proxies` (listOf str);
    // docker-library nextcloud image README: TRUSTED_PROXIES (space-separated).
    app: "Nextcloud",
    nixos: { enable: ["services", "nextcloud", "enable"], path: ["services", "nextcloud", "settings", "trusted_proxies"] },
    image: { images: ["library/nextcloud", "nextcloud"], env: "TRUSTED_PROXIES" },
    effect: WRONG_CLIENT,
  },
  {
    // Home Assistant `http` integration: `trusted_proxies` only counts with `use_x_forwarded_for: true`,
    // and a forwarded request from an untrusted peer is refused (400 Bad Request). Its image has no
    // environment for it (configuration.yaml only).
    app: "Home Assistant",
    nixos: {
      enable: ["services", "home-assistant", "enable"],
      path: ["services", "home-assistant", "config", "http", "trusted_proxies"],
      requires: ["services", "home-assistant", "config", "http", "use_x_forwarded_for"],
    },
    effect: "it refuses every request the proxy forwards (400 Bad Request)",
  },
  {
    // Immich server config (server/src/repositories/config.repository.ts): IMMICH_TRUSTED_PROXIES,
    // comma-separated, default "linklocal,uniquelocal"; nixpkgs services.immich.environment.
    app: "Immich",
    nixos: { enable: ["services", "immich", "enable"], path: ["services", "immich", "environment", "IMMICH_TRUSTED_PROXIES"] },
    image: { images: ["immich-server"], env: "IMMICH_TRUSTED_PROXIES" },
    effect: WRONG_CLIENT,
  },
  {
    // Gitea modules/setting/security.go: [security] REVERSE_PROXY_TRUSTED_PROXIES, comma-separated,
    // "127.0.0.0/8,::1/128" when unset (the NixOS module leaves it unset); image: GITEA__security__….
    app: "Gitea",
    nixos: {
      enable: ["services", "gitea", "enable"],
      path: ["services", "gitea", "settings", "security", "REVERSE_PROXY_TRUSTED_PROXIES"],
      unset: { value: "127.0.0.0/8,::1/128", by: "Gitea's default" },
    },
    image: { images: ["gitea"], env: "GITEA__security__REVERSE_PROXY_TRUSTED_PROXIES" },
    effect: WRONG_CLIENT,
  },
  {
    // Forgejo: Gitea's setting (same default); image: FORGEJO__security__….
    app: "Forgejo",
    nixos: {
      enable: ["services", "forgejo", "enable"],
      path: ["services", "forgejo", "settings", "security", "REVERSE_PROXY_TRUSTED_PROXIES"],
      unset: { value: "127.0.0.0/8,::1/128", by: "Forgejo's default" },
    },
    image: { images: ["forgejo"], env: "FORGEJO__security__REVERSE_PROXY_TRUSTED_PROXIES" },
    effect: WRONG_CLIENT,
  },
  {
    // nixpkgs nixos/modules/services/web-apps/mastodon.nix: `trustedProxy` (default "127.0.0.1"),
    // written as TRUSTED_PROXY_IP, which replaces Rails' default list.
    app: "Mastodon",
    nixos: { enable: ["services", "mastodon", "enable"], path: ["services", "mastodon", "trustedProxy"], unset: { value: "127.0.0.1", by: "the NixOS module's default" } },
    image: { images: ["mastodon"], env: "TRUSTED_PROXY_IP" },
    effect: WRONG_CLIENT,
  },
];
