import { afterAll, describe, expect, it } from "vitest";
import { evalAll, nixEval } from "../../packages/testkit/src/index.ts";
import { evalServer, evalServerAssertions, nixosReleases, nixosStubDir, ServerEvalError } from "./eval-server.ts";
import { cleanup, editedFixture, fixtureDir, replace } from "./fixture-copy.ts";
import { errorOf, systemExpr } from "./system-expr.ts";

// The stand-in is NixOS 25.11 or 26.05, as the flake says: it rejects what that release rejects,
// with NixOS's message, and accepts what it accepts. The facts are in docs/nixos/.
afterAll(cleanup);

/** The warnings of a system of `release` made of `module` (which must pass its assertions). */
function warningsOf(module: string, release: (typeof nixosReleases)[number]): string[] {
  return (nixEval(systemExpr(module, "check.warnings", release)) as string[]);
}

describe("which release a flake is", () => {
  const flakeWith = (url: string): string =>
    editedFixture("seed001", { "flake.nix": replace("github:NixOS/nixpkgs/nixos-26.05", url) });

  it("is the release inputs.nixpkgs.url names, unless `release` overrides it", () => {
    const release = "system.nixos.release";
    expect(evalServer(flakeWith("github:NixOS/nixpkgs/nixos-25.11"), "server", { r: release }).r).toBe("25.11");
    expect(evalServer(fixtureDir("seed001"), "server", { r: release }).r).toBe("26.05");
    expect(evalServer(fixtureDir("seed001"), "server", { r: release }, { release: "25.11" }).r).toBe("25.11");
    expect(evalServer(flakeWith("github:NixOS/nixpkgs/nixos-25.05"), "server", { r: release }, { release: "26.05" }).r).toBe("26.05");
  });

  it("refuses a release it does not model, listing the supported ones", () => {
    const refused = (url: string): string => {
      try {
        evalServerAssertions(flakeWith(url), "server");
      } catch (error) {
        if (error instanceof ServerEvalError) return error.nixMessage;
        throw error;
      }
      throw new Error("expected a refusal");
    };
    expect(refused("github:NixOS/nixpkgs/nixos-25.05")).toContain(
      "nixos-stub: NixOS 25.05 is not a release nixos-stub models (supported: 25.11, 26.05); pass `release` explicitly",
    );
    expect(refused("github:NixOS/nixpkgs/nixos-unstable")).toContain("NixOS unstable is not a release nixos-stub models (supported: 25.11, 26.05)");
    expect(refused("github:someone/fork")).toContain("cannot tell the NixOS release of inputs.nixpkgs.url = \"github:someone/fork\" (supported: 25.11, 26.05");
  });

  it("the TypeScript list of releases is the stand-in's", () => {
    expect(nixEval(`(import (/. + ${JSON.stringify(`${nixosStubDir}/releases.nix`)})).supported`)).toEqual([...nixosReleases]);
  });

  it("is visible to modules as lib.trivial.release and lib.version, as in nixpkgs", () => {
    const body = "{ inherit (lib.trivial) release; atLeast = lib.versionAtLeast lib.version \"26.05\"; }";
    expect(evalAll(nixosReleases.map((r) => systemExpr("{ }", body, r)))).toEqual([
      { release: "25.11", atLeast: false },
      { release: "26.05", atLeast: true },
    ]);
  });
});

