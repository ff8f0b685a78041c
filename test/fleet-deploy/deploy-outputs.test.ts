import { afterAll, describe, expect, it } from "vitest";
import { homelab, host, type Homelab } from "@nixjs/homelab";
import { evalServerOutputs, ServerEvalError } from "../nixos-stub/eval-server.ts";
import { replace, type Edit } from "../nixos-stub/fixture-copy.ts";
import { removeWrappers, writeWrapper } from "./wrapper.ts";

// The colmena hive and the deploy-rs nodes the deploy providers bind, inside a hand-written
// fleet flake, evaluated by the stand-ins of colmena.lib.makeHive and deploy-rs.lib: the shapes
// the real tools accept pass, an edited output they reject fails with their message.
afterAll(removeWrappers);

type Tool = "colmena" | "deploy-rs";
function fleet(deploy: readonly Tool[]): Homelab {
  return homelab({
    domain: "example.org",
    deploy: [...deploy],
    hosts: [
      host("proxy", { stateVersion: "25.05", deployment: { targetHost: "192.168.1.2", tags: ["edge", "web"] } }),
      host("nas", { stateVersion: "25.05", nixos: "25.11", deployment: { targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222 } }),
      host("dns", { stateVersion: "25.05", system: "aarch64-linux", deployment: { buildOnTarget: true } }),
    ],
  });
}

/** The readable message evaluating `paths` of the edited wrapper fails with. */
function failure(lab: Homelab, edit: Edit, paths: Record<string, string>): string {
  try {
    evalServerOutputs(writeWrapper(lab, edit), paths);
  } catch (error) {
    if (error instanceof ServerEvalError) return error.nixMessage;
    throw error;
  }
  throw new Error("expected the evaluation to fail");
}

/** colmena's defaults for what nixjs leaves out (src/nix/hive/options.nix). */
const colmenaDefaults = {
  allowLocalDeployment: false,
  buildOnTarget: false,
  keys: {},
  privilegeEscalationCommand: ["sudo", "-H", "--"],
  replaceUnknownProfiles: true,
  sshOptions: [],
  tags: [],
  targetPort: null,
};

const expectedNodes = {
  dns: { hostname: "dns", sshUser: "root", remoteBuild: true, profiles: { system: { user: "root" } } },
  nas: { hostname: "nas.lan", sshUser: "deploy", sshOpts: ["-p", "2222"], profiles: { system: { user: "root" } } },
  proxy: { hostname: "192.168.1.2", sshUser: "root", profiles: { system: { user: "root" } } },
};

describe("colmena and deploy-rs together", () => {
  const dir = writeWrapper(fleet(["colmena", "deploy-rs"]));

  it("the hive's deployment of every node is what the hosts say, colmena's defaults elsewhere", () => {
    const v = evalServerOutputs(dir, { d: "colmenaHive.deploymentConfig", meta: "colmenaHive.metaConfig" });
    expect(v.d).toEqual({
      dns: { ...colmenaDefaults, targetHost: "dns", targetUser: "root", buildOnTarget: true },
      nas: { ...colmenaDefaults, targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222 },
      proxy: { ...colmenaDefaults, targetHost: "192.168.1.2", targetUser: "root", tags: ["edge", "web"] },
    });
    expect(v.meta).toEqual({ name: "hive", description: "A Colmena Hive", machinesFile: null, allowApplyAll: true });
  });

  it("every node's system builds, on its own platform, with the fleet's specialArgs", () => {
    const v = evalServerOutputs(dir, {
      toplevel: "colmenaHive.toplevel",
      dnsPlatform: "colmenaHive.nodes.dns.config.nixpkgs.hostPlatform",
      dnsSystem: "colmenaHive.nodes.dns.config.nixpkgs.system",
      nasSystem: "colmenaHive.nodes.nas.config.nixpkgs.system",
      role: "colmenaHive.nodes.nas.config.environment.etc.role.text",
    });
    const toplevel = v.toplevel as Record<string, string>;
    expect(Object.keys(toplevel)).toEqual(["dns", "nas", "proxy"]);
    for (const name of ["dns", "nas", "proxy"]) expect(toplevel[name]).toMatch(new RegExp(`^/nix/store/\\w{32}-nixos-system-${name}-2\\d\\.\\d\\d\\.stub$`));
    // meta.nodeNixpkgs.dns is an aarch64 nixpkgs: colmena evaluates the node with its system.
    expect(v).toMatchObject({ dnsPlatform: "aarch64-linux", dnsSystem: "aarch64-linux", nasSystem: "x86_64-linux", role: "fleet" });
  });

  it("deploy.nodes: one node per host, the system profile activated by deploy-rs for the host's platform", () => {
    const v = evalServerOutputs(dir, { nodes: "deploy.nodes", dns: "deploy.nodes.dns.profiles.system.path", nas: "deploy.nodes.nas.profiles.system.path" });
    expect(v.nodes).toMatchObject(expectedNodes);
    expect(Object.keys(v.nodes as object)).toEqual(["dns", "nas", "proxy"]);
    expect(v.dns).toMatch(/^\/nix\/store\/\w{32}-activatable-nixos-system-dns-26\.05\.stub$/);
    expect(v.nas).toMatch(/-activatable-nixos-system-nas-2\d\.\d\d\.stub$/);
  });

  it("deployChecks pass for every system deploy-rs has (schema and activation, each building the systems)", () => {
    const v = evalServerOutputs(dir, {
      x86: "checks.x86_64-linux",
      schema: "checks.x86_64-linux.deploy-schema",
      activate: "checks.x86_64-linux.deploy-activate",
      arm: "checks.aarch64-linux.deploy-activate",
    });
    expect(Object.keys(v.x86 as object)).toEqual(["deploy-activate", "deploy-schema"]);
    expect(v.schema).toMatch(/-jsonschema-deploy-system$/);
    expect(v.activate).toMatch(/-deploy-rs-check-activate$/);
    expect(v.arm).toMatch(/-deploy-rs-check-activate$/);
  });
});

