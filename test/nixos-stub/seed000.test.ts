import { afterAll, describe, expect, it } from "vitest";
import { evalServer, evalServerAssertions, nixosReleases, ServerEvalError } from "./eval-server.ts";
import { cleanup, editedFixture, fixtureDir, remove, replace, type Edit } from "./fixture-copy.ts";

// Seed 000: nspawn containers behind Traefik + Authelia, agenix in the guests, flat layout.
const dir = fixtureDir("seed000");
const host = "homelab";
const http = "containers.traefik.config.services.traefik.dynamicConfigOptions.http";

afterAll(cleanup);

/** The message of the ServerEvalError that evaluating the edited fixture throws. */
function failure(edits: Readonly<Record<string, Edit>>, paths: Record<string, string> = {}): string {
  const edited = editedFixture("seed000", edits);
  try {
    if (Object.keys(paths).length === 0) evalServerAssertions(edited, host);
    else evalServer(edited, host, paths);
  } catch (error) {
    expect(error).toBeInstanceOf(ServerEvalError);
    return (error as ServerEvalError).nixMessage;
  }
  throw new Error("expected the evaluation to fail");
}

describe("seed 000 fixture: module list, specialArgs and cross-file references resolve", () => {
  it("evaluates the routes every container file injects into the traefik guest", () => {
    const v = evalServer(dir, host, {
      autheliaServers: `${http}.services.authelia.loadBalancer.servers`,
      immichServers: `${http}.services.immich.loadBalancer.servers`,
      routers: `${http}.routers`,
      forwardAuth: `${http}.middlewares.authelia.forwardAuth.address`,
    });
    expect(v.autheliaServers).toEqual([{ url: "http://10.10.10.9:9091" }]);
    expect(v.immichServers).toEqual([{ url: "http://10.10.10.5:2283" }]);
    expect(v.forwardAuth).toBe("http://10.10.10.9:9091/api/authz/forward-auth");
    const routers = v.routers as Record<string, { rule: string; middlewares?: string[] }>;
    expect(Object.keys(routers)).toEqual(["adguard", "authelia", "immich", "opencloud", "vaultwarden"]);
    expect(routers["immich"]).toEqual({
      rule: "Host(`photos.nemnix.site`)",
      service: "immich",
      entryPoints: ["websecure"],
      middlewares: ["authelia"],
      tls: { certResolver: "cloudflare" },
    });
    expect(routers["vaultwarden"]?.middlewares).toBeUndefined();
  });

  it("evaluates each guest with its own config: its secrets, its users, its injected defaults", () => {
    const v = evalServer(dir, host, {
      jwtFile: "containers.authelia.config.services.authelia.instances.main.secrets.jwtSecretFile",
      jwtSecret: "containers.authelia.config.age.secrets.authelia-jwt",
      autheliaUser: "containers.authelia.config.users.users.authelia-main.isSystemUser",
      traefikEnv: "containers.traefik.config.services.traefik.environmentFiles",
      guestHostName: "containers.immich.config.networking.hostName",
      guestIsContainer: "containers.immich.config.boot.isContainer",
      guestResolvConf: "containers.immich.config.networking.useHostResolvConf",
      hostSecrets: "age.secrets",
      hostIsContainer: "boot.isContainer",
    });
    expect(v.jwtFile).toBe("/run/agenix/authelia-jwt");
    expect(v.jwtSecret).toEqual({
      file: "./secrets/authelia-jwt.age",
      group: "authelia-main", // agenix's default: the owner's group, from the guest's users
      mode: "0400",
      name: "authelia-jwt",
      owner: "authelia-main",
      path: "/run/agenix/authelia-jwt",
      symlink: true,
    });
    expect(v.autheliaUser).toBe(true);
    expect(v.traefikEnv).toEqual(["/run/agenix/traefik-env"]);
    expect(v.guestHostName).toBe("immich");
    expect(v.guestIsContainer).toBe(true);
    expect(v.guestResolvConf).toBe(false);
    // The host declares only its own secret: the guests' live in the guests.
    expect(Object.keys(v.hostSecrets as object)).toEqual(["cloudflared-credentials"]);
    expect(v.hostIsContainer).toBe(false);
  });

  it("applies NixOS defaults and replacements the seed relies on", () => {
    const v = evalServer(dir, host, {
      entryPoints: "containers.traefik.config.services.traefik.staticConfigOptions.entryPoints",
      bindMount: ["containers", "authelia", "bindMounts", "/persist/etc/ssh/ssh_host_ed25519_key"],
      privateUsers: "containers.immich.privateUsers",
      vaultwardenUsers: "containers.vaultwarden.privateUsers",
      authelia: "containers.authelia.privateUsers",
      forwarding: 'boot.kernel.sysctl."net.ipv4.conf.all.forwarding"',
      adguardStart: "containers.adguard.autoStart",
      adguardEphemeral: "containers.adguard.ephemeral",
      adguardNet: "containers.adguard.privateNetwork",
      adguardAddress: "containers.adguard.localAddress",
      tunnel: 'services.cloudflared.tunnels."6ff42ae2-765d-4adf-8112-31c55c1551ef".credentialsFile',
    });
    // staticConfigOptions replaces its default entirely: no `http` entry point left.
    expect(Object.keys(v.entryPoints as object)).toEqual(["web", "websecure"]);
    expect(v.bindMount).toEqual({ hostPath: null, isReadOnly: true, mountPoint: "/persist/etc/ssh/ssh_host_ed25519_key" });
    expect(v.privateUsers).toBe("pick");
    expect(v.vaultwardenUsers).toBe("pick");
    expect(v.authelia).toBe("no");
    expect(v.forwarding).toBe(true);
    expect([v.adguardStart, v.adguardEphemeral, v.adguardNet, v.adguardAddress]).toEqual([true, true, false, null]);
    expect(v.tunnel).toBe("/run/agenix/cloudflared-credentials");
  });

  // The fixture is a faithful NixOS configuration for both releases (nothing it uses differs).
  it.each(nixosReleases)("checks the whole system as NixOS %s: no failed assertion, no warning", (release) => {
    expect(evalServerAssertions(dir, host, { release })).toEqual({ warnings: [] });
  });
});

