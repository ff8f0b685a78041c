import { describe, expect, it } from "vitest";
import { parseAll } from "@nixjs/testkit";
import { suiteTree } from "../../../test-support/render/files.ts";
import { homelab, podman, secret, traefik } from "../../../test-support/render/model.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";
import { DEFAULT_TRAEFIK_IMAGE } from "./podman-model.ts";
import { podmanStaticConfig } from "./podman-mode.ts";

const cf = secret("cf-token");
const t = traefik({
  mode: "podman",
  podman: { image: DEFAULT_TRAEFIK_IMAGE, volumes: ["/opt/services/traefik/plugins:/plugins-local:ro"] },
  certResolver: "le",
  acme: { email: "admin@example.org", dnsProvider: "cloudflare" },
  environmentFiles: [cf],
});

describe("traefik({ mode: \"podman\" }): the Traefik container", () => {
  it("static configuration: the common one plus the Docker provider (nothing exposed by default) and the file provider", () => {
    expect(podmanStaticConfig(t, ["media", "web"])).toEqual({
      entryPoints: {
        web: { address: ":80", http: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } } },
        websecure: { address: ":443" },
      },
      certificatesResolvers: { le: { acme: { email: "admin@example.org", storage: "/var/lib/traefik/acme.json", dnsChallenge: { provider: "cloudflare" } } } },
      providers: { docker: { exposedByDefault: false, network: "media" }, file: { filename: "/etc/traefik/dynamic.yml" } },
    });
    expect(podmanStaticConfig(t, [])["providers"]).toEqual({ docker: { exposedByDefault: false }, file: { filename: "/etc/traefik/dynamic.yml" } });
  });

  const lab = homelab({ traefik: t, containers: [podman("idle", "docker.io/library/nginx:1.27", { networks: ["web"], user: "101" })] });
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (tx, d) => {
    texts = tx;
    dir = d;
  });

  it("writes containers/traefik.nix, which parses", () => {
    expect([...texts.keys()]).toContain("containers/traefik.nix");
    expect([...texts.keys()]).not.toContain("services/traefik.nix");
    parseAll([...texts.values()]);
  });

  it("evaluates in the stand-in NixOS: image, ports, the socket read-only, the generated files, state, secrets, Podman", () => {
    const oci = "config.virtualisation.oci-containers.containers.traefik";
    const v = stubEval(dir, {
      traefik: `{ inherit (${oci}) image ports environmentFiles extraOptions; }`,
      // A generated file is a store path (the stand-in's: /nix/store/<hash>-<name>-stub): kept as its name.
      volumes: `map (v: let m = builtins.match "/nix/store/[a-z0-9]+-([^:]*)-stub(:.*)" v; in if m == null then v else builtins.concatStringsSep "" m) ${oci}.volumes`,
      unit: "{ inherit (config.systemd.services.podman-traefik) requires after wantedBy; }",
      podman: "config.virtualisation.podman.enable",
      tmpfiles: "config.systemd.tmpfiles.rules",
      secret: "config.age.secrets.cf-token.path",
      firewall: "config.networking.firewall.allowedTCPPorts",
    });
    expect(v.traefik).toEqual({
      image: DEFAULT_TRAEFIK_IMAGE,
      ports: ["80:80", "443:443"],
      environmentFiles: ["/run/agenix/cf-token"],
      extraOptions: [],
    });
    expect(v.volumes).toEqual([
      "/run/podman/podman.sock:/var/run/docker.sock:ro",
      "traefik.yml:/etc/traefik/traefik.yml:ro",
      "traefik-dynamic.yml:/etc/traefik/dynamic.yml:ro",
      "/var/lib/traefik:/var/lib/traefik",
      "/opt/services/traefik/plugins:/plugins-local:ro",
    ]);
    expect(v.unit).toEqual({ requires: ["podman.socket"], after: ["network-online.target", "podman.socket"], wantedBy: ["multi-user.target"] });
    expect(v.podman).toBe(true);
    expect(v.tmpfiles).toContain("d /var/lib/traefik 0700 root root -");
    expect(v.secret).toBe("/run/agenix/cf-token");
    // Published Podman ports come in through Podman's rules: the host firewall is not opened for them.
    expect(v.firewall).not.toContain(443);
    expect(stubCheck(dir)).toEqual([]);
  });
});
