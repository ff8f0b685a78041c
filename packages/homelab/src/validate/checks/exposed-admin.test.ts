import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { chain, forwardAuth, headers, ipAllowList } from "../../builders/middleware.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const authelia = () => container("authelia", { ports: [9091], forwardAuth: { port: 9091 }, route: route({ subdomain: "auth", port: 9091, public: true }) });
const podman = (name: string, image: string, port: string, r: ReturnType<typeof route>, environment: Record<string, string> = {}) =>
  container(name, { backend: "podman", image, user: "1000", ports: [port], environment, route: r });

describe("admin-ui-public: reported", () => {
  test("an admin image, an admin NixOS service and Traefik's dashboard routed to the internet without auth", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        podman("adguard", "docker.io/adguard/adguardhome:v0.107.55", "127.0.0.1:3000:3000", route({ subdomain: "dns", port: 3000, public: true })),
        container("sonarr", { ports: [8989], config: { services: { sonarr: { enable: true } } }, route: route({ subdomain: "sonarr", port: 8989, public: true }) }),
      ],
      routes: [route({ subdomain: "traefik", to: "api@internal", public: true })],
    });
    expect(summary(lab, "admin-ui-public")).toEqual([
      "containers.adguard.routes[0] -> containers.adguard.image",
      "containers.sonarr.routes[0] -> containers.sonarr.config.services.sonarr.enable",
      "routes[0]",
    ]);
    const byPath = new Map(findings(lab, "admin-ui-public").map((d) => [d.path, d]));
    expect(byPath.get("containers.adguard.routes[0]")!.severity).toBe("warning");
    expect(byPath.get("containers.adguard.routes[0]")!.message).toBe(
      'dns.example.org routes the internet to AdGuard Home, an admin interface, without authentication: add auth (e.g. auth: "authelia") or a chain with forwardAuth(), or limit it to the LAN (clients: ["192.168.0.0/16"])',
    );
    expect(byPath.get("routes[0]")!.message).toContain("Traefik's API and dashboard (api@internal)");
  });
});

describe("admin-ui-public: not reported", () => {
  test("behind auth (directly or through a chain), LAN-only (clients or an allow-list), or not an admin app", () => {
    const secure = chain("secure", [headers("sec", { security: {} }), forwardAuth("authelia")]);
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        podman("portainer", "docker.io/portainer/portainer-ce:2.21.4", "127.0.0.1:9443:9443", route({ subdomain: "portainer", port: 9443, middlewares: [secure] })),
        podman("adguard", "docker.io/adguard/adguardhome:v0.107.55", "127.0.0.1:3000:3000", route({ subdomain: "dns", port: 3000, clients: ["192.168.1.0/24"], public: true })),
        container("radarr", { ports: [7878], config: { services: { radarr: { enable: true } } }, route: route({ subdomain: "radarr", port: 7878, public: true, middlewares: [ipAllowList("lan", ["192.168.0.0/16"])] }) }),
        container("hass", { ports: [8123], config: { services: { "home-assistant": { enable: true } } }, route: route({ subdomain: "hass", port: 8123, public: true }) }),
      ],
      routes: [route({ subdomain: "traefik", to: "api@internal", auth: "authelia" })],
    });
    expect(findings(lab, "admin-ui-public")).toEqual([]);
  });

  test("a host service running Cockpit routed by host port, behind auth; the same on the LAN only", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [authelia()],
      services: [service("cockpit", { ports: [{ port: 9090, address: "127.0.0.1" }], config: { services: { cockpit: { enable: true } } } })],
      routes: [route({ subdomain: "cockpit", to: { hostPort: 9090 }, auth: "authelia" }), route({ subdomain: "cockpit-lan", to: { hostPort: 9090 }, clients: ["10.0.0.0/8"], public: true })],
    });
    expect(findings(lab, "admin-ui-public")).toEqual([]);
  });
});

describe("open-signup-public", () => {
  test("Gitea with DISABLE_REGISTRATION = false and Vaultwarden with SIGNUPS_ALLOWED, routed to the internet without auth", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("gitea", { ports: [3000], config: { services: { gitea: { enable: true, settings: { service: { DISABLE_REGISTRATION: false } } } } }, route: route({ subdomain: "git", port: 3000, public: true }) }),
        podman("vaultwarden", "docker.io/vaultwarden/server:1.32.7", "127.0.0.1:8222:80", route({ subdomain: "vault", port: 8222, public: true }), { SIGNUPS_ALLOWED: "true" }),
      ],
    });
    expect(summary(lab, "open-signup-public")).toEqual([
      "containers.gitea.routes[0] -> containers.gitea.config.services.gitea.settings.service.DISABLE_REGISTRATION",
      "containers.vaultwarden.routes[0] -> containers.vaultwarden.environment.SIGNUPS_ALLOWED",
    ]);
    const gitea = findings(lab, "open-signup-public").find((d) => d.path === "containers.gitea.routes[0]")!;
    expect(gitea.severity).toBe("warning");
    expect(gitea.message).toBe(
      "git.example.org routes the internet to Gitea, which lets anyone sign up (services.gitea.settings.service.DISABLE_REGISTRATION = false), without authentication in front: close sign-up (invite users instead), add auth, or limit the route to the LAN",
    );
  });

  test("Vaultwarden's camel-case spelling in the NixOS module counts too", () => {
    const lab = testLab({
      traefik: traefik(),
      services: [service("vaultwarden", { ports: [{ port: 8222, address: "127.0.0.1" }], config: { services: { vaultwarden: { enable: true, config: { signupsAllowed: true } } } } })],
      routes: [route({ subdomain: "vault", to: { service: "vaultwarden", port: 8222 }, public: true })],
    });
    expect(summary(lab, "open-signup-public")).toEqual(["routes[0] -> services.vaultwarden.config.services.vaultwarden.config.signupsAllowed"]);
  });

  test("closed sign-up, sign-up behind auth, or on a LAN-only route: not reported", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        authelia(),
        container("gitea", { ports: [3000], config: { services: { gitea: { enable: true, settings: { service: { DISABLE_REGISTRATION: true } } } } }, route: route({ subdomain: "git", port: 3000, public: true }) }),
        container("forgejo", { ports: [3000], config: { services: { forgejo: { enable: true, settings: { service: { DISABLE_REGISTRATION: false } } } } }, route: route({ subdomain: "code", port: 3000, auth: "authelia" }) }),
        podman("vaultwarden", "docker.io/vaultwarden/server:1.32.7", "127.0.0.1:8222:80", route({ subdomain: "vault", port: 8222, clients: ["192.168.0.0/16", "fd00::/8"], public: true }), { SIGNUPS_ALLOWED: "true" }),
        // Unset: the app's default is not guessed.
        container("synapse", { ports: [8008], config: { services: { "matrix-synapse": { enable: true } } }, route: route({ subdomain: "matrix", port: 8008, public: true }) }),
      ],
    });
    expect(findings(lab, "open-signup-public")).toEqual([]);
  });
});
