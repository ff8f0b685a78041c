import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { n } from "@nixjs/expr-printer";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { render, RenderError } from "./index.ts";
import { printAll, suiteTree } from "../../test-support/render/files.ts";
import { homelab, hostRef, nspawn, podman, secret, service, tcp, traefik, traefikRoute, udp } from "../../test-support/render/model.ts";
import { stubCheck, stubEval } from "../../test-support/render/stub.ts";

/**
 * The lab's "multi" and "web" guests pass `services.nginx.tokenFile`, `.upstream` and
 * `.upstreamUrl` through: options
 * NixOS's nginx module does not have, standing for a hand-written module's. Declared here so the
 * evaluation, like the user's machine with that module, knows them.
 */
const handWrittenNginxOptions = `{ lib, ... }: {
  containers.multi.config.options.services.nginx = {
    tokenFile = lib.mkOption { type = lib.types.str; };
    upstream = lib.mkOption { type = lib.types.str; };
    upstreamUrl = lib.mkOption { type = lib.types.str; };
  };
  containers.web.config.options.services.nginx.upstreamUrl = lib.mkOption { type = lib.types.str; };
}`;

/** Every option render knows, in one lab: what the seeds do not exercise. */
function featureLab() {
  return homelab({
    hostName: "lab",
    domain: "home.test",
    traefik: traefik({
      mode: "service",
      certResolver: "le",
      acme: { email: "a@home.test" },
      dashboard: true,
      // The resolver a route names besides the default (an unknown one is an error).
      certResolvers: [{ name: "other", email: "a@home.test", challenge: { kind: "tls" }, storage: "/var/lib/traefik/acme.json" }],
    }),
    modules: ["./hardware.nix"],
    containers: [
      // Addresses allocated from the pool; several routes and ports; a user override.
      nspawn("multi", {
        ports: [tcp(8080), tcp(9090), udp(5000)],
        forwardPorts: [
          { protocol: "udp", hostPort: 5000, containerPort: 5000 },
          { protocol: "tcp", hostPort: 2222, containerPort: 22 },
        ],
        privateUsers: 65536,
        extraOptions: { enableTun: true },
        secrets: [secret("multi-token")],
        routes: [
          traefikRoute("a", 8080, { public: true }),
          traefikRoute("b.other.test", 9090, { entryPoint: "web", public: true }),
          traefikRoute("home.test", 8080, { certResolver: "other", middlewares: ["headers"], public: true }),
        ],
        config: {
          networking: { useHostResolvConf: true },
          environment: { systemPackages: [n.select("pkgs.hello")] },
          services: {
            nginx: {
              tokenFile: secret("multi-token"),
              upstream: hostRef("networking", "hostName"),
              // Interpolated: a reference in the string, reaching the host from a guest function.
              upstreamUrl: n.str`http://${hostRef("networking", "hostName")}:80`,
            },
          },
        },
      }),
      // Identity user namespace: no id-mapped key mount needed.
      nspawn("ident", {
        hostAddress: "10.10.10.20",
        localAddress: "10.10.10.21",
        privateUsers: "identity",
        secrets: [secret("ident-key")],
        bindMounts: [{ mountPoint: "/data", isReadOnly: false }, { mountPoint: "/media", hostPath: "/srv/media", isReadOnly: true }],
      }),
      // Host network: a loopback listener behind the proxy, another opened on the host.
      nspawn("web", {
        network: "host",
        ports: [tcp(8000, "127.0.0.1"), tcp(8443)],
        routes: [traefikRoute("web", 8000, { public: true })],
        // A plain-set guest: the interpolated reference is the host's `config` as it is.
        config: { services: { nginx: { enable: true, upstreamUrl: n.str`http://${hostRef("networking", "hostName")}:8000` } } },
      }),
      podman("app", "docker.io/library/nginx:1.27", {
        ports: [
          { hostAddress: "0.0.0.0", hostPort: 8081, containerPort: 80, protocol: "tcp" },
          { hostAddress: "127.0.0.1", hostPort: 5353, containerPort: 53, protocol: "udp" },
        ],
        cmd: ["nginx", "-g", "daemon off;"],
        entrypoint: "/docker-entrypoint.sh",
        labels: { "traefik.enable": "false" },
        extraOptions: ["--memory=256m"],
        user: "101",
        category: "business",
        volumes: ["/opt/business/app/html:/usr/share/nginx/html:ro", "/opt/business/app/cache:/var/cache/nginx"],
        routes: [traefikRoute("app", 8081, { public: true })],
      }),
    ],
    services: [
      service("exporter", { ports: [tcp(9100), udp(9101, "127.0.0.1")], config: { services: { jellyfin: { enable: true } } } }),
      service("old", { enable: false, description: "Retired", config: { services: { postgresql: { enable: true } } } }),
    ],
  });
}

