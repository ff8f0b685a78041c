/**
 * admin-ui-public and open-signup-public against the patterns real homelabs use: an admin app
 * with its own login, the *arr apps' API routed without auth for mobile apps, a sign-up that
 * only an SSO provider's users, an admin's confirmation or a token get through.
 */
import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import type { ConfigObject } from "../../schema/config.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
const pod = (name: string, image: string, port: number, environment: Record<string, string> = {}, extra: { path?: string; pathRegex?: string } = {}) =>
  container(name, { backend: "podman", image, user: "1000", ports: [`127.0.0.1:${port}:${port}`], environment, route: route({ subdomain: name, port, public: true, ...extra }) });
const nixos = (name: string, port: number, services: ConfigObject) => container(name, { ports: [port], config: { services }, route: route({ subdomain: name, port, public: true }) });

describe("admin-ui-public: an admin app's own login", () => {
  test("reported: the *arr login off for local addresses (the proxy is local) or left to a proxy, Pi-hole's password emptied, Dozzle and AdGuard Home without users", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        pod("sonarr", "lscr.io/linuxserver/sonarr:4.0.9", 8989, { SONARR__AUTH__METHOD: "Forms", SONARR__AUTH__REQUIRED: "DisabledForLocalAddresses" }),
        pod("prowlarr", "lscr.io/linuxserver/prowlarr:1.24.3", 9696, { PROWLARR__AUTH__METHOD: "External" }),
        nixos("radarr", 7878, { radarr: { enable: true, settings: { auth: { method: "Forms", required: "DisabledForLocalAddresses" } } } }),
        pod("pihole", "docker.io/pihole/pihole:2024.07.0", 8053, { WEBPASSWORD: "" }),
        pod("dozzle", "docker.io/amir20/dozzle:v8.5.0", 8081),
        nixos("adguard", 3000, { adguardhome: { enable: true, settings: { dns: { bind_hosts: ["127.0.0.1"] } } } }),
      ],
    });
    expect(summary(lab, "admin-ui-public")).toEqual([
      "containers.adguard.routes[0] -> containers.adguard.config.services.adguardhome.enable",
      "containers.dozzle.routes[0] -> containers.dozzle.image",
      "containers.pihole.routes[0] -> containers.pihole.image",
      "containers.prowlarr.routes[0] -> containers.prowlarr.image",
      "containers.radarr.routes[0] -> containers.radarr.config.services.radarr.enable",
      "containers.sonarr.routes[0] -> containers.sonarr.image",
    ]);
  });

  test("passes: the *arr Forms login required for every address, Portainer and Cockpit (always), Pi-hole's own password, Dozzle's and AdGuard Home's users", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        pod("sonarr", "lscr.io/linuxserver/sonarr:4.0.9", 8989, { SONARR__AUTH__METHOD: "Forms", SONARR__AUTH__REQUIRED: "Enabled" }),
        nixos("radarr", 7878, { radarr: { enable: true, settings: { auth: { method: "Basic" } } } }),
        pod("portainer", "docker.io/portainer/portainer-ce:2.21.4", 9443),
        pod("pihole", "docker.io/pihole/pihole:2024.07.0", 8053),
        pod("dozzle", "docker.io/amir20/dozzle:v8.5.0", 8081, { DOZZLE_AUTH_PROVIDER: "simple" }),
        nixos("adguard", 3000, { adguardhome: { enable: true, settings: { users: [{ name: "admin", password: "$2y$10$0123456789abcdefghijkuS1l0a4y7A1y2r3o4k5s6t7u8v9w0x1y2" }] } } }),
      ],
      services: [service("cockpit", { ports: [{ port: 9090, address: "127.0.0.1" }], config: { services: { cockpit: { enable: true } } } })],
      routes: [route({ subdomain: "cockpit", to: { hostPort: 9090 }, public: true })],
    });
    expect(findings(lab, "admin-ui-public")).toEqual([]);
  });

  test("the *arr API routed without auth for mobile apps (it always wants its key), beside the UI behind auth; the UI itself is reported", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("sonarr", {
          backend: "podman",
          image: "lscr.io/linuxserver/sonarr:4.0.9",
          user: "1000",
          ports: ["127.0.0.1:8989:8989"],
          routes: [
            route({ subdomain: "sonarr", port: 8989, auth: "authelia" }),
            route({ subdomain: "sonarr", port: 8989, path: "/api", public: true }),
            route({ subdomain: "sonarr", port: 8989, pathRegex: "^/api/v3/", public: true }),
            route({ subdomain: "sonarr", port: 8989, path: "/apiary", public: true }),
          ],
        }),
      ],
    });
    expect(summary(lab, "admin-ui-public")).toEqual(["containers.sonarr.routes[3] -> containers.sonarr.image"]);
  });
});

describe("open-signup-public: a sign-up other settings close again", () => {
  test("reported: Gitea's and Synapse's open registration on their own", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        nixos("gitea", 3000, { gitea: { enable: true, settings: { service: { DISABLE_REGISTRATION: false } } } }),
        nixos("matrix", 8008, { "matrix-synapse": { enable: true, settings: { enable_registration: true, registration_requires_token: false } } }),
        pod("forgejo", "codeberg.org/forgejo/forgejo:9.0.1", 3001, { FORGEJO__service__DISABLE_REGISTRATION: "false" }),
      ],
    });
    expect(summary(lab, "open-signup-public")).toEqual([
      "containers.forgejo.routes[0] -> containers.forgejo.environment.FORGEJO__service__DISABLE_REGISTRATION",
      "containers.gitea.routes[0] -> containers.gitea.config.services.gitea.settings.service.DISABLE_REGISTRATION",
      "containers.matrix.routes[0] -> containers.matrix.config.services.matrix-synapse.settings.enable_registration",
    ]);
  });

  test("passes: registration through an SSO provider only, an admin's confirmation, a registration token", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        nixos("gitea", 3000, { gitea: { enable: true, settings: { service: { DISABLE_REGISTRATION: false, ALLOW_ONLY_EXTERNAL_REGISTRATION: true } } } }),
        nixos("matrix", 8008, { "matrix-synapse": { enable: true, settings: { enable_registration: true, registration_requires_token: true } } }),
        pod("forgejo", "codeberg.org/forgejo/forgejo:9.0.1", 3001, { FORGEJO__service__DISABLE_REGISTRATION: "false", FORGEJO__service__REGISTER_MANUAL_CONFIRM: "true" }),
      ],
    });
    expect(findings(lab, "open-signup-public")).toEqual([]);
  });
});
