/**
 * Apps that should not face the internet without a login in front: admin interfaces (by image
 * repository or NixOS service), and the settings that open an app's sign-up to anyone. Small
 * tables on purpose; each entry names its source.
 */

/** An admin interface: whoever reaches it administers something (a DNS server, a container host). */
export interface AdminApp {
  readonly app: string;
  /** Image repositories (`imageIs`). */
  readonly images: readonly string[];
  /** The NixOS service's `enable` option, when nixpkgs has a module. */
  readonly nixos?: readonly string[];
}

/**
 * Admin interfaces. Home Assistant, Jellyfin and the like are not here: they are meant for
 * their users, who log in to them. The *arr apps are: they administer downloads and the media
 * library, and their usual "authentication disabled for local addresses" lets in everyone a
 * proxy on the same host forwards (the proxy's address is a local one).
 */
export const ADMIN_APPS: readonly AdminApp[] = [
  { app: "AdGuard Home", images: ["adguard/adguardhome"], nixos: ["services", "adguardhome", "enable"] },
  { app: "Pi-hole", images: ["pihole/pihole"] },
  { app: "Portainer", images: ["portainer/portainer-ce", "portainer/portainer-ee", "portainer/portainer"] },
  { app: "Cockpit", images: ["cockpit/ws"], nixos: ["services", "cockpit", "enable"] },
  { app: "Dozzle", images: ["amir20/dozzle"] },
  { app: "Dockge", images: ["louislam/dockge"] },
  { app: "Sonarr", images: ["sonarr"], nixos: ["services", "sonarr", "enable"] },
  { app: "Radarr", images: ["radarr"], nixos: ["services", "radarr", "enable"] },
  { app: "Lidarr", images: ["lidarr"], nixos: ["services", "lidarr", "enable"] },
  { app: "Readarr", images: ["readarr"], nixos: ["services", "readarr", "enable"] },
  { app: "Prowlarr", images: ["prowlarr"], nixos: ["services", "prowlarr", "enable"] },
  { app: "Bazarr", images: ["bazarr"], nixos: ["services", "bazarr", "enable"] },
];

/** A setting that, at `open`, lets anyone create an account. */
export interface SignupSetting {
  readonly app: string;
  readonly nixos?: {
    readonly enable: readonly string[];
    /** The option (several: the module takes more than one spelling). */
    readonly paths: readonly (readonly string[])[];
  };
  readonly image?: { readonly images: readonly string[]; readonly env: string };
  /** The value that opens sign-up (`false` for a `DISABLE_REGISTRATION`). */
  readonly open: boolean;
}

/**
 * Open sign-up settings, read only when set (an app's default is not guessed). Not here:
 * Mastodon (registrations are a database setting of its admin UI) and Immich (no self sign-up;
 * OAuth auto-registration admits the provider's users only).
 */
export const SIGNUP_SETTINGS: readonly SignupSetting[] = [
  {
    // Gitea config cheat sheet, [service] DISABLE_REGISTRATION; image: GITEA__service__DISABLE_REGISTRATION.
    app: "Gitea",
    nixos: { enable: ["services", "gitea", "enable"], paths: [["services", "gitea", "settings", "service", "DISABLE_REGISTRATION"]] },
    image: { images: ["gitea"], env: "GITEA__service__DISABLE_REGISTRATION" },
    open: false,
  },
  {
    // Forgejo config cheat sheet, [service] DISABLE_REGISTRATION; image: FORGEJO__service__DISABLE_REGISTRATION.
    app: "Forgejo",
    nixos: { enable: ["services", "forgejo", "enable"], paths: [["services", "forgejo", "settings", "service", "DISABLE_REGISTRATION"]] },
    image: { images: ["forgejo"], env: "FORGEJO__service__DISABLE_REGISTRATION" },
    open: false,
  },
  {
    // Vaultwarden .env.template SIGNUPS_ALLOWED; nixpkgs services.vaultwarden.config takes it as
    // written or in camel case (signupsAllowed), converted to the variable.
    app: "Vaultwarden",
    nixos: {
      enable: ["services", "vaultwarden", "enable"],
      paths: [["services", "vaultwarden", "config", "SIGNUPS_ALLOWED"], ["services", "vaultwarden", "config", "signupsAllowed"]],
    },
    image: { images: ["vaultwarden/server"], env: "SIGNUPS_ALLOWED" },
    open: true,
  },
  {
    // Synapse configuration manual: enable_registration; nixpkgs services.matrix-synapse.settings.
    app: "Synapse",
    nixos: { enable: ["services", "matrix-synapse", "enable"], paths: [["services", "matrix-synapse", "settings", "enable_registration"]] },
    open: true,
  },
  {
    // Grafana configuration, [users] allow_sign_up; image: GF_USERS_ALLOW_SIGN_UP.
    app: "Grafana",
    nixos: { enable: ["services", "grafana", "enable"], paths: [["services", "grafana", "settings", "users", "allow_sign_up"]] },
    image: { images: ["grafana/grafana", "grafana/grafana-oss", "grafana/grafana-enterprise"], env: "GF_USERS_ALLOW_SIGN_UP" },
    open: true,
  },
  {
    // Mealie backend configuration ALLOW_SIGNUP; nixpkgs services.mealie.settings (environment).
    app: "Mealie",
    nixos: { enable: ["services", "mealie", "enable"], paths: [["services", "mealie", "settings", "ALLOW_SIGNUP"]] },
    image: { images: ["mealie-recipes/mealie", "hkotel/mealie"], env: "ALLOW_SIGNUP" },
    open: true,
  },
  {
    // Paperless-ngx configuration PAPERLESS_ACCOUNT_ALLOW_SIGNUPS; nixpkgs services.paperless.settings.
    app: "Paperless-ngx",
    nixos: { enable: ["services", "paperless", "enable"], paths: [["services", "paperless", "settings", "PAPERLESS_ACCOUNT_ALLOW_SIGNUPS"]] },
    image: { images: ["paperless-ngx/paperless-ngx"], env: "PAPERLESS_ACCOUNT_ALLOW_SIGNUPS" },
    open: true,
  },
];
