import { afterAll, describe, expect, it } from "vitest";
import { evalServer, evalServerAssertions, evalServerOutputs, nixosReleases, ServerEvalError, type EvalServerOptions } from "./eval-server.ts";
import { cleanup, editedFixture, fixtureDir, replace, type Edit } from "./fixture-copy.ts";

// The stand-ins of the flake inputs a generated flake may use (sops-nix, impermanence, disko,
// colmena, deploy-rs; docs/nixos/flake-tools.md), on a hand-written host that uses all of them:
// the shapes the real tools accept pass, the ones they reject fail with their message.
const dir = fixtureDir("flake-tools");
afterAll(cleanup);

/** The readable message evaluating `run` on the edited fixture fails with. */
function failure(edits: Readonly<Record<string, Edit>>, run: (dir: string) => unknown): string {
  const edited = editedFixture("flake-tools", edits);
  try {
    run(edited);
  } catch (error) {
    if (error instanceof ServerEvalError) return error.nixMessage;
    throw error;
  }
  throw new Error("expected the evaluation to fail");
}
const check = (d: string, options: EvalServerOptions = {}): unknown => evalServerAssertions(d, "server", options);
const outputs = (paths: Record<string, string>) => (d: string): unknown => evalServerOutputs(d, paths);

describe.each(nixosReleases)("the host with sops-nix, impermanence and disko, as NixOS %s", (release) => {
  it("builds: every assertion passes, no warning", () => {
    expect(evalServerAssertions(dir, "server", { release })).toEqual({ warnings: [] });
  });
});

describe("sops-nix", () => {
  it("secrets and templates resolve as sops-nix resolves them", () => {
    const v = evalServer(dir, "server", {
      db: ["sops", "secrets", "gitea/db"],
      key: "sops.secrets.backup-key.sopsFile",
      template: ["sops", "templates", "gitea.env", "content"],
      keys: "sops.age.sshKeyPaths",
    });
    expect(v.db).toMatchObject({
      path: "/run/secrets/gitea/db",
      owner: "gitea",
      group: "gitea", // the owner's group, read from users.users
      mode: "0400",
      format: "yaml",
      sopsFile: "./secrets/server.yaml", // sops.defaultSopsFile
      restartUnits: ["gitea.service"],
    });
    expect(v.key).toBe("./secrets/backup.key");
    expect(v.template).toMatch(/^DB_PASSWORD=<SOPS:[0-9a-f]{64}:PLACEHOLDER>\n$/);
    expect(v.keys).toEqual(["/persist/etc/ssh/ssh_host_ed25519_key"]);
  });

  it("an owner the system does not have fails evaluation (its group is read from users.users)", () => {
    expect(failure({ "host.nix": replace('owner = "gitea";', 'owner = "cloudflared";') }, check)).toContain("attribute 'cloudflared' missing");
  });

  it("a sops file that does not exist fails evaluation (validateSopsFiles hashes it)", () => {
    expect(failure({ "host.nix": replace("./secrets/backup.key", "./secrets/missing.key") }, check)).toMatch(/missing\.key/);
  });

  it("a secret without sopsFile needs sops.defaultSopsFile", () => {
    expect(failure({ "host.nix": replace("defaultSopsFile = ./secrets/server.yaml;", "") }, check)).toContain(
      "The option `sops.defaultSopsFile' is used but not defined.",
    );
  });

  it("no key source, and owner together with uid, are refused by its assertions", () => {
    const noKeys = failure(
      {
        "host.nix": (t) =>
          replace('age.sshKeyPaths = [ "/persist/etc/ssh/ssh_host_ed25519_key" ];', "")(
            replace("services.openssh = {\n    enable = true;", "services.openssh = {\n    enable = false;")(t) ?? "",
          ),
      },
      check,
    );
    expect(noKeys).toContain("- No key source configured for sops. Either set services.openssh.enable or set sops.age.keyFile or sops.gnupg.home");
    expect(failure({ "host.nix": replace('owner = "gitea";', 'owner = "gitea"; uid = 1000;') }, check)).toContain(
      "- In gitea/db exactly one of sops.owner and sops.uid must be set",
    );
  });

  it("an option sops-nix does not have", () => {
    expect(failure({ "host.nix": replace("restartUnits", "restartUnit") }, check)).toContain("The option `sops.secrets.\"gitea/db\".restartUnit' does not exist.");
  });
});

