import { describe, expect, it } from "vitest";
import { homelab } from "../../builders/homelab.ts";
import { host } from "../../builders/host.ts";
import type { FleetOptions, HostOptions } from "../../index.ts";
import { validate } from "../index.ts";

/** The codes of deploy-fleet.ts: what these tests look at among validate's findings. */
const CODES = new Set(["deploy-user-untrusted", "deploy-user-no-sudo", "deploy-cross-system", "deploy-target-duplicate", "deploy-reserved-name", "deployment-unused"]);

type Defaults = NonNullable<FleetOptions["defaults"]>;
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlice alice@laptop";

function findings(hosts: Record<string, Omit<HostOptions, "stateVersion">>, deploy: FleetOptions["deploy"] = ["colmena", "deploy-rs"], defaults?: Defaults) {
  const lab = homelab({
    domain: "example.org",
    deploy,
    ...(defaults === undefined ? {} : { defaults }),
    hosts: Object.entries(hosts).map(([name, o]) => host(name, { stateVersion: "25.05", ...o })),
  });
  return validate(lab)
    .filter((d) => CODES.has(d.code))
    .map((d) => ({ code: d.code, severity: d.severity, host: d.host, path: d.path.join("."), message: d.message }));
}

describe("deploy checks of a fleet", () => {
  it("a fleet deployed as root to distinct machines of one system has nothing to say", () => {
    expect(findings({ nas: { deployment: { targetHost: "nas.lan" } }, proxy: { deployment: { targetHost: "proxy.lan", tags: ["web", "edge"] } }, dns: {} })).toEqual([]);
  });

  it("a non-root user nix does not trust, built locally: a warning naming the fixes; trusted directly or through @wheel, or building on the target: none", () => {
    const deployUser = { deployment: { targetUser: "deploy" } };
    const [untrusted] = findings({ nas: deployUser });
    expect(untrusted).toMatchObject({ code: "deploy-user-untrusted", severity: "warning", host: "nas", path: "deployment.targetUser" });
    expect(untrusted?.message).toContain("nix.settings.trusted-users: root");
    expect(untrusted?.message).toContain("deployment.buildOnTarget: true");
    const users = { deploy: { sshKeys: [KEY], groups: ["wheel"] } };
    expect(findings({ nas: deployUser }, ["colmena"], { users, nix: { trustedUsers: ["root", "@wheel"] } })).toEqual([]);
    expect(findings({ nas: deployUser }, ["deploy-rs"], { nix: { trustedUsers: ["deploy"] } })).toEqual([]);
    expect(findings({ nas: { deployment: { targetUser: "deploy", buildOnTarget: true } } })).toEqual([]);
    // In wheel, but only @admins is trusted.
    expect(findings({ nas: deployUser }, ["colmena"], { users, nix: { trustedUsers: ["root", "@admins"] } }).map((f) => f.code)).toEqual(["deploy-user-untrusted"]);
  });

  it("a declared deploy user outside wheel cannot sudo to activate", () => {
    const found = findings({ nas: { deployment: { targetUser: "deploy" } } }, ["colmena"], { users: { deploy: { sshKeys: [KEY] } }, nix: { trustedUsers: ["deploy"] } });
    expect(found).toEqual([expect.objectContaining({ code: "deploy-user-no-sudo", severity: "warning", host: "nas", path: "deployment.targetUser" })]);
    expect(found[0]?.message).toContain("sudo");
  });

  it("two hosts deployed to one SSH destination (names case-insensitive, the default port 22) are errors on both; another port is another destination", () => {
    const found = findings({ a: { deployment: { targetHost: "Box.lan" } }, b: { deployment: { targetHost: "box.lan", targetPort: 22 } }, c: { deployment: { targetHost: "box.lan", targetPort: 2222 } } });
    expect(found.map((f) => [f.code, f.severity, f.host])).toEqual([
      ["deploy-target-duplicate", "error", "a"],
      ["deploy-target-duplicate", "error", "b"],
    ]);
    expect(found[0]?.message).toContain("a and b are deployed to one machine (Box.lan, port 22)");
    // The default targetHost is the host's name.
    expect(findings({ nas: {}, other: { deployment: { targetHost: "nas" } } }).map((f) => f.code)).toEqual(["deploy-target-duplicate", "deploy-target-duplicate"]);
  });

  it("a host of another system than most, built locally: a note; building on the target: none", () => {
    const found = findings({ dns: { system: "aarch64-linux" }, nas: {}, proxy: {} });
    expect(found).toEqual([expect.objectContaining({ code: "deploy-cross-system", severity: "note", host: "dns", path: "system" })]);
    expect(found[0]?.message).toContain('boot.binfmt.emulatedSystems = [ "aarch64-linux" ]');
    expect(findings({ dns: { system: "aarch64-linux", deployment: { buildOnTarget: true } }, nas: {}, proxy: {} })).toEqual([]);
  });

  it("a host colmena reserves the name of: an error with colmena only", () => {
    for (const name of ["defaults", "meta", "network"]) {
      expect(findings({ [name]: {}, nas: {} }, ["colmena"]).map((f) => [f.code, f.host])).toEqual([["deploy-reserved-name", name]]);
      expect(findings({ [name]: {}, nas: {} }, ["deploy-rs"])).toEqual([]);
    }
  });

  it("deployment settings in a fleet without deploy outputs: a note each; a single-host homelab is never checked", () => {
    expect(findings({ nas: { deployment: { targetUser: "deploy" } }, dns: {} }, []).map((f) => [f.code, f.severity, f.host])).toEqual([["deployment-unused", "note", "nas"]]);
    const single = homelab({ hostName: "server", domain: "example.org", stateVersion: "25.05" });
    expect(validate(single).filter((d) => CODES.has(d.code))).toEqual([]);
  });

  it("the same findings for any order of the hosts", () => {
    const hosts = { a: { deployment: { targetHost: "box" } }, b: { deployment: { targetHost: "box", targetUser: "ops" } }, c: { system: "aarch64-linux" } };
    const reversed = Object.fromEntries(Object.entries(hosts).reverse());
    expect(findings(reversed)).toEqual(findings(hosts));
  });
});