describe("render: every option, evaluated", () => {
  const lab = featureLab();
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
    // The hand-written module the lab lists in `modules`.
    writeFileSync(join(d, "hardware.nix"), "{ boot.loader.grub.enable = false; }\n");
  });

  it("parses and writes the expected files", () => {
    parseAll([...texts.values()]);
    expect([...texts.keys()]).toEqual([
      "containers/app.nix",
      "containers/ident.nix",
      "containers/multi.nix",
      "containers/web.nix",
      "flake.nix",
      "host.nix",
      "secrets/secrets.nix",
      "services/exporter.nix",
      "services/old.nix",
      "services/traefik.nix",
    ]);
    expect(texts.get("flake.nix")).toContain("./hardware.nix");
    expect(texts.get("flake.nix")).toContain("# ./services/old.nix (Retired)");
  });

  it("nspawn options: allocated addresses, forwardPorts, privateUsers, extra options, user overrides", () => {
    const v = stubEval(dir, {
      multi: `{ inherit (config.containers.multi) hostAddress localAddress privateUsers enableTun forwardPorts bindMounts; }`,
      guest: `let g = config.containers.multi.config; in {
        tcp = g.networking.firewall.allowedTCPPorts;
        udp = g.networking.firewall.allowedUDPPorts;
        resolv = g.networking.useHostResolvConf;
        resolved = g.services.resolved.enable;
        token = g.services.nginx.tokenFile;
        upstream = g.services.nginx.upstream;
        upstreamUrl = g.services.nginx.upstreamUrl;
        pkgs = map (p: p.pname) g.environment.systemPackages;
      }`,
      ident: `{ inherit (config.containers.ident) privateUsers bindMounts; }`,
    }, "lab", [handWrittenNginxOptions]);
    const key = "/persist/etc/ssh/ssh_host_ed25519_key";
    expect(v.multi).toMatchObject({
      privateUsers: 65536,
      enableTun: true,
      forwardPorts: [
        { protocol: "udp", hostPort: 5000, containerPort: null }, // null: the same as hostPort
        { protocol: "tcp", hostPort: 2222, containerPort: 22 },
      ],
      bindMounts: { [key]: { hostPath: key, mountPoint: `${key}:idmap`, isReadOnly: true } },
    });
    const { hostAddress, localAddress } = v.multi as { hostAddress: string; localAddress: string };
    expect(hostAddress).toMatch(/^10\.10\.10\.\d+$/);
    expect(localAddress).toMatch(/^10\.10\.10\.\d+$/);
    expect(v.guest).toEqual({
      tcp: [22, 8080, 9090],
      udp: [5000],
      resolv: true, // the user set it: DNS is theirs, no resolved (which would assert against it)
      token: "/run/agenix/multi-token",
      resolved: false,
      upstream: "lab", // a host reference from a function-form guest reaches the host
      upstreamUrl: "http://lab:80",
      pkgs: ["hello"],
    });
    expect(texts.get("containers/multi.nix")).toMatch(/config =\n\s+{ config, pkgs, ... }:\n/);
    expect(texts.get("containers/multi.nix")).toContain('upstreamUrl = "http://${hostConfig.networking.hostName}:80";');
    expect(texts.get("containers/web.nix")).toContain('upstreamUrl = "http://${config.networking.hostName}:8000";');
    expect(stubEval(dir, { url: "config.containers.web.config.services.nginx.upstreamUrl" }, "lab", [handWrittenNginxOptions]).url).toBe("http://lab:8000");
    expect(v.ident).toEqual({
      privateUsers: "identity",
      bindMounts: {
        [key]: { mountPoint: key, hostPath: null, isReadOnly: true },
        "/data": { mountPoint: "/data", hostPath: null, isReadOnly: false },
        "/media": { mountPoint: "/media", hostPath: "/srv/media", isReadOnly: true },
      },
    });
  });

  it("Traefik: suffixed routers and services, entry point web without TLS, TLS by default, dashboard", () => {
    const http = "config.services.traefik.dynamicConfigOptions.http";
    const v = stubEval(dir, {
      routers: `${http}.routers`,
      services: `builtins.mapAttrs (_: s: map (x: builtins.match "http://[0-9.]+(:.*)" x.url) s.loadBalancer.servers) ${http}.services`,
      api: "config.services.traefik.staticConfigOptions.api",
      acme: "config.services.traefik.staticConfigOptions.certificatesResolvers.le.acme",
    }, "lab", [handWrittenNginxOptions]);
    expect(v.routers).toEqual({
      "multi-a": { rule: "Host(`a.home.test`)", service: "multi-8080", entryPoints: ["websecure"], tls: { certResolver: "le" } },
      "multi-b-other-test": { rule: "Host(`b.other.test`)", service: "multi-9090", entryPoints: ["web"] },
      app: { rule: "Host(`app.home.test`)", service: "app", entryPoints: ["websecure"], tls: { certResolver: "le" } },
      web: { rule: "Host(`web.home.test`)", service: "web", entryPoints: ["websecure"], tls: { certResolver: "le" } },
      "multi-home-test": {
        rule: "Host(`home.test`)",
        service: "multi-8080",
        entryPoints: ["websecure"],
        middlewares: ["headers"],
        tls: { certResolver: "other" },
      },
    });
    expect(v.services).toEqual({
      app: [[":8081"]],
      "multi-8080": [[":8080"]],
      "multi-9090": [[":9090"]],
      web: [[":8000"]],
    });
    expect(v.api).toEqual({ dashboard: true });
    expect(v.acme).toEqual({ email: "a@home.test", storage: "/var/lib/traefik/acme.json", httpChallenge: { entryPoint: "web" } });
    expect(texts.get("containers/multi.nix")).toContain('rule = "Host(`${domain}`)";');
  });

  it("Podman: port specs, options, state directories owned by the image user", () => {
    const v = stubEval(dir, {
      ociApp: `{ inherit (config.virtualisation.oci-containers.containers.app) ports cmd entrypoint labels extraOptions user volumes; }`,
      app: `map (s: s.url) config.services.traefik.dynamicConfigOptions.http.services.app.loadBalancer.servers`,
      web: `map (s: s.url) config.services.traefik.dynamicConfigOptions.http.services.web.loadBalancer.servers`,
      tmpfiles: "config.systemd.tmpfiles.rules",
    }, "lab", [handWrittenNginxOptions]);
    expect(v.ociApp).toEqual({
      ports: ["8081:80", "127.0.0.1:5353:53/udp"],
      cmd: ["nginx", "-g", "daemon off;"],
      entrypoint: "/docker-entrypoint.sh",
      labels: { "traefik.enable": "false" },
      extraOptions: ["--memory=256m"],
      user: "101",
      volumes: ["/opt/business/app/html:/usr/share/nginx/html:ro", "/opt/business/app/cache:/var/cache/nginx"],
    });
    expect(v.app).toEqual(["http://127.0.0.1:8081"]);
    expect(v.web).toEqual(["http://127.0.0.1:8000"]);
    expect(v.tmpfiles).toEqual([
      "d /data - - - -",
      "d /opt/business/app 0755 101 root -",
      "d /opt/business/app/cache 0755 101 root -",
    ]);
  });

  it("host: firewall for host listeners off loopback and both proxies; host services", () => {
    const v = stubEval(dir, {
      tcp: "config.networking.firewall.allowedTCPPorts",
      udp: "config.networking.firewall.allowedUDPPorts",
      exporter: "config.services.jellyfin.enable",
      secrets: "builtins.attrNames config.age.secrets",
    }, "lab", [handWrittenNginxOptions]);
    expect(v).toEqual({ tcp: [80, 443, 8443, 9100], udp: [], exporter: true, secrets: [] });
    expect(stubCheck(dir, "lab", [handWrittenNginxOptions])).toEqual([]);
  });
});