describe("impermanence and disko", () => {
  it("persistence entries take impermanence's defaults; disko gives fileSystems and GRUB's device", () => {
    const v = evalServer(dir, "server", {
      persist: ["environment", "persistence", "/persist", "directories"],
      files: ["environment", "persistence", "/persist", "files"],
      fs: "fileSystems",
      grub: "boot.loader.grub.devices",
    });
    expect(v.persist).toEqual([
      { directory: "/var/lib/nixos", dirPath: "/var/lib/nixos", user: "root", group: "root", mode: "0755", hideMount: true, persistentStoragePath: "/persist" },
      { directory: "/var/log", dirPath: "/var/log", user: "root", group: "root", mode: "0755", hideMount: true, persistentStoragePath: "/persist" },
      { directory: "/var/lib/gitea", dirPath: "/var/lib/gitea", user: "gitea", group: "gitea", mode: "0750", hideMount: true, persistentStoragePath: "/persist" },
    ]);
    expect(v.files).toEqual([
      { file: "/etc/machine-id", filePath: "/etc/machine-id", method: "auto", parentDirectory: { user: "root", group: "root", mode: "0755" }, persistentStoragePath: "/persist" },
    ]);
    const fs = v.fs as Record<string, { fsType: string; neededForBoot: boolean }>;
    expect(Object.keys(fs)).toEqual(["/", "/persist"]);
    expect(fs["/"]?.fsType).toBe("tmpfs");
    expect(fs["/persist"]).toMatchObject({ fsType: "ext4", neededForBoot: true });
    expect(v.grub).toEqual(["/dev/sda"]);
  });

  it("persistent storage that is not needed for boot, and a directory listed twice, are refused", () => {
    expect(failure({ "host.nix": replace('fileSystems."/persist".neededForBoot = true;', "") }, check)).toContain(
      'All filesystems used for persistent storage must\n    have the option "neededForBoot" set to true.\n\n    Please fix the following filesystems:\n      /persist',
    );
    expect(failure({ "host.nix": replace('"/var/log"', '"/var/log" "/var/log"') }, check)).toContain(
      "The following directories were specified two or more\n    times:\n      /var/log",
    );
  });

  it("a removed impermanence option fails its assertion", () => {
    expect(failure({ "host.nix": replace("hideMounts = true;", "hideMounts = true;\n    allowOther = true;") }, check)).toContain(
      "- The option definition `allowOther' in `host.nix' no longer has any effect; please remove it.\n▹ persistence.\"/persist\":\n    As real bind mounts are now used instead of bindfs, `allowOther' is no longer needed.",
    );
  });

  it("a disko layout without a root file system leaves NixOS's assertion", () => {
    expect(failure({ "host.nix": replace('nodev."/" = { fsType = "tmpfs"; mountOptions = [ "size=2G" "mode=755" ]; };', "") }, check)).toContain(
      "- The ‘fileSystems’ option does not specify your root file system.",
    );
  });
});

