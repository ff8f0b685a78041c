/**
 * A homelab that keeps its secrets with sops-nix, for the sops backend's render tests: a
 * host-decrypted secret mounted into two containers (one with shifted UIDs), the same name
 * decrypted on the host for a service with its own owner, a guest-decrypted secret with a
 * numeric owner, and a secret beside the output directory (`../keys/…`).
 */
import { n } from "@nixjs/expr-printer";
import { container } from "../../src/builders/container.ts";
import { homelab } from "../../src/builders/homelab.ts";
import { secret } from "../../src/builders/secret.ts";
import { service } from "../../src/builders/service.ts";
import type { Homelab } from "../../src/model/index.ts";
import type { Release } from "../../src/releases/release.ts";

export const ADMIN = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
export const SERVER = "age1rgffpespcyjn0d8jglk7km9kfrfhdyev6camd3rck6pn8y47ze4sug23v3";

/** The sops lab, for `nixos` (the release every option is rendered for). */
export function sopsLab(nixos: Release, setup: { ageKeyFile?: string } = {}, layout: "flat" | "modules" = "flat"): Homelab {
  const token = secret("dns-token", { decrypt: "host", file: "../keys/dns-token.sops" });
  const grafanaAdmin = secret("grafana-admin", { owner: "grafana", mode: "0440", group: "grafana" });
  const backupKey = secret("backup-key", { file: "../keys/backup-key.sops" });
  const appDb = secret("app-db", { owner: "1000" });
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    nixos,
    network: { pool: "10.10.10.0/24" },
    layout,
    sops: { recipients: { admin: ADMIN, server: SERVER }, ...setup },
    containers: [
      container("ddns", { secrets: [token], config: { systemd: { services: { ddns: { serviceConfig: { LoadCredential: n.str(["token:", token.path]) } } } } } }),
      container("acme", {
        privateUsers: "pick",
        secrets: [token, appDb, secret("grafana-admin")],
        config: { environment: { variables: { TOKEN_FILE: token, DB_FILE: appDb.path, ADMIN_FILE: secret("grafana-admin").path } } },
      }),
    ],
    services: [
      service("grafana", {
        secrets: [grafanaAdmin, backupKey],
        config: {
          users: { users: { grafana: { isSystemUser: true, group: "grafana" } }, groups: { grafana: {} } },
          services: { openssh: { enable: true } },
          systemd: { services: { backup: { environment: { KEY: backupKey.path, ADMIN: grafanaAdmin.path } } } },
        },
      }),
    ],
  });
}