describe("render: the rest of the contract", () => {
  it("only what is needed: no NAT, firewall, age or recipients without a reason", () => {
    const lab = homelab({ containers: [nspawn("solo", { network: "host" })] });
    const files = render(lab);
    expect([...files.keys()]).toEqual(["containers/solo.nix", "flake.nix", "host.nix"]);
    const host = printAll(files).get("host.nix") as string;
    for (const absent of ["nat", "firewall", "age.", "podman", "caddy", "tmpfiles"]) expect(host).not.toContain(absent);
  });

  it("a router on a TLS entry point without a resolver still gets `tls = { }`", () => {
    const lab = homelab({
      traefik: traefik({ mode: "service" }),
      containers: [nspawn("w", { hostAddress: "10.10.10.2", localAddress: "10.10.10.3", ports: [tcp(80)], routes: [traefikRoute("w", 80, { public: true })] })],
    });
    const text = printAll(render(lab)).get("containers/w.nix") as string;
    expect(text).toContain("tls = { };");
  });

  it("throws a RenderError listing validate's errors, unless told the lab is valid", () => {
    const lab = homelab({
      containers: [
        nspawn("a", { hostAddress: "10.10.10.2", localAddress: "10.10.10.3" }),
        nspawn("b", { hostAddress: "10.10.10.4", localAddress: "10.10.10.3" }),
      ],
    });
    expect(() => render(lab)).toThrow(RenderError);
    expect(() => render(lab)).toThrow(/10\.10\.10\.3/);
    expect(() => render(lab, { assumeValid: true })).not.toThrow();
  });

  it("writes the config file and command given in the header", () => {
    const files = render(homelab(), { configFile: "infra/lab.ts", command: "pnpm synth" });
    for (const file of files.values()) {
      expect(file.header).toEqual(["Generated by nixjs from infra/lab.ts; edit that file and run `pnpm synth` to regenerate."]);
    }
  });
});

describe("render: bad user data", () => {
  it("names the field of a value Nix cannot hold", () => {
    const bad = (config: Record<string, unknown>) => () =>
      render(homelab({ containers: [nspawn("x", { hostAddress: "10.10.10.2", localAddress: "10.10.10.3", config })] }));
    expect(bad({ services: { x: { when: new Date(0) } } })).toThrow(/containers\.x\.config\.services\.x\.when: a Date cannot be written as Nix/);
    expect(bad({ services: { x: { ratio: Number.NaN } } })).toThrow(/containers\.x\.config\.services\.x\.ratio: NaN has no Nix literal/);
  });
});