describe("seed 000 fixture: the harness catches mistakes", () => {
  it("an unknown option on the host, naming the file and the likely option", () => {
    const message = failure({ "host.nix": replace("networking.firewall = {", "networking.firewal = {") });
    expect(message).toContain("The option `networking.firewal' does not exist. Definition values:\n- In `host.nix'");
    expect(message).toContain("Did you mean `networking.firewall'?");
  });

  it("an unknown option inside a guest, named by its full path", () => {
    const message = failure({
      "containers/authelia.nix": replace("services.resolved.enable = true;", "services.resolvd.enable = true;"),
    });
    expect(message).toContain(
      "The option `containers.authelia.config.services.resolvd' does not exist. Definition values:\n- In `containers/authelia.nix'",
    );
  });

  it("a guest that uses agenix without importing it (host modules are not the guest's)", () => {
    const message = failure({
      "containers/traefik.nix": replace("imports = [ inputs.agenix.nixosModules.default ];", ""),
    });
    expect(message).toContain("The option `containers.traefik.config.age' does not exist.");
  });

  it("a port given as a string", () => {
    const message = failure({ "containers/immich.nix": replace("allowedTCPPorts = [ 2283 ];", 'allowedTCPPorts = [ "2283" ];') });
    expect(message).toContain(
      "A definition for option `containers.immich.config.networking.firewall.allowedTCPPorts.\"[definition 1-entry 1]\"' is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)'. Definition values:\n- In `containers/immich.nix': \"2283\"",
    );
  });

  it("privateUsers given as a numeric string", () => {
    const message = failure({ "containers/vaultwarden.nix": replace('privateUsers = "pick";', 'privateUsers = "65536";') });
    expect(message).toContain(
      "A definition for option `containers.vaultwarden.privateUsers' is not of type `32 bit unsigned integer; between 0 and 4294967295 (both inclusive) or one of \"no\", \"identity\", \"pick\"'",
    );
  });

  it("null in Traefik's TOML configuration", () => {
    const message = failure({ "containers/authelia.nix": replace('tls.certResolver = "cloudflare";', "tls = null;") });
    expect(message).toContain("A definition for option `containers.traefik.config.services.traefik.dynamicConfigOptions.http.routers.authelia.tls' is not of type `TOML value'");
  });

  it("a module the flake lists that does not exist", () => {
    const message = failure({ "flake.nix": replace("./containers/opencloud.nix", "./containers/opencloud.nix\n./containers/jellyfin.nix") });
    expect(message).toContain("The module `containers/jellyfin.nix', imported from `flake.nix', does not exist.");
  });

  it("a guest module that expects the host's specialArgs", () => {
    const message = failure({ "containers/immich.nix": replace("{ lib, ... }:", "{ lib, domain, ... }:") });
    expect(message).toMatch(/^The module `containers\/immich.nix' takes the argument `domain', which is neither a module argument \(.*\) nor in specialArgs\.$/m);
  });

  it("a route to a container that does not exist", () => {
    const message = failure({
      "containers/authelia.nix": replace(
        'url = "http://${config.containers.authelia.localAddress}:9091";',
        'url = "http://${config.containers.authelia-sso.localAddress}:9091";',
      ),
    });
    expect(message).toContain("attribute 'authelia-sso' missing");
    expect(message).toContain("containers/authelia.nix:");
  });

  it("a guest reading a secret only the host declares", () => {
    const message = failure({
      "containers/authelia.nix": replace(
        "jwtSecretFile = config.age.secrets.authelia-jwt.path;",
        "jwtSecretFile = config.age.secrets.cloudflared-credentials.path;",
      ),
    });
    expect(message).toContain("attribute 'cloudflared-credentials' missing");
  });

  it("two modules defining one address differently, unless one has priority", () => {
    const conflict = replace("system.stateVersion", 'containers.authelia.localAddress = "10.10.10.10";\n  system.stateVersion');
    expect(failure({ "host.nix": conflict })).toContain(
      "The option `containers.authelia.localAddress' has conflicting definition values:\n- In `host.nix': \"10.10.10.10\"\n- In `containers/authelia.nix': \"10.10.10.9\"\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.",
    );
    const forced = editedFixture("seed000", {
      "host.nix": (text) =>
        replace("system.stateVersion", 'containers.authelia.localAddress = lib.mkForce "10.10.10.10";\n  system.stateVersion')(
          replace("{ ... }:", "{ lib, ... }:")(text) ?? "",
        ),
    });
    const v = evalServer(forced, host, { servers: `${http}.services.authelia.loadBalancer.servers` });
    expect(v.servers).toEqual([{ url: "http://10.10.10.10:9091" }]);
  });

  it("a guest that wants systemd-resolved but keeps the host's resolv.conf", () => {
    const message = failure({ "containers/immich.nix": replace("useHostResolvConf = lib.mkForce false;", "") });
    expect(message).toBe(
      "Failed assertions in containers.immich.config:\n- Using host resolv.conf is not supported with systemd-resolved",
    );
  });

  it("a plain `false` against the container's own `useHostResolvConf = true`", () => {
    const message = failure({ "containers/opencloud.nix": replace("useHostResolvConf = lib.mkForce false;", "useHostResolvConf = false;") });
    expect(message).toContain("The option `containers.opencloud.config.networking.useHostResolvConf' has conflicting definition values:");
    expect(message).toContain("- In `containers/opencloud.nix': false");
  });

  it("all failed assertions at once, host and guests", () => {
    const message = failure({
      "host.nix": replace('age.identityPaths = [ "/persist/etc/ssh/ssh_host_ed25519_key" ];', ""),
      "containers/authelia.nix": replace("storageEncryptionKeyFile = config.age.secrets.authelia-storage.path;", ""),
    });
    expect(message).toMatch(/^Failed assertions:\n- age\.identityPaths must be set, for example by enabling openssh\.\nFailed assertions in containers\.authelia\.config:\n- Authelia requires a JWT Secret and a Storage Encryption Key to work\./);
  });

  it("warns about a guest without stateVersion and about a missing .age file", () => {
    const edited = editedFixture("seed000", {
      "containers/adguard.nix": replace('system.stateVersion = "25.05";', ""),
      "secrets/traefik-env.age": remove,
    });
    const { warnings } = evalServerAssertions(edited, host);
    expect(warnings).toEqual([
      "containers.adguard.config: system.stateVersion is not set, defaulting to 26.05. Read why this matters on https://nixos.org/manual/nixos/stable/options.html#opt-system.stateVersion.",
      "nixos-stub: containers.traefik.config.age.secrets.traefik-env.file secrets/traefik-env.age does not exist (nixos-rebuild would fail to copy it to the store)",
    ]);
  });

  it("asks for a host the flake does not define", () => {
    expect(() => evalServerAssertions(dir, "server")).toThrow(/flake.nix has no nixosConfigurations.server \(it has: homelab\)/);
  });
});
