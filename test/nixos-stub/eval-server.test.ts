import { afterAll, describe, expect, it } from "vitest";
import { evalAll } from "../../packages/testkit/src/index.ts";
import { evalServer, evalServerAssertions, serverEvalSource, ServerEvalError } from "./eval-server.ts";
import { cleanup, editedFixture, fixtureDir, replace } from "./fixture-copy.ts";

// The helper's own contract: how paths are written, what values come back, the options.
const seed000 = fixtureDir("seed000");
const seed001 = fixtureDir("seed001");

afterAll(cleanup);

describe("evalServer", () => {
  it("takes attribute paths as Nix text (quoted segments) or as segment lists", () => {
    const v = evalServer(seed001, "server", {
      quoted: 'age.secrets."n8n-env".path',
      segments: ["age", "secrets", "n8n-env", "path"],
      withDot: ["services", "caddy", "virtualHosts", "n8n.local", "hostName"],
      quotedDot: 'services.caddy.virtualHosts."n8n.local".hostName',
    });
    expect(v).toEqual({
      quoted: "/run/agenix/n8n-env",
      segments: "/run/agenix/n8n-env",
      withDot: "n8n.local",
      quotedDot: "n8n.local",
    });
  });

  it("returns paths inside the flake as ./relative, packages as store paths, functions as a marker", () => {
    const fn = '{ lib, ... }: { options.f = lib.mkOption { type = lib.types.unspecified; default = x: x; }; }';
    const v = evalServer(
      seed001,
      "server",
      {
        file: 'age.secrets."n8n-env".file',
        podman: "virtualisation.podman.package",
        sonarr: "virtualisation.oci-containers.containers.sonarr.image",
        fn: "f",
      },
      { extraModules: [fn] },
    );
    expect(v.file).toBe("./secrets/n8n-env.age");
    expect(v.fn).toBe("<function>");
    expect(v.podman).toMatch(/^\/nix\/store\/[0-9a-f]{32}-podman-stub$/);
    expect(v.sonarr).toBe("lscr.io/linuxserver/sonarr:4.0.9");
  });

  it("rejects a malformed attribute path before running Nix", () => {
    expect(() => evalServer(seed000, "homelab", { bad: "containers..traefik" })).toThrow(/not a Nix attribute path/);
    expect(() => evalServer(seed000, "homelab", { bad: "containers.traefik." })).toThrow(/not a Nix attribute path/);
    expect(() => evalServer(seed000, "homelab", { bad: "a.${b}" })).toThrow(/not a Nix attribute path/);
  });

  it("with check: false reads values of a tree whose check fails", () => {
    const broken = editedFixture("seed001", { "secrets/index.nix": replace('"n8n-env".file = ./n8n-env.age;', "") });
    expect(() => evalServer(broken, "server", { n: "networking.hostName" })).toThrow(ServerEvalError);
    expect(evalServer(broken, "server", { n: "networking.hostName" }, { check: false })).toEqual({ n: "server" });
  });

  it("adds extraModules to the host, e.g. to declare what a hand-written module sets", () => {
    const withOwnModule = editedFixture("seed001", {
      "flake.nix": replace("./profiles/server.nix", "./profiles/server.nix\n          ./mine.nix"),
      "mine.nix": () => "{ ... }: { my.backups.enable = true; }\n",
    });
    expect(() => evalServerAssertions(withOwnModule, "server")).toThrow(/The option `my' does not exist/);
    const declared = '{ lib, ... }: { options.my.backups.enable = lib.mkEnableOption "backups"; }';
    const v = evalServer(withOwnModule, "server", { on: "my.backups.enable" }, { extraModules: [declared] });
    expect(v).toEqual({ on: true });
  });

  it("carries Nix's own output beside the readable message", () => {
    const broken = editedFixture("seed000", { "host.nix": replace("networking.nat = {", "networking.nats = {") });
    let caught: unknown;
    try {
      evalServerAssertions(broken, "homelab");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ServerEvalError);
    const error = caught as ServerEvalError;
    expect(error.host).toBe("homelab");
    expect(error.nixMessage).toBe("The option `networking.nats' does not exist. Definition values:\n- In `host.nix'\nDid you mean `networking.nat'?");
    expect(error.stderr).toContain(`${broken}/host.nix`);
    expect(error.message).toBe(`evaluating nixosConfigurations.homelab failed:\n${error.nixMessage}`);
  });

  it("builds sources that batch: both seeds in one Nix call", () => {
    const [a, b] = evalAll([
      serverEvalSource(seed000, "homelab", { host: "networking.hostName" }),
      serverEvalSource(seed001, "server", { host: "networking.hostName" }),
    ]);
    expect([a, b]).toEqual([{ host: "homelab" }, { host: "server" }]);
  });
});
