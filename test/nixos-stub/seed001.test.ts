import { afterAll, describe, expect, it } from "vitest";
import { evalServer, evalServerAssertions, nixosReleases, ServerEvalError } from "./eval-server.ts";
import { cleanup, editedFixture, fixtureDir, replace, type Edit } from "./fixture-copy.ts";

// Seed 001: Podman containers behind Caddy, layout "modules" (options.nix + index.nix with
// `lib.mkIf cfg.enable`, a profile enabling them, Caddy routes in their own files).
const dir = fixtureDir("seed001");
const host = "server";
const oci = "virtualisation.oci-containers.containers";

afterAll(cleanup);

function failure(edits: Readonly<Record<string, Edit>>): string {
  const edited = editedFixture("seed001", edits);
  try {
    evalServerAssertions(edited, host);
  } catch (error) {
    expect(error).toBeInstanceOf(ServerEvalError);
    return (error as ServerEvalError).nixMessage;
  }
  throw new Error("expected the evaluation to fail");
}

describe("seed 001 fixture: the modules layout resolves", () => {
  it("turns each enabled module into its container, unit, route and state directory", () => {
    const v = evalServer(dir, host, {
      containers: oci,
      n8n: `${oci}.n8n`,
      n8nUnit: "systemd.services.podman-n8n",
      network: "systemd.services.podman-network-apps.script",
      vhosts: "services.caddy.virtualHosts",
      tmpfiles: "systemd.tmpfiles.rules",
      podman: "virtualisation.podman.enable",
      backend: "virtualisation.oci-containers.backend",
      firewall: "networking.firewall.allowedTCPPorts",
    });
    expect(Object.keys(v.containers as object)).toEqual(["n8n", "postgres", "sonarr"]);
    expect(v.n8n).toMatchObject({
      image: "docker.io/n8nio/n8n:1.64.0",
      ports: ["127.0.0.1:5678:5678"],
      environment: { N8N_HOST: "n8n.local", N8N_PORT: "5678", N8N_PROTOCOL: "http" },
      environmentFiles: ["/run/agenix/n8n-env"],
      extraOptions: ["--network=apps"],
      serviceName: "podman-n8n",
    });
    // dependsOn resolves to the other container's unit, as the 25.05 module does.
    expect(v.n8nUnit).toMatchObject({
      after: ["network-online.target", "podman-postgres.service"],
      requires: ["podman-postgres.service"],
      wantedBy: ["multi-user.target"],
    });
    expect(v.network).toMatch(/^\/nix\/store\/\w{32}-podman-stub\/bin\/podman network inspect apps/);
    const vhosts = v.vhosts as Record<string, { extraConfig: string }>;
    expect(Object.keys(vhosts)).toEqual(["n8n.local", "sonarr.local"]);
    expect(vhosts["sonarr.local"]?.extraConfig).toBe("reverse_proxy http://localhost:8989\n");
    expect([...(v.tmpfiles as string[])].sort()).toEqual([
      "d /opt/databases/postgres 0700 999 999 -",
      "d /opt/media/sonarr 0755 1000 1000 -",
      "d /opt/services/n8n 0755 1000 1000 -",
    ]);
    expect(v.podman).toBe(true);
    expect(v.backend).toBe("podman");
    expect(v.firewall).toEqual([80, 443]);
  });

  // The fixture is a faithful NixOS configuration for both releases (nothing it uses differs).
  it.each(nixosReleases)("checks the whole system as NixOS %s: no failed assertion, no warning", (release) => {
    expect(evalServerAssertions(dir, host, { release })).toEqual({ warnings: [] });
  });

  it("drops everything of a disabled module", () => {
    const edited = editedFixture("seed001", {
      "profiles/server.nix": replace("hwc.server.containers.sonarr.enable = true;", "hwc.server.containers.sonarr.enable = false;"),
    });
    const v = evalServer(edited, host, { containers: oci, vhosts: "services.caddy.virtualHosts", tmpfiles: "systemd.tmpfiles.rules" });
    expect(Object.keys(v.containers as object)).toEqual(["n8n", "postgres"]);
    expect(Object.keys(v.vhosts as object)).toEqual(["n8n.local"]);
    expect(v.tmpfiles).not.toContain("d /opt/media/sonarr 0755 1000 1000 -");
  });
});

describe("seed 001 fixture: the harness catches mistakes", () => {
  it("a failing secret-dependency assertion", () => {
    expect(failure({ "secrets/index.nix": replace('"n8n-env".file = ./n8n-env.age;', "") })).toBe(
      "Failed assertions:\n- hwc.server.containers.n8n requires secret 'n8n-env'",
    );
  });

  it("an environment value that is not a string", () => {
    expect(failure({ "containers/sonarr/index.nix": replace('PUID = "1000";', "PUID = 1000;") })).toContain(
      "A definition for option `virtualisation.oci-containers.containers.sonarr.environment.PUID' is not of type `string'. Definition values:\n- In `containers/sonarr/index.nix': 1000",
    );
  });

  it("a port option given a string in the profile", () => {
    expect(failure({ "profiles/server.nix": replace("hwc.server.containers.n8n.enable = true;", 'hwc.server.containers.n8n.enable = true;\n  hwc.server.containers.n8n.port = "5678";') })).toContain(
      "A definition for option `hwc.server.containers.n8n.port' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'. Definition values:\n- In `profiles/server.nix': \"5678\"",
    );
  });

  it("a module the profile enables but does not import", () => {
    const message = failure({ "profiles/server.nix": replace("    ../containers/sonarr/index.nix\n", "") });
    expect(message).toContain("The option `hwc.server.containers.sonarr' does not exist. Definition values:\n- In `profiles/server.nix'");
  });

  it("dependsOn naming a container that does not exist", () => {
    expect(failure({ "containers/n8n/index.nix": replace('dependsOn = [ "postgres" ];', 'dependsOn = [ "postgress" ];') })).toContain(
      "virtualisation.oci-containers.containers.n8n.dependsOn: `postgress' is not a container in virtualisation.oci-containers.containers (there are: n8n, postgres, sonarr)",
    );
  });

  it("an option of the oci module misspelt", () => {
    const message = failure({ "containers/postgres/index.nix": replace("environmentFiles = [", "environmentFile = [") });
    expect(message).toContain("The option `virtualisation.oci-containers.containers.postgres.environmentFile' does not exist.");
    expect(message).toContain("Did you mean `virtualisation.oci-containers.containers.postgres.environmentFiles'?");
  });

  it("a system without a platform", () => {
    expect(failure({ "host.nix": replace('nixpkgs.hostPlatform = "x86_64-linux";', "") })).toMatch(
      /^Neither nixpkgs.hostPlatform nor the legacy option nixpkgs.system has been set\./,
    );
  });

  it("a published port list given as one string", () => {
    expect(failure({ "containers/postgres/index.nix": replace('ports = [ "127.0.0.1:${toString cfg.port}:5432" ];', 'ports = "127.0.0.1:5432:5432";') })).toContain(
      "A definition for option `virtualisation.oci-containers.containers.postgres.ports' is not of type `list of string'.",
    );
  });
});
