/**
 * Apps that should not face the internet without a login in front: admin interfaces (by image
 * repository or NixOS service), and the settings that open an app's sign-up to anyone. Small
 * tables on purpose; each entry names its source.
 */
import type { OwnLogin } from "./exposed-login.ts";

/** An admin interface: whoever reaches it administers something (a DNS server, a container host). */
export interface AdminApp {
  readonly app: string;
  /** Image repositories (`imageIs`). */
  readonly images: readonly string[];
  /** The NixOS service's `enable` option, when nixpkgs has a module. */
  readonly nixos?: readonly string[];
  /** The login the app asks for itself, when it has one (`exposed-login.ts`). */
  readonly login?: OwnLogin;
  /** Path prefixes that always take a key of their own (the *arr apps' `/api`): a route limited to one is no admin UI. */
  readonly keyedPaths?: readonly string[];
}

/** The *arr apps: Servarr's own login, and an API that always wants its key (X-Api-Key). */
const servarr = (app: string, name: string): AdminApp => ({
  app,
  images: [name],
  nixos: ["services", name, "enable"],
  login: { kind: "servarr", app: name },
  keyedPaths: ["/api"],
});

/**
 * Admin interfaces. Home Assistant, Jellyfin and the like are not here: they are meant for
 * their users, who log in to them. The *arr apps are: they administer downloads and the media
 * library, and their usual "authentication disabled for local addresses" lets in everyone a
 * proxy on the same host forwards (the proxy's address is a local one).
 */
export const ADMIN_APPS: readonly AdminApp[] = [
  // AdGuard Home asks for a login once settings.users lists someone (the image's users live in
  // its volume, unseen; until its setup wizard has run, whoever comes first sets it up).
  { app: "AdGuard Home", images: ["adguard/adguardhome"], nixos: ["services", "adguardhome", "enable"], login: { kind: "whenSet", nixos: ["services", "adguardhome", "settings", "users"], off: [] } },
  // Pi-hole sets a random web password unless WEBPASSWORD (v5) / FTLCONF_webserver_api_password (v6) is empty.
  { app: "Pi-hole", images: ["pihole/pihole"], login: { kind: "unlessEmpty", env: ["WEBPASSWORD", "FTLCONF_webserver_api_password"] } },
  // Portainer asks for its admin account, and stops when none is created within minutes of its start.
  { app: "Portainer", images: ["portainer/portainer-ce", "portainer/portainer-ee", "portainer/portainer"], login: { kind: "always" } },
  // Cockpit logs in with the system's accounts (PAM).
  { app: "Cockpit", images: ["cockpit/ws"], nixos: ["services", "cockpit", "enable"], login: { kind: "always" } },
  // Dozzle's DOZZLE_AUTH_PROVIDER=simple (users.yml) or forward-proxy; none by default.
  { app: "Dozzle", images: ["amir20/dozzle"], login: { kind: "whenSet", env: "DOZZLE_AUTH_PROVIDER", off: ["none"] } },
  // Dockge: whoever reaches it first creates its admin account.
  { app: "Dockge", images: ["louislam/dockge"] },
  servarr("Sonarr", "sonarr"),
  servarr("Radarr", "radarr"),
  servarr("Lidarr", "lidarr"),
  servarr("Readarr", "readarr"),
  servarr("Prowlarr", "prowlarr"),
  // Bazarr is no Servarr app: its own auth lives in its config.yaml (a volume), unseen.
  { app: "Bazarr", images: ["bazarr"], nixos: ["services", "bazarr", "enable"], keyedPaths: ["/api"] },
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
  /**
   * Settings that, at `value`, close the open sign-up again: it admits only an SSO provider's
   * users, waits for an admin's confirmation, or wants a token.
   */
  readonly closedBy?: readonly SignupCloser[];
}

/** A setting that, at `value`, closes an open sign-up again. */
export interface SignupCloser {
  readonly nixos?: readonly string[];
  readonly env?: string;
  readonly value: boolean;
}

/** Gitea's and Forgejo's [service] settings that keep an open registration closed to strangers. */
const giteaClosers = (service: string, prefix: string): readonly SignupCloser[] =>
  ["ALLOW_ONLY_EXTERNAL_REGISTRATION", "REGISTER_MANUAL_CONFIRM"].map((key) => ({
    nixos: ["services", service, "settings", "service", key],
    env: `${prefix}__service__${key}`,
    value: true,
  }));

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
    // ALLOW_ONLY_EXTERNAL_REGISTRATION: sign-up through an OAuth2/OIDC source only; REGISTER_MANUAL_CONFIRM: an admin activates.
    closedBy: giteaClosers("gitea", "GITEA"),
  },
  {
    // Forgejo config cheat sheet, [service] DISABLE_REGISTRATION; image: FORGEJO__service__DISABLE_REGISTRATION.
    app: "Forgejo",
    nixos: { enable: ["services", "forgejo", "enable"], paths: [["services", "forgejo", "settings", "service", "DISABLE_REGISTRATION"]] },
    image: { images: ["forgejo"], env: "FORGEJO__service__DISABLE_REGISTRATION" },
    open: false,
    closedBy: giteaClosers("forgejo", "FORGEJO"),
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
    // registration_requires_token: only holders of a token an admin created sign up.
    closedBy: [{ nixos: ["services", "matrix-synapse", "settings", "registration_requires_token"], value: true }],
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
