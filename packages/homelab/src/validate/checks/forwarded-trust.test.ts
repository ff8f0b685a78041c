import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { service } from "../../builders/service.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const open = { public: true } as const;

describe("forwarded-header-trust: reported", () => {
  test("Nextcloud in a private NixOS container trusting 127.0.0.1: the proxy comes from the hostAddress", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("nextcloud", {
          hostAddress: "10.10.10.1",
          localAddress: "10.10.10.2",
          ports: [80],
          config: { services: { nextcloud: { enable: true, settings: { trusted_proxies: ["127.0.0.1"] } } } },
          route: route({ subdomain: "cloud", port: 80, ...open }),
        }),
      ],
    });
    expect(summary(lab, "forwarded-header-trust")).toEqual(["containers.nextcloud.config.services.nextcloud.settings.trusted_proxies -> containers.nextcloud.routes[0]"]);
    const [d] = findings(lab, "forwarded-header-trust");
    expect(d!.severity).toBe("warning");
    expect(d!.message).toBe(
      'Nextcloud believes forwarded client addresses (X-Forwarded-For) only from 127.0.0.1 (services.nextcloud.settings.trusted_proxies), but the proxy reaches it from 10.10.10.1 (the host\'s end of nextcloud\'s veth pair, its hostAddress), so it takes the proxy for every client (client addresses in its logs, rate limits and bans are the proxy\'s): add "10.10.10.1" to services.nextcloud.settings.trusted_proxies',
    );
  });

  test("Gitea with the setting unset: its default trusts loopback only", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [container("gitea", { hostAddress: "10.10.10.5", localAddress: "10.10.10.6", ports: [3000], config: { services: { gitea: { enable: true } } }, route: route({ subdomain: "git", port: 3000, ...open }) })],
    });
    const [d] = findings(lab, "forwarded-header-trust");
    expect(d!.path).toBe("containers.gitea.config.services.gitea.settings.security.REVERSE_PROXY_TRUSTED_PROXIES");
    expect(d!.message).toContain("only from 127.0.0.0/8, ::1/128 (services.gitea.settings.security.REVERSE_PROXY_TRUSTED_PROXIES is unset: Gitea's default)");
    expect(d!.message).toContain('add "10.10.10.5"');
  });

  test("Home Assistant with use_x_forwarded_for and loopback proxies refuses the proxy's requests", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("hass", {
          ports: [8123],
          config: { services: { "home-assistant": { enable: true, config: { http: { use_x_forwarded_for: true, trusted_proxies: ["127.0.0.1", "::1"] } } } } },
          route: route({ subdomain: "hass", port: 8123, ...open }),
        }),
      ],
    });
    const [d] = findings(lab, "forwarded-header-trust");
    expect(d!.path).toBe("containers.hass.config.services.home-assistant.config.http.trusted_proxies");
    expect(d!.message).toContain("it refuses every request the proxy forwards (400 Bad Request)");
  });

  test("an Immich Podman container trusting 127.0.0.1: the proxy comes from Podman's gateway", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("immich", {
          backend: "podman",
          image: "ghcr.io/immich-app/immich-server:v1.132.3",
          user: "1000",
          ports: ["127.0.0.1:2283:2283"],
          environment: { IMMICH_TRUSTED_PROXIES: "127.0.0.1" },
          route: route({ subdomain: "photos", port: 2283, ...open }),
        }),
      ],
    });
    expect(summary(lab, "forwarded-header-trust")).toEqual(["containers.immich.environment.IMMICH_TRUSTED_PROXIES -> containers.immich.routes[0]"]);
    expect(findings(lab, "forwarded-header-trust")[0]!.message).toContain('add "10.88.0.1" to IMMICH_TRUSTED_PROXIES');
  });

  test("on a custom Podman network the gateway is not known: the message says where to find it; Mastodon's NixOS default", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("nextcloud", {
          backend: "podman",
          image: "docker.io/library/nextcloud:30.0.4-apache",
          user: "33",
          networks: ["cloud"],
          ports: ["127.0.0.1:8080:80"],
          environment: { TRUSTED_PROXIES: "127.0.0.1 ::1" },
          route: route({ subdomain: "cloud", port: 8080, ...open }),
        }),
        container("mastodon", { ports: [55001], config: { services: { mastodon: { enable: true } } }, route: route({ subdomain: "social", port: 55001, ...open }) }),
      ],
    });
    const byPath = new Map(findings(lab, "forwarded-header-trust").map((d) => [d.path, d.message]));
    expect([...byPath.keys()].sort()).toEqual(["containers.mastodon.config.services.mastodon.trustedProxy", "containers.nextcloud.environment.TRUSTED_PROXIES"]);
    expect(byPath.get("containers.nextcloud.environment.TRUSTED_PROXIES")).toContain(
      "from the gateway of the Podman network cloud (podman network inspect cloud), which connections to a published port come from, so it takes the proxy for every client (client addresses in its logs, rate limits and bans are the proxy's): add that address to TRUSTED_PROXIES",
    );
    expect(byPath.get("containers.mastodon.config.services.mastodon.trustedProxy")).toContain("only from 127.0.0.1 (services.mastodon.trustedProxy is unset: the NixOS module's default)");
  });

  test("one finding per setting, naming every route to the app", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("gitea", {
          ports: [3000],
          config: { services: { gitea: { enable: true, settings: { security: { REVERSE_PROXY_TRUSTED_PROXIES: "127.0.0.1" } } } } },
          routes: [route({ subdomain: "git", port: 3000, ...open }), route({ host: "git.example.net", port: 3000, ...open })],
        }),
      ],
    });
    expect(summary(lab, "forwarded-header-trust")).toEqual([
      "containers.gitea.config.services.gitea.settings.security.REVERSE_PROXY_TRUSTED_PROXIES -> containers.gitea.routes[0], containers.gitea.routes[1]",
    ]);
  });
});

