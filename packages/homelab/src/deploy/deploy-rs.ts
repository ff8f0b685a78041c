/**
 * deploy-rs (github:serokell/deploy-rs): `deploy.nodes.<host>` and the `checks` its library
 * makes of them. Shapes checked against its interface.json (the schema `deploy-schema` checks:
 * `hostname` required, `sshUser`/`user` strings, `sshOpts` a list of strings, a profile needs
 * `path`) and src/data.rs (what `deploy` itself parses: `remoteBuild`, a node's `profiles`).
 *
 * A node: `hostname` (deploy-rs has no default, so the host's name when no `targetHost`),
 * `sshUser` (written always: deploy-rs would otherwise log in as whoever runs `deploy`),
 * `sshOpts = [ "-p" "<port>" ]` for a `targetPort`, `remoteBuild = true` for `buildOnTarget`, and
 * one profile `system` activated as root with `activate.nixos` of the host's
 * `nixosConfigurations` entry, from the deploy-rs library of the host's own system (the
 * activation wrapper runs on the host). `checks.<system>` = `deployChecks self.deploy` for every
 * system deploy-rs has a library for, as its README writes it.
 */
import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Host } from "../model/index.ts";
import { sortedNodes, targetHost, targetUser } from "./nodes.ts";
import type { DeployProvider } from "./provider.ts";

/** The profile nixjs deploys: the whole NixOS system. */
export const SYSTEM_PROFILE = "system";

/** `deploy.nodes.<host>`'s value. */
function node(host: Host): NixExpr {
  const d = host.deployment;
  const path = n.call(
    n.select(n.id("deploy-rs"), ["lib", host.system, "activate", "nixos"]),
    n.select(n.id("self"), ["nixosConfigurations", host.name]),
  );
  return n.attrs([
    n.bind("hostname", targetHost(host)),
    n.bind("sshUser", targetUser(host)),
    ...(d?.targetPort === undefined ? [] : [n.bind("sshOpts", n.list([n.str("-p"), n.str(String(d.targetPort))]))]),
    ...(d?.buildOnTarget === true ? [n.bind("remoteBuild", true)] : []),
    n.bind(["profiles", SYSTEM_PROFILE], n.attrs([n.bind("user", "root"), n.bind("path", path)])),
  ]);
}

/** `builtins.mapAttrs (system: deployLib: deployLib.deployChecks self.deploy) deploy-rs.lib`. */
function checks(): NixExpr {
  const perSystem = n.fn("system", n.fn("deployLib", n.call("deployLib.deployChecks", n.select("self.deploy"))));
  return n.call("builtins.mapAttrs", perSystem, n.select("deploy-rs.lib"));
}

/**
 * deploy-rs' part of a fleet's flake: its input, `deploy.nodes.<host>` and `checks`.
 * @example deployRsProvider.outputs(lab, nodes, n.id("specialArgs")) // [deploy.nodes.dns = { hostname = "dns"; … }, …, checks = …]
 */
export const deployRsProvider: DeployProvider = {
  tool: "deploy-rs",
  input: { name: "deploy-rs", url: "github:serokell/deploy-rs" },
  outputs(_lab, nodes) {
    return [
      ...sortedNodes(nodes).map((x) => n.bind(["deploy", "nodes", x.host.name], node(x.host))),
      n.bind("checks", checks()),
    ];
  },
};
