/**
 * `common.nix`: what every host of a fleet gets (`homelab({ defaults })`): login users with
 * their SSH keys and groups, root's SSH keys, `nix.settings`, `nix.gc` and the time zone.
 * Option names as NixOS 25.11 and 26.05 declare them (users-groups.nix, config/nix.nix,
 * services/misc/nix-gc.nix, config/locale.nix).
 */
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import type { HostDefaults } from "../../model/index.ts";
import { Sections } from "../core/sections.ts";

function strs(values: readonly string[]): NixExpr {
  return n.list(values.map((v) => n.str(v)));
}

function users(d: HostDefaults): NixBinding[] {
  const out: NixBinding[] = d.users.map((u) =>
    n.bind(
      ["users", "users", u.name],
      n.attrs([
        n.bind("isNormalUser", true),
        ...(u.groups.length > 0 ? [n.bind("extraGroups", strs(u.groups))] : []),
        ...(u.sshKeys.length > 0 ? [n.bind("openssh.authorizedKeys.keys", strs(u.sshKeys))] : []),
      ]),
    ),
  );
  if (d.rootSshKeys.length > 0) out.push(n.bind("users.users.root.openssh.authorizedKeys.keys", strs(d.rootSshKeys)));
  return out;
}

function nix(d: HostDefaults): NixBinding[] {
  const s = d.nix;
  if (s === undefined) return [];
  const settings: NixBinding[] = [
    ...(s.trustedUsers.length > 0 ? [n.bind("trusted-users", strs(s.trustedUsers))] : []),
    ...(s.substituters.length > 0 ? [n.bind("substituters", strs(s.substituters))] : []),
    ...(s.trustedPublicKeys.length > 0 ? [n.bind("trusted-public-keys", strs(s.trustedPublicKeys))] : []),
    ...(s.experimentalFeatures.length > 0 ? [n.bind("experimental-features", strs(s.experimentalFeatures))] : []),
    ...(s.autoOptimiseStore === undefined ? [] : [n.bind("auto-optimise-store", s.autoOptimiseStore)]),
  ];
  const out: NixBinding[] = settings.length > 0 ? [n.bind("nix.settings", n.attrs(settings))] : [];
  if (s.gc !== undefined) {
    out.push(
      n.bind(
        "nix.gc",
        n.attrs([
          n.bind("automatic", true),
          n.bind("dates", s.gc.dates),
          ...(s.gc.options === undefined ? [] : [n.bind("options", s.gc.options)]),
        ]),
      ),
    );
  }
  return out;
}

/**
 * The body of `common.nix`: users, then nix, then the time zone, each a commented group.
 * @example commonBody({ users: [], rootSshKeys: [key], timeZone: "Europe/Berlin" }) // { users.users.root.openssh.authorizedKeys.keys = [ … ]; time.timeZone = "Europe/Berlin"; }
 */
export function commonBody(d: HostDefaults): NixExpr {
  return new Sections()
    .add("Who may log in (and deploy) on every host", users(d))
    .add("Nix on every host", nix(d))
    .add(undefined, d.timeZone === undefined ? [] : [n.bind("time.timeZone", d.timeZone)])
    .toAttrs();
}
