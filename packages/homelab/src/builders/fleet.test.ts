import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { container, formatPath, formatSite, homelab, host, isHomelab } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its builder and `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    const err = e as HomelabInputError;
    return err.diagnostics.map((d) => `${err.builder}${d.path.length === 0 ? "" : `.${formatPath(d.path)}`}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

const ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIalice alice@laptop";
const nas = () => host("nas", { stateVersion: "25.05", address: "192.168.1.10" });
const proxy = () => host("proxy", { stateVersion: "25.05", address: "192.168.1.2" });

describe("homelab({ hosts }): a valid fleet", () => {
  test("builds the expected model: hosts in declaration order, deploy tools sorted and unique, defaults sorted, agenix recipients", () => {
    const [p, n] = [proxy(), nas()];
    const lab = homelab({
      domain: "example.org",
      hosts: [p, n],
      deploy: ["deploy-rs", "colmena", "deploy-rs"],
      defaults: {
        users: { zoe: { sshKeys: [ALICE] }, alice: { sshKeys: [ALICE], groups: ["wheel", "video", "wheel"] } },
        rootSshKeys: [ALICE],
        nix: { trustedUsers: ["@wheel"], experimentalFeatures: ["nix-command", "flakes"], gc: { dates: "weekly" } },
        timeZone: "Europe/Berlin",
      },
      agenix: { recipients: { alice: ALICE } },
    });
    expect(isHomelab(lab)).toBe(true);
    expect(lab.hosts).toEqual([p, n]);
    expect(lab.secrets).toEqual({ backend: "agenix", recipients: { alice: ALICE } });
    expect(lab.layout).toEqual({ kind: "flat" });
    expect(lab.fleet).toEqual({
      deploy: ["colmena", "deploy-rs"],
      defaults: {
        users: [
          { name: "alice", sshKeys: [ALICE], groups: ["video", "wheel"] },
          { name: "zoe", sshKeys: [ALICE], groups: [] },
        ],
        rootSshKeys: [ALICE],
        nix: { trustedUsers: ["@wheel"], substituters: [], trustedPublicKeys: [], experimentalFeatures: ["nix-command", "flakes"], gc: { dates: "weekly" } },
        timeZone: "Europe/Berlin",
      },
    });
    expect(formatSite(lab.site)).toMatch(/^packages\/homelab\/src\/builders\/fleet\.test\.ts:\d+:\d+$/);
  });

  test("a fleet of one host is a fleet (fleet present, no deploy tools); under sops every host decrypts with sops' keys", () => {
    const one = homelab({ domain: "example.org", hosts: [nas()] });
    expect(one.fleet).toEqual({ deploy: [] });
    expect(one.secrets).toEqual({ backend: "agenix", recipients: {} });
    const sops = homelab({ domain: "example.org", hosts: [nas(), proxy()], sops: { ageKeyFile: "/var/lib/sops-nix/key.txt", sshKeyPaths: ["/etc/ssh/ssh_host_ed25519_key"] } });
    expect(sops.secrets.backend).toBe("sops");
    expect(sops.hosts.map((h) => [h.name, h.identityPaths])).toEqual([
      ["nas", ["/etc/ssh/ssh_host_ed25519_key", "/var/lib/sops-nix/key.txt"]],
      ["proxy", ["/etc/ssh/ssh_host_ed25519_key", "/var/lib/sops-nix/key.txt"]],
    ]);
  });
});

describe("homelab({ hosts }): each class of malformed input names its field and the call", () => {
  test("hosts empty, or holding something not made by host()", () => {
    expect(problems(() => homelab({ domain: "example.org", hosts: [] }))).toEqual(["homelab({…}).hosts: expected at least one host, got a list"]);
    expect(problems(() => homelab({ domain: "example.org", hosts: [nas(), container("a", {})] as never }))).toEqual(['homelab({…}).hosts[1]: expected a host made by host("name", {...}), got an object']);
    expect(problems(() => homelab({ domain: "example.org", hosts: "nas" } as never))).toEqual(['homelab({…}).hosts: expected a list of hosts, got "nas"']);
  });

  test("agenix and sops both", () => {
    expect(problems(() => homelab({ domain: "example.org", hosts: [nas()], agenix: { recipients: {} }, sops: { ageKeyFile: "/k" } }))).toEqual([
      "homelab({…}).sops: give either agenix or sops: a homelab keeps its secrets with one backend (every secret() is declared with it)",
    ]);
  });

  test("a missing domain, an unknown deploy tool, bad defaults and recipients", () => {
    expect(
      problems(() =>
        homelab({
          hosts: [nas()],
          deploy: ["nixops"],
          defaults: { users: { Alice: {} }, rootSshKeys: ["AAAA"], timeZone: "bad zone" },
          agenix: { recipients: { alice: "nope" } },
        } as never),
      ),
    ).toEqual([
      'homelab({…}).domain: required option missing: expected a lower-case domain name like "example.org"',
      'homelab({…}).deploy[0]: expected "colmena" or "deploy-rs", got "nixops"',
      'homelab({…}).defaults.users.Alice: expected a user name like "alice": lowercase letters, digits, "_" and "-", at most 32 characters, got "Alice"',
      'homelab({…}).defaults.rootSshKeys[0]: expected an SSH public key like "ssh-ed25519 AAAA… alice@laptop", got "AAAA"',
      'homelab({…}).defaults.timeZone: expected a time zone like "Europe/Berlin", got "bad zone"',
      'homelab({…}).agenix.recipients.alice: expected a public key ("ssh-ed25519 AAAA…" or "age1…"), got "nope"',
    ]);
  });

  test("one host's options beside hosts: hostName, containers (they belong to a host())", () => {
    expect(problems(() => homelab({ domain: "example.org", hosts: [nas()], hostName: "x", containers: [] } as never))).toEqual([
      'homelab({…}).hostName: unknown option "hostName"',
      'homelab({…}).containers: unknown option "containers"',
    ]);
  });

  test("a rejected host() inside hosts reports its own call and field, not the homelab's", () => {
    let error: HomelabInputError | undefined;
    try {
      homelab({ domain: "example.org", hosts: [nas(), host("pi", { stateVersion: "25.05", deployment: { targetPort: 70000 } })] });
    } catch (e) {
      error = e as HomelabInputError;
    }
    expect(error?.builder).toBe('host("pi")');
    expect(error?.diagnostics.map((d) => [formatPath(d.path), d.site.replace(/:\d+:\d+$/, "")])).toEqual([["deployment.targetPort", "packages/homelab/src/builders/fleet.test.ts"]]);
  });
});
