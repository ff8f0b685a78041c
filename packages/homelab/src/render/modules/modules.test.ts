import { rmSync } from "node:fs";
import { join } from "node:path";
import { nixEval, parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { render } from "../index.ts";
import { nixString, printAll, suiteTree, writeTree } from "../../../test-support/render/files.ts";
import { HASH, seed000, seed001 } from "../../../test-support/render/labs.ts";
import { homelab } from "../../../test-support/render/model.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";

describe("render, modules layout: seed 001 (Podman behind Caddy, options per container, a profile)", () => {
  const lab = seed001();
  const files = render(lab);
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => ((texts = t), (dir = d)), files);

  it("writes options.nix and index.nix per container, Caddy routes, the profile", () => {
    expect([...files.keys()]).toEqual([
      "containers/authelia/index.nix",
      "containers/authelia/options.nix",
      "containers/caddy/routes/authelia.nix",
      "containers/caddy/routes/n8n.nix",
      "containers/caddy/routes/sonarr.nix",
      "containers/dns/index.nix",
      "containers/dns/options.nix",
      "containers/n8n/index.nix",
      "containers/n8n/options.nix",
      "containers/postgres/index.nix",
      "containers/postgres/options.nix",
      "containers/radarr/index.nix",
      "containers/radarr/options.nix",
      "containers/sonarr/index.nix",
      "containers/sonarr/options.nix",
      "flake.nix",
      "host.nix",
      "profiles/server.nix",
      "secrets/secrets.nix",
    ]);
    parseAll([...texts.values()]);
  });

  it("evaluates as a whole NixOS system, no warnings", () => {
    expect(stubCheck(dir)).toEqual([]);
  });

  it("options.nix declares enable, port and domain under the namespace", () => {
    const v = stubEval(dir, {
      sonarr: "config.hwc.server.containers.sonarr",
      postgres: "config.hwc.server.containers.postgres",
      dns: "config.hwc.server.containers.dns",
      radarr: "config.hwc.server.containers.radarr.enable",
    });
    expect(v).toEqual({
      sonarr: { enable: true, port: 8989, domain: "sonarr.example.org" },
      postgres: { enable: true, port: 5432 },
      dns: { enable: true },
      radarr: false,
    });
  });

  it("index.nix defines the container under lib.mkIf cfg.enable, with cfg.port in its port spec", () => {
    const v = stubEval(dir, {
      names: "builtins.attrNames config.virtualisation.oci-containers.containers",
      sonarr: `{ inherit (config.virtualisation.oci-containers.containers.sonarr) image ports volumes environment environmentFiles; }`,
      n8n: `{ inherit (config.virtualisation.oci-containers.containers.n8n) extraOptions dependsOn user; }`,
      dns: "config.virtualisation.oci-containers.containers.dns.extraOptions",
      tmpfiles: "config.systemd.tmpfiles.rules",
      backend: "config.virtualisation.oci-containers.backend",
      podman: "config.virtualisation.podman.enable",
    });
    expect(v).toEqual({
      names: ["dns", "n8n", "postgres", "sonarr"],
      sonarr: {
        image: "lscr.io/linuxserver/sonarr:4.0.9",
        ports: ["127.0.0.1:8989:8989"],
        volumes: ["/opt/media/sonarr/config:/config", "/mnt/storage/media/tv:/tv", "/mnt/storage/media/library:/library:ro"],
        environment: { PGID: "1000", PUID: "1000", TZ: "Europe/Berlin" },
        environmentFiles: ["/run/agenix/sonarr-env"],
      },
      n8n: { extraOptions: ["--network=apps"], dependsOn: ["postgres"], user: "1000:1000" },
      dns: ["--network=host"],
      // Each container module adds its own rules (module order: the profile's imports).
      tmpfiles: [
        "d /opt/services/n8n 0755 1000 1000 -",
        "d /opt/databases/postgres 0755 999 999 -",
        "d /opt/media/sonarr 0755 1000 1000 -",
        "d /opt/media/sonarr/config 0755 1000 1000 -",
      ],
      backend: "podman",
      podman: true,
    });
    expect(texts.get("containers/sonarr/index.nix")).toContain('"127.0.0.1:${toString cfg.port}:8989"');
  });

  it("custom networks: one oneshot unit that stays active, required and ordered before its containers", () => {
    const v = stubEval(dir, {
      net: `{ inherit (config.systemd.services.podman-network-apps) serviceConfig script; }`,
      n8n: `{ inherit (config.systemd.services.podman-n8n) requires after; }`,
    });
    expect(v.net).toEqual({
      serviceConfig: { Type: "oneshot", RemainAfterExit: true },
      script: "podman network exists apps || podman network create apps\n",
    });
    expect(v.n8n).toEqual({
      requires: ["podman-postgres.service", "podman-network-apps.service"],
      after: ["network-online.target", "podman-postgres.service", "podman-network-apps.service"],
    });
  });

  it("Caddy: the Caddyfile text is exactly what Caddy must read ($ and {$VAR} literal)", () => {
    const v = stubEval(dir, {
      hosts: "builtins.attrNames config.services.caddy.virtualHosts",
      sonarr: `config.services.caddy.virtualHosts."sonarr.example.org".extraConfig`,
      n8n: `config.services.caddy.virtualHosts."n8n.example.org".extraConfig`,
      snippets: "config.services.caddy.extraConfig",
      email: "config.services.caddy.email",
      tcp: "config.networking.firewall.allowedTCPPorts",
      udp: "config.networking.firewall.allowedUDPPorts",
      nat: "config.networking.nat.internalInterfaces",
      nft: "config.networking.nftables.enable",
    });
    expect(v).toEqual({
      hosts: ["auth.example.org", "n8n.example.org", "sonarr.example.org"],
      sonarr: `tls ops@example.org\nbasicauth {\n  alice ${HASH}\n}\nreverse_proxy 127.0.0.1:8989\n`,
      n8n: "import authelia\nreverse_proxy 127.0.0.1:5678\nencode zstd gzip\nheader X-Secret {$N8N_HEADER}\n",
      snippets:
        "(authelia) {\n  forward_auth 10.10.10.9:9091 {\n    uri /api/authz/forward-auth\n    copy_headers Remote-User Remote-Groups\n  }\n}\n",
      email: "admin@example.org",
      tcp: [80, 443],
      udp: [443],
      nat: ["ve-*"],
      nft: true,
    });
  });

  it("asserts the secrets a container needs, and a disabled container is off", () => {
    const v = stubEval(dir, {
      assertions: `builtins.filter (m: builtins.match ".*agenix secret.*" m != null) (map (a: a.message) config.assertions)`,
      secrets: "builtins.attrNames config.age.secrets",
    });
    expect(v.assertions).toEqual([
      "hwc.server.containers.n8n needs the agenix secret n8n-env (age.secrets.n8n-env, declared in host.nix)",
      "hwc.server.containers.postgres needs the agenix secret postgres-env (age.secrets.postgres-env, declared in host.nix)",
      "hwc.server.containers.sonarr needs the agenix secret sonarr-env (age.secrets.sonarr-env, declared in host.nix)",
    ]);
    expect(v.secrets).toEqual(["n8n-env", "postgres-env", "sonarr-env"]);
  });

  it("the assertion fires when the secret is missing", () => {
    const value = nixEval(`
      let m = import ${nixString(join(dir, "containers/sonarr/index.nix"))} {
        config = { hwc.server.containers.sonarr = { enable = true; port = 8989; }; age.secrets = { }; };
        lib.mkIf = cond: body: body;
      };
      in map (a: a.assertion) m.config.assertions`);
    expect(value).toEqual([false]);
  });

  it("the profile imports every module and switches each container", () => {
    const profile = texts.get("profiles/server.nix") as string;
    expect(profile).toContain("../containers/sonarr/index.nix");
    expect(profile).toContain("../containers/caddy/routes/sonarr.nix");
    expect(profile).toContain("# Not needed yet");
    const flake = texts.get("flake.nix") as string;
    expect(flake).toContain("./profiles/server.nix");
  });

  it("nspawn containers work in the modules layout too (guest firewall opens cfg.port)", () => {
    const v = stubEval(dir, {
      ports: "config.containers.authelia.config.networking.firewall.allowedTCPPorts",
      jwt: "config.containers.authelia.config.age.secrets.authelia-jwt.file",
      auth: `config.services.caddy.virtualHosts."auth.example.org".extraConfig`,
    });
    expect(v).toEqual({
      ports: [9091],
      jwt: "./secrets/authelia-jwt.age",
      auth: "reverse_proxy 10.10.10.9:9091\n",
    });
  });
});

