/**
 * The server of this repository: NixOS containers (systemd-nspawn) behind Traefik, private
 * routes behind Authelia's forward-auth, secrets kept encrypted with agenix.
 *
 *   npm run synth   writes the NixOS flake it describes into server/ (commit it)
 *   npm run diff    shows what the next synth would change
 *   npm run watch   synthesises again whenever you save this file
 *
 * Every builder takes NixOS's own option names: hover one in your editor for its
 * documentation. Replace the example values (domain, keys, e-mail) with yours.
 */
import { n } from "@nixjs/expr-printer";
import { container, homelab, secret, service, traefik, traefikRoute } from "@nixjs/homelab";

/** The flake's `domain` argument: generated files refer to it instead of repeating it. */
const domain = n.id("domain");

// Secrets never have a value here: each is an age-encrypted file in server/secrets/
// (`npm run synth` warns about each missing one, with the command that creates it).
const autheliaUser = { owner: "authelia-main", group: "authelia-main", mode: "0400" } as const;
const autheliaJwt = secret("authelia-jwt", autheliaUser);
const autheliaStorage = secret("authelia-storage", autheliaUser);
const autheliaSession = secret("authelia-session", autheliaUser);
/** `CF_DNS_API_TOKEN=…`: lets Traefik answer Let's Encrypt's DNS challenge at Cloudflare. */
const cloudflareEnv = secret("traefik-cloudflare", { owner: "traefik" });

export default homelab({
  hostName: "server",
  domain: "example.org",
  stateVersion: "25.05",
  // Containers get addresses from this pool unless given some; NAT through this interface.
  network: { pool: "10.10.10.0/24", externalInterface: "enp1s0" },
  // Uncomment once server/hardware-configuration.nix exists (nixos-generate-config writes it).
  // modules: ["./hardware-configuration.nix"],
  agenix: {
    // The key the server decrypts with, and who may encrypt: your key and the server's
    // (`ssh-keyscan <server>` prints its ed25519 host key).
    identityPaths: ["/etc/ssh/ssh_host_ed25519_key"],
    recipients: {
      admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGm6rJ2bmNk3hK2vB7x8J3vXnPq0c1WqTqYx5b4f9Lc2 admin@laptop",
      server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL4d2VqzK8mX3cH0p9RkQ7tYwB1sF6uJ2nE5aG8hD0Vi root@server",
    },
  },
  // Traefik in its own container on the host network, on ports 80 and 443.
  traefik: traefik({
    entryPoint: "websecure",
    certResolver: "cloudflare",
    acme: { email: "admin@example.org", dnsProvider: "cloudflare" },
    environmentFiles: [cloudflareEnv],
  }),
  containers: [
    // Single sign-on: every route with `auth: "authelia"` goes through it first.
    container("authelia", {
      ports: [9091],
      secrets: [autheliaJwt, autheliaStorage, autheliaSession],
      forwardAuth: { port: 9091 },
      route: traefikRoute({ subdomain: "auth", port: 9091, public: true }),
      config: {
        services: {
          authelia: {
            instances: {
              main: {
                enable: true,
                secrets: {
                  jwtSecretFile: autheliaJwt.path,
                  storageEncryptionKeyFile: autheliaStorage.path,
                  sessionSecretFile: autheliaSession.path,
                },
                settings: {
                  server: { address: "tcp://0.0.0.0:9091/" },
                  authentication_backend: { file: { path: "/var/lib/authelia-main/users.yml" } },
                  access_control: { default_policy: "one_factor" },
                  session: { cookies: [{ domain, authelia_url: n.str`https://auth.${domain}` }] },
                  storage: { local: { path: "/var/lib/authelia-main/db.sqlite3" } },
                  notifier: { filesystem: { filename: "/var/lib/authelia-main/notifications.txt" } },
                },
              },
            },
          },
        },
      },
    }),
    // An application behind Authelia, at https://photos.example.org.
    container("immich", {
      privateUsers: "pick",
      ports: [2283],
      route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" }),
      config: { services: { immich: { enable: true, host: "0.0.0.0", port: 2283 } } },
    }),
  ],
  // SSH on the host: how you reach the server, and what creates the host key agenix
  // decrypts with (OpenSSH generates it on first start).
  services: [service("openssh", { config: { services: { openssh: { enable: true } } } })],
});