describe("each tool alone", () => {
  it("colmena only: a hive, no deploy-rs nodes nor checks", () => {
    const v = evalServerOutputs(writeWrapper(fleet(["colmena"])), { d: "colmenaHive.deploymentConfig.nas.targetUser", names: "colmenaHive.toplevel" });
    expect(v.d).toBe("deploy");
    expect(Object.keys(v.names as object)).toEqual(["dns", "nas", "proxy"]);
    expect(() => evalServerOutputs(writeWrapper(fleet(["colmena"])), { n: "deploy.nodes" })).toThrow(/attribute 'deploy' missing/);
  });

  it("deploy-rs only: nodes and checks, no hive", () => {
    const dir = writeWrapper(fleet(["deploy-rs"]));
    const v = evalServerOutputs(dir, { nodes: "deploy.nodes", schema: "checks.x86_64-linux.deploy-schema" });
    expect(v.nodes).toMatchObject(expectedNodes);
    expect(v.schema).toMatch(/-jsonschema-deploy-system$/);
    expect(() => evalServerOutputs(dir, { h: "colmenaHive" })).toThrow(/attribute 'colmenaHive' missing/);
  });
});

describe("a wrong shape fails as the real tool fails", () => {
  const lab = fleet(["colmena", "deploy-rs"]);
  const hive = { d: "colmenaHive.deploymentConfig" };
  const toplevel = { t: "colmenaHive.toplevel.nas" };

  it("colmena: a bare nixpkgs input as meta.nixpkgs, or as a node's nixpkgs", () => {
    expect(failure(lab, replace('nixpkgs = import nixpkgs { system = "x86_64-linux"; };', "nixpkgs = nixpkgs;"), hive)).toContain(
      "Passing a path to Nixpkgs as meta.nixpkgs is no longer accepted with Flakes.",
    );
    expect(failure(lab, replace('dns = import nixpkgs { system = "aarch64-linux"; };', "dns = nixpkgs;"), { t: "colmenaHive.toplevel.dns" })).toContain(
      "Passing a path to Nixpkgs as meta.nodeNixpkgs.dns is no longer accepted with Flakes.",
    );
  });

  it("colmena: modules given as `modules` instead of `imports`, a port as a string, a deployment option it lacks", () => {
    expect(failure(lab, replace("imports = modules.nas;", "modules = modules.nas;"), toplevel)).toContain("The option `modules' does not exist.");
    expect(failure(lab, replace("targetPort = 2222;", 'targetPort = "2222";'), hive)).toMatch(/deployment\.targetPort' is not of type `null or unsigned integer/);
    expect(failure(lab, replace("targetPort = 2222;", "sshPort = 2222;"), hive)).toContain("The option `deployment.sshPort' does not exist.");
  });

  it("colmena: specialArgs outside meta are a node named specialArgs, and its modules miss the `role` argument", () => {
    const edit = (t: string) => replace("inherit specialArgs;", "")(t)!.replace("colmena.lib.makeHive {", "colmena.lib.makeHive {\n inherit specialArgs;");
    expect(failure(lab, edit, toplevel)).toContain("The module `hosts/nas.nix' takes the argument `role', which is neither a module argument (config, lib, modulesPath, name, nodes, options, pkgs) nor in specialArgs.");
  });

  it("deploy-rs: sshOpts as one string, a node without hostname, a profile that is the bare system", () => {
    const schema = { s: "checks.x86_64-linux.deploy-schema" };
    expect(failure(lab, replace('sshOpts = [\n      "-p"\n      "2222"\n    ];', 'sshOpts = "-p 2222";'), schema)).toContain(
      "$.nodes.nas.sshOpts: \"-p 2222\" is not of type 'array'",
    );
    expect(failure(lab, replace('hostname = "nas.lan";', ""), schema)).toContain("$.nodes.nas: 'hostname' is a required property");
    expect(
      failure(lab, replace("deploy-rs.lib.x86_64-linux.activate.nixos self.nixosConfigurations.proxy", "self.nixosConfigurations.proxy.config.system.build.toplevel"), {
        a: "checks.x86_64-linux.deploy-activate",
      }),
    ).toContain("#proxy.system is missing the deploy-rs-activate activation script");
  });

  it("deploy-rs: a node without profiles fails the activation check (its Nix reads node.profiles)", () => {
    const edit = (t: string) => t.replace(/profiles\.system = \{\n\s*user = "root";\n\s*path = deploy-rs\.lib\.x86_64-linux\.activate\.nixos self\.nixosConfigurations\.proxy;\n\s*\};/, "");
    expect(edit(writeWrapperText(lab))).not.toContain("self.nixosConfigurations.proxy;");
    expect(failure(lab, edit, { a: "checks.x86_64-linux.deploy-activate" })).toContain("attribute 'profiles' missing");
  });
});

function writeWrapperText(lab: Homelab): string {
  let text = "";
  writeWrapper(lab, (t) => {
    text = t;
    return t;
  });
  return text;
}