describe("render, modules layout with the same lab flat", () => {
  it("the flat rendering of seed 001 evaluates too, Caddy sites in the containers' files", () => {
    const lab = seed001({ kind: "flat" });
    const texts = printAll(render(lab));
    const dir = writeTree(lab, texts);
    try {
      expect(stubCheck(dir)).toEqual([]);
      const v = stubEval(dir, {
        sonarr: `config.services.caddy.virtualHosts."sonarr.example.org".extraConfig`,
        tmpfiles: "config.systemd.tmpfiles.rules",
      });
      expect(v.sonarr).toBe(`tls ops@example.org\nbasicauth {\n  alice ${HASH}\n}\nreverse_proxy 127.0.0.1:8989\n`);
      expect(v.tmpfiles).toEqual([
        "d /opt/databases/postgres 0755 999 999 -",
        "d /opt/media/sonarr 0755 1000 1000 -",
        "d /opt/media/sonarr/config 0755 1000 1000 -",
        "d /opt/services/n8n 0755 1000 1000 -",
      ]);
      expect(texts.get("containers/sonarr.nix")).toContain('services.caddy.virtualHosts."sonarr.${domain}".extraConfig');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("render, modules layout of seed 000 (Traefik container, nspawn, routes under containers/traefik/routes)", () => {
  it("evaluates, the routes guarded by each container's enable", () => {
    const lab = seed000({ kind: "modules", namespace: "homelab.containers" });
    const files = render(lab);
    const texts = printAll(files);
    const dir = writeTree(lab, texts);
    try {
      expect([...files.keys()].filter((p) => p.startsWith("containers/traefik/"))).toEqual([
        "containers/traefik/index.nix",
        "containers/traefik/routes/adguard.nix",
        "containers/traefik/routes/authelia.nix",
        "containers/traefik/routes/immich.nix",
        "containers/traefik/routes/nextcloud.nix",
        "containers/traefik/routes/opencloud.nix",
        "containers/traefik/routes/vaultwarden.nix",
      ]);
      expect(stubCheck(dir)).toEqual([]);
      const http = "config.containers.traefik.config.services.traefik.dynamicConfigOptions.http";
      const v = stubEval(dir, {
        routers: `builtins.attrNames ${http}.routers`,
        immich: `${http}.routers.immich.rule`,
        url: `map (s: s.url) ${http}.services.immich.loadBalancer.servers`,
        containers: "builtins.attrNames config.containers",
        enabled: "builtins.mapAttrs (_: c: c.enable) config.homelab.containers",
        ports: "config.containers.immich.config.networking.firewall.allowedTCPPorts",
      });
      expect(v).toEqual({
        routers: ["adguard", "authelia", "immich", "opencloud", "vaultwarden"],
        immich: "Host(`photos.example.org`)",
        url: ["http://10.10.10.5:2283"],
        containers: ["adguard", "authelia", "immich", "opencloud", "traefik", "vaultwarden"],
        enabled: {
          adguard: true,
          authelia: true,
          immich: true,
          linkwarden: false,
          nextcloud: false,
          opencloud: true,
          vaultwarden: true,
        },
        ports: [2283],
      });
      expect(texts.get("containers/traefik/routes/immich.nix")).toContain('rule = "Host(`${cfg.domain}`)";');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