describe.each(nixosReleases)("NixOS %s rejects what it rejects", (release) => {
  const failure = (module: string): string => errorOf(systemExpr(module, "check", release));

  it("a port given as a string, with NixOS's type description", () => {
    expect(failure('{ networking.firewall.allowedTCPPorts = [ "443" ]; }')).toContain(
      "A definition for option `networking.firewall.allowedTCPPorts.\"[definition 1-entry 1]\"' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'.",
    );
  });

  it("an option that does not exist", () => {
    expect(failure("{ services.traefik.dynamicConfig = { }; }")).toContain("The option `services.traefik.dynamicConfig' does not exist.");
  });

  it("the static/dynamic Traefik names of the reverted unstable refactor: neither release has them", () => {
    expect(failure("{ services.traefik.static.settings = { }; }")).toContain("The option `services.traefik.static' does not exist.");
    expect(failure("{ services.traefik.dynamic.files.x.settings = { }; }")).toContain("The option `services.traefik.dynamic' does not exist.");
    expect(warningsOf("{ services.traefik = { enable = true; staticConfigOptions.entryPoints.web.address = \":80\"; dynamicConfigOptions.http = { }; }; }", release)).toEqual([]);
  });

  it("cloudflared's removed user option, with NixOS's assertion", () => {
    expect(failure('{ services.cloudflared.user = "cloudflared"; }')).toContain(
      "Failed assertions:\n- The option definition `services.cloudflared.user' in `<unknown-file>' no longer has any effect; please remove it.\n" +
        "Cloudflared now uses a dynamic user, and this option no longer has any effect.\n\n" +
        "If the user is still necessary, please define it manually using users.users.cloudflared.\n",
    );
  });

  it("a cloudflared tunnel without its catch-all `default`", () => {
    expect(failure('{ services.cloudflared = { enable = true; tunnels.home.credentialsFile = "/run/agenix/cf"; }; }')).toContain(
      "The option `services.cloudflared.tunnels.home.default' is used but not defined.",
    );
  });

  it("an agenix secret owned by a user the system lacks (cloudflared runs as a DynamicUser)", () => {
    const tunnel = '{ services.cloudflared = { enable = true; tunnels.home = { credentialsFile = "/run/agenix/cf"; default = "http_status:404"; }; };';
    const secret = (owner: string): string => `${tunnel} age.secrets.cf = { file = /etc/hosts; owner = "${owner}"; }; }`;
    expect(warningsOf(secret("cloudflared"), release)).toEqual([
      "nixos-stub: age.secrets.cf.owner `cloudflared' is not a user of this system (users.users): agenix's chown fails at activation",
    ]);
    expect(warningsOf(secret("root"), release)).toEqual([]);
  });

  it("a container name with an underscore (an assertion of the guest)", () => {
    expect(failure("{ containers.my_app = { config = { }; }; }")).toContain(
      "Failed assertions in containers.my_app.config:\n- Names containing underscores are not allowed in nixos-containers. Please rename the container 'my_app'",
    );
  });

  it("oci-containers options that exist in neither release (pods, health checks)", () => {
    const oci = (extra: string): string => `{ virtualisation.oci-containers.containers.app = { image = "docker.io/library/nginx:1.27"; ${extra} }; }`;
    expect(failure(oci('pod = "apps";'))).toContain("The option `virtualisation.oci-containers.containers.app.pod' does not exist.");
    expect(failure(oci('healthcheck = { };'))).toContain("The option `virtualisation.oci-containers.containers.app.healthcheck' does not exist.");
  });

  it("a machine without a root file system or boot loader (nixjs never writes them)", () => {
    const bare = (module: string): string => systemExpr(module, "check.warnings", release, { hardware: false });
    expect(errorOf(bare("{ }"))).toContain(
      "Failed assertions:\n- The ‘fileSystems’ option does not specify your root file system.\n- You must set the option ‘boot.loader.grub.devices’ or 'boot.loader.grub.mirroredBoots' to make the system bootable.",
    );
    expect(nixEval(bare('{ fileSystems."/".device = "/dev/sda1"; boot.loader.grub.device = "/dev/sda"; }'))).toEqual([]);
    // A container guest needs neither.
    expect(nixEval(bare('{ boot.isContainer = true; }'))).toEqual([]);
  });

  it("AdGuard Home declarative settings without bootstrap resolvers, Miniflux without admin credentials", () => {
    expect(failure('{ services.adguardhome = { enable = true; mutableSettings = false; settings.dns.bind_hosts = [ "0.0.0.0" ]; }; }')).toContain(
      "- AdGuard setting dns.bootstrap_dns needs to be configured for a minimal working configuration",
    );
    expect(failure("{ services.miniflux.enable = true; }")).toContain(
      "- services.miniflux.adminCredentialsFile must be set if services.miniflux.config.CREATE_ADMIN is 1",
    );
  });

  it("a user without a group or kind, with NixOS's two assertions", () => {
    expect(failure("{ users.users.backup = { }; }")).toContain(
      "- Exactly one of users.users.backup.isSystemUser and users.users.backup.isNormalUser must be set.\n- users.users.backup.group is unset. This used to default to",
    );
  });

  it("defaults system.stateVersion to the release, with NixOS's warning", () => {
    const unset = systemExpr("{ }", "check.warnings", release).replace('system.stateVersion = "25.05"; ', "");
    expect(nixEval(unset)).toEqual([
      `system.stateVersion is not set, defaulting to ${release}. Read why this matters on https://nixos.org/manual/nixos/stable/options.html#opt-system.stateVersion.`,
    ]);
  });
});

describe("what differs between 25.11 and 26.05", () => {
  it("services.resolved: 25.11 has the old options; 26.05 renames them into settings.Resolve (a warning)", () => {
    const old = '{ services.resolved = { enable = true; dnssec = "allow-downgrade"; fallbackDns = [ "9.9.9.9" ]; }; }';
    expect(warningsOf(old, "25.11")).toEqual([]);
    expect(warningsOf(old, "26.05")).toEqual([
      "The option `services.resolved.fallbackDns' defined in `<unknown-file>' has been renamed to `services.resolved.settings.Resolve.FallbackDNS'.",
      "The option `services.resolved.dnssec' defined in `<unknown-file>' has been renamed to `services.resolved.settings.Resolve.DNSSEC'.",
    ]);
    // The value reaches the new option.
    expect(nixEval(systemExpr(old, "config.services.resolved.settings.Resolve", "26.05"))).toMatchObject({
      DNSSEC: "allow-downgrade",
      FallbackDNS: ["9.9.9.9"],
    });
  });

  it("services.resolved.extraConfig: accepted by 25.11, a removed option (an assertion) in 26.05", () => {
    const extra = '{ services.resolved = { enable = true; extraConfig = "MulticastDNS=no"; }; }';
    expect(warningsOf(extra, "25.11")).toEqual([]);
    expect(errorOf(systemExpr(extra, "check", "26.05"))).toContain(
      "- The option definition `services.resolved.extraConfig' in `<unknown-file>' no longer has any effect; please remove it.\nUse services.resolved.settings instead",
    );
  });

  it("services.resolved.settings: unknown to 25.11, the place for resolved.conf keys in 26.05", () => {
    const settings = "{ services.resolved = { enable = true; settings.Resolve.MulticastDNS = false; }; }";
    expect(errorOf(systemExpr(settings, "check", "25.11"))).toContain("The option `services.resolved.settings' does not exist.");
    expect(warningsOf(settings, "26.05")).toEqual([]);
  });

  it("services.openssh.generateHostKeys: new in 26.05", () => {
    const generate = "{ services.openssh.generateHostKeys = true; }";
    expect(errorOf(systemExpr(generate, "check", "25.11"))).toContain("The option `services.openssh.generateHostKeys' does not exist.");
    expect(warningsOf(generate, "26.05")).toEqual([]);
  });

  it("stage 1: scripted in 25.11, systemd-based by default in 26.05 (same root file system assertion)", () => {
    const initrd = "config.boot.initrd.systemd.enable";
    expect(evalAll(nixosReleases.map((r) => systemExpr("{ }", initrd, r)))).toEqual([false, true]);
  });
});