describe("colmena", () => {
  it("makeHive evaluates each node with the deployment options and builds its system", () => {
    const v = evalServerOutputs(dir, {
      deployment: "colmenaHive.deploymentConfig.server",
      toplevel: "colmenaHive.toplevel.server",
      schema: "colmenaHive.__schema",
      meta: "colmenaHive.metaConfig",
    });
    expect(v.deployment).toMatchObject({
      targetHost: "server.lan",
      targetUser: "admin",
      targetPort: null,
      tags: ["homelab"],
      buildOnTarget: true,
      allowLocalDeployment: false,
      keys: { "wifi.psk": { keyFile: "./secrets/wifi.psk", destDir: "/run/keys", path: "/run/keys/wifi.psk", permissions: "0400", user: "root", uploadAt: "pre-activation" } },
    });
    expect(v.toplevel).toMatch(/^\/nix\/store\/\w{32}-nixos-system-server-26\.05\.stub$/);
    expect(v.schema).toBe("v0.5");
    expect(v.meta).toEqual({ name: "hive", description: "A Colmena Hive", machinesFile: null, allowApplyAll: true });
  });

  it("refuses an uninitialized nixpkgs, a missing one, and unknown meta or deployment options", () => {
    const deployment = outputs({ d: "colmenaHive.deploymentConfig" });
    expect(failure({ "flake.nix": replace('nixpkgs = import nixpkgs { system = "x86_64-linux"; };', "inherit nixpkgs;") }, deployment)).toContain(
      "Passing a path to Nixpkgs as meta.nixpkgs is no longer accepted with Flakes.\nPlease initialize Nixpkgs like the following:",
    );
    expect(failure({ "flake.nix": replace('nixpkgs = import nixpkgs { system = "x86_64-linux"; };', "") }, deployment)).toContain(
      "meta.nixpkgs must be specified in hermetic mode.",
    );
    expect(failure({ "flake.nix": replace('specialArgs = { role = "server"; };', 'specialArg = { role = "server"; };') }, deployment)).toContain(
      "The option `specialArg' does not exist.",
    );
    expect(failure({ "flake.nix": replace('targetHost = "server.lan";', 'targetHosts = [ "server.lan" ];') }, deployment)).toContain(
      "The option `deployment.targetHosts' does not exist.",
    );
  });

  it("a key with two sources fails colmena's assertion when the node builds", () => {
    const twoSources = { "flake.nix": replace("keyFile = ./secrets/wifi.psk;", 'keyFile = ./secrets/wifi.psk;\n              text = "psk";') };
    expect(failure(twoSources, outputs({ t: "colmenaHive.toplevel.server" }))).toContain(
      "- Exactly one of `server.deployment.keys.wifi.psk.text`, `server.deployment.keys.wifi.psk.keyCommand` and `server.deployment.keys.wifi.psk.keyFile` must be set.",
    );
  });

  it("refuses an already evaluated hive", () => {
    expect(failure({ "flake.nix": replace("colmena.lib.makeHive self.colmena", "colmena.lib.makeHive (colmena.lib.makeHive self.colmena)") }, outputs({ d: "colmenaHive.deploymentConfig" }))).toContain(
      "You cannot pass in an already-evaluated Hive into the evaluator.",
    );
  });
});

describe("deploy-rs", () => {
  it("activate.nixos wraps the system; deployChecks pass (schema, activation), building the system", () => {
    const v = evalServerOutputs(dir, { checks: "checks.x86_64-linux", path: "deploy.nodes.server.profiles.system.path" });
    expect(Object.keys(v.checks as object)).toEqual(["deploy-activate", "deploy-schema"]);
    expect(v.path).toMatch(/^\/nix\/store\/\w{32}-activatable-nixos-system-server-26\.05\.stub$/);
  });

  const schema = outputs({ s: "checks.x86_64-linux.deploy-schema" });
  it("a node without hostname, or an option of the wrong type, fails the schema check", () => {
    expect(failure({ "flake.nix": replace('hostname = "server.lan";', "") }, schema)).toContain("$.nodes.server: 'hostname' is a required property");
    expect(failure({ "flake.nix": replace('sshUser = "admin";', 'sshUser = "admin";\n        sshOpts = "-p 2222";') }, schema)).toContain(
      "$.nodes.server.sshOpts: \"-p 2222\" is not of type 'array'",
    );
  });

  it("accepts keys the schema does not name (deploy-rs ignores them)", () => {
    const edited = editedFixture("flake-tools", { "flake.nix": replace('sshUser = "admin";', 'sshUser = "admin";\n        sshuser = "typo";') });
    expect(Object.keys(evalServerOutputs(edited, { s: "checks.x86_64-linux" }).s as object)).toHaveLength(2);
  });

  it("a profile whose path is the bare system (not activate.nixos) fails the activation check", () => {
    const bare = { "flake.nix": replace("deploy-rs.lib.x86_64-linux.activate.nixos self.nixosConfigurations.server", "self.nixosConfigurations.server.config.system.build.toplevel") };
    expect(failure(bare, outputs({ a: "checks.x86_64-linux.deploy-activate" }))).toContain(
      "#server.system is missing the deploy-rs-activate activation script",
    );
  });

  it("a system that fails its assertions fails the deploy checks too", () => {
    const broken = { "host.nix": replace('fileSystems."/persist".neededForBoot = true;', "") };
    expect(failure(broken, schema)).toContain('have the option "neededForBoot" set to true');
  });
});