describe("forwarded-header-trust: the patterns real servers use are not reported", () => {
  test("the proxy's address trusted (a list or a string), or a network covering it", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("nextcloud", { hostAddress: "10.10.10.1", localAddress: "10.10.10.2", ports: [80], config: { services: { nextcloud: { enable: true, settings: { trusted_proxies: ["10.10.10.1"] } } } }, route: route({ subdomain: "cloud", port: 80, ...open }) }),
        container("gitea", { ports: [3000], config: { services: { gitea: { enable: true, settings: { security: { REVERSE_PROXY_TRUSTED_PROXIES: "127.0.0.0/8,10.10.10.0/24" } } } } }, route: route({ subdomain: "git", port: 3000, ...open }) }),
      ],
    });
    expect(findings(lab, "forwarded-header-trust")).toEqual([]);
  });

  test("apps reached over loopback (host network, host service) trusting 127.0.0.1 are right", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("hass", {
          network: "host",
          ports: [{ port: 8123, address: "127.0.0.1" }],
          config: { services: { "home-assistant": { enable: true, config: { http: { use_x_forwarded_for: true, trusted_proxies: ["127.0.0.1"] } } } } },
          route: route({ subdomain: "hass", port: 8123, ...open }),
        }),
      ],
      services: [service("forgejo", { ports: [{ port: 3000, address: "127.0.0.1" }], config: { services: { forgejo: { enable: true } } } })],
      routes: [route({ subdomain: "git", to: { service: "forgejo", port: 3000 }, ...open })],
    });
    expect(findings(lab, "forwarded-header-trust")).toEqual([]);
  });

  test("Home Assistant without use_x_forwarded_for, an app not routed, an unreadable value", () => {
    const lab = testLab({
      traefik: traefik(),
      containers: [
        container("hass", { ports: [8123], config: { services: { "home-assistant": { enable: true, config: { http: { trusted_proxies: ["127.0.0.1"] } } } } }, route: route({ subdomain: "hass", port: 8123, ...open }) }),
        container("gitea", { ports: [3000], config: { services: { gitea: { enable: true } } } }),
      ],
    });
    expect(findings(lab, "forwarded-header-trust")).toEqual([]);
  });
});
