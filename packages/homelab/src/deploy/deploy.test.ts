import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { n, print } from "@nixjs/expr-printer";
import { homelab } from "../builders/homelab.ts";
import { host } from "../builders/host.ts";
import type { Homelab } from "../model/index.ts";
import { DEPLOY_PROVIDERS, deployProvider } from "./index.ts";
import { majoritySystem } from "./nodes.ts";
import type { FleetNode } from "./provider.ts";

const NIXFMT = process.env["NIXFMT"] ?? "/work/shared/tools/nixfmt/nixfmt";

const hosts = () => [
  host("nas", { stateVersion: "25.05", nixos: "25.11", deployment: { targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222, tags: ["storage"] } }),
  host("dns", { stateVersion: "25.05", system: "aarch64-linux", deployment: { buildOnTarget: true } }),
  host("proxy", { stateVersion: "25.05", specialArgs: { role: "edge" } }),
];

function fleet(order: (hs: ReturnType<typeof hosts>) => ReturnType<typeof hosts> = (hs) => hs): Homelab {
  return homelab({ domain: "example.org", deploy: ["colmena", "deploy-rs"], hosts: order(hosts()) });
}

function outputs(lab: Homelab, tool: "colmena" | "deploy-rs"): string {
  const nodes: FleetNode[] = lab.hosts.map((h) => ({
    host: h,
    nixpkgs: h.release === "25.11" ? "nixpkgs-25_11" : "nixpkgs",
    modules: n.select(n.id("modules"), [h.name]),
  }));
  return print(n.attrs([...(deployProvider(tool)?.outputs(lab, nodes, n.id("specialArgs")) ?? [])]));
}

describe("the deploy providers", () => {
  it("one per tool, each with its flake input", () => {
    expect(DEPLOY_PROVIDERS.map((p) => [p.tool, p.input])).toEqual([
      ["colmena", { name: "colmena", url: "github:zhaofengli/colmena" }],
      ["deploy-rs", { name: "deploy-rs", url: "github:serokell/deploy-rs" }],
    ]);
  });

  it("colmena: meta pins the nodes whose nixpkgs or system differ; deployment writes host and user always", () => {
    expect(outputs(fleet(), "colmena")).toBe(`{
  colmenaHive = colmena.lib.makeHive {
    meta = {
      nixpkgs = import nixpkgs { system = "x86_64-linux"; };
      nodeNixpkgs = {
        dns = import nixpkgs { system = "aarch64-linux"; };
        nas = import nixpkgs-25_11 { system = "x86_64-linux"; };
      };
      inherit specialArgs;
      nodeSpecialArgs = {
        proxy = {
          role = "edge";
        };
      };
    };
    dns = {
      deployment = {
        targetHost = "dns";
        targetUser = "root";
        buildOnTarget = true;
      };
      imports = modules.dns;
    };
    nas = {
      deployment = {
        targetHost = "nas.lan";
        targetPort = 2222;
        targetUser = "deploy";
        tags = [ "storage" ];
      };
      imports = modules.nas;
    };
    proxy = {
      deployment = {
        targetHost = "proxy";
        targetUser = "root";
      };
      imports = modules.proxy;
    };
  };
}
`);
  });

  it("deploy-rs: a node per host, the port as sshOpts, buildOnTarget as remoteBuild, the activation of the host's system", () => {
    expect(outputs(fleet(), "deploy-rs")).toBe(`{
  deploy.nodes.dns = {
    hostname = "dns";
    sshUser = "root";
    remoteBuild = true;
    profiles.system = {
      user = "root";
      path = deploy-rs.lib.aarch64-linux.activate.nixos self.nixosConfigurations.dns;
    };
  };
  deploy.nodes.nas = {
    hostname = "nas.lan";
    sshUser = "deploy";
    sshOpts = [
      "-p"
      "2222"
    ];
    profiles.system = {
      user = "root";
      path = deploy-rs.lib.x86_64-linux.activate.nixos self.nixosConfigurations.nas;
    };
  };
  deploy.nodes.proxy = {
    hostname = "proxy";
    sshUser = "root";
    profiles.system = {
      user = "root";
      path = deploy-rs.lib.x86_64-linux.activate.nixos self.nixosConfigurations.proxy;
    };
  };
  checks = builtins.mapAttrs (system: deployLib: deployLib.deployChecks self.deploy) deploy-rs.lib;
}
`);
  });

  it("is nixfmt's layout (the real nixfmt 1.4.0 leaves it unchanged)", () => {
    for (const tool of ["colmena", "deploy-rs"] as const) {
      const text = outputs(fleet(), tool);
      expect(execFileSync(NIXFMT, ["-w", "100", "-"], { input: text, encoding: "utf8" })).toBe(text);
    }
  });

  it("the same bytes for any order of the hosts", () => {
    for (const tool of ["colmena", "deploy-rs"] as const) {
      expect(outputs(fleet((hs) => [...hs].reverse()), tool)).toBe(outputs(fleet(), tool));
      expect(outputs(fleet((hs) => [hs[1]!, hs[2]!, hs[0]!]), tool)).toBe(outputs(fleet(), tool));
    }
  });

  it("meta's system is the one most hosts have; a tie goes to x86_64-linux", () => {
    const sys = (...systems: string[]) => majoritySystem(systems.map((system) => ({ system })));
    expect(sys("aarch64-linux", "aarch64-linux", "x86_64-linux")).toBe("aarch64-linux");
    expect(sys("aarch64-linux", "x86_64-linux")).toBe("x86_64-linux");
    expect(sys("x86_64-linux", "aarch64-linux")).toBe("x86_64-linux");
    expect(sys("riscv64-linux", "aarch64-linux")).toBe("aarch64-linux");
    expect(sys()).toBe("x86_64-linux");
  });
});
