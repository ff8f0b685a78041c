import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { collectInputErrors, isStandIn } from "./collect.ts";
import { container, formatPath, formatSite, host, isHost } from "../index.ts";

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

const base = { stateVersion: "25.05" } as const;

describe("host(name, {…}): a valid host", () => {
  test("builds the host of a fleet: the per-host options, its address, key and deployment (defaults filled, tags sorted and unique)", () => {
    const jf = container("jellyfin", { backend: "podman", image: "jellyfin/jellyfin:10.10.3", ports: ["8096:8096"] });
    const nas = host("nas", {
      ...base,
      system: "aarch64-linux",
      address: "192.168.1.10",
      hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFnas root@nas",
      deployment: { targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222, tags: ["storage", "media", "storage"] },
      containers: [jf],
    });
    expect(isHost(nas)).toBe(true);
    expect(nas.name).toBe("nas");
    expect(nas.system).toBe("aarch64-linux");
    expect(nas.address).toBe("192.168.1.10");
    expect(nas.hostKey).toBe("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFnas root@nas");
    expect(nas.deployment).toEqual({ targetHost: "nas.lan", targetUser: "deploy", targetPort: 2222, buildOnTarget: false, tags: ["media", "storage"] });
    expect(nas.containers).toEqual([jf]);
    expect(nas.identityPaths).toEqual(["/etc/ssh/ssh_host_ed25519_key"]);
    expect(formatSite(nas.site)).toMatch(/^packages\/homelab\/src\/builders\/host\.test\.ts:\d+:\d+$/);
  });

  test("without address, key or deployment, the host has none of them (the tools' defaults apply); agenix identityPaths are the host's", () => {
    const dns = host("dns", { ...base, agenix: { identityPaths: ["/persist/ssh_host_ed25519_key"] } });
    expect("address" in dns || "hostKey" in dns || "deployment" in dns).toBe(false);
    expect(dns.identityPaths).toEqual(["/persist/ssh_host_ed25519_key"]);
    expect(host("pi", { ...base, deployment: {} }).deployment).toEqual({ buildOnTarget: false, tags: [] });
  });
});

describe("host(name, {…}): each class of malformed input names its field and the call", () => {
  test("a bad name, a missing stateVersion", () => {
    expect(problems(() => host("nas.lan", base))).toEqual(['host("nas.lan").name: expected a host name: letters, digits and "-", no dots, at most 63 characters, got "nas.lan"']);
    expect(problems(() => host("nas", {} as never))).toEqual(['host("nas").stateVersion: required option missing: expected a NixOS release like "25.05"']);
  });

  test("a bad address (not IPv4) and a bad host key", () => {
    expect(problems(() => host("nas", { ...base, address: "192.168.1.300", hostKey: "AAAA" }))).toEqual([
      'host("nas").address: expected an IPv4 address like "10.10.10.5", got "192.168.1.300"',
      'host("nas").hostKey: expected a public key ("ssh-ed25519 AAAA… root@nas" or "age1…"), got "AAAA"',
    ]);
    expect(problems(() => host("nas", { ...base, address: "fd00::10" }))).toEqual(['host("nas").address: expected an IPv4 address like "10.10.10.5", got "fd00::10"']);
  });

  test("bad deployment fields: targetPort, targetHost with a user, targetUser, tags, buildOnTarget, a misspelt option", () => {
    expect(
      problems(() =>
        host("nas", { ...base, deployment: { targetPort: 0, targetHost: "root@nas", targetUser: "Root", tags: ["-x"], buildOnTarget: "yes", targethost: "x" } as never }),
      ),
    ).toEqual([
      'host("nas").deployment.targetHost: expected a host name or address like "nas.lan" or "192.168.1.10", without user or port, got "root@nas"',
      'host("nas").deployment.targetUser: expected a user name like "alice": lowercase letters, digits, "_" and "-", at most 32 characters, got "Root"',
      'host("nas").deployment.targetPort: expected a port 1–65535, got 0',
      'host("nas").deployment.buildOnTarget: expected true or false (buildOnTarget), got "yes"',
      'host("nas").deployment.tags[0]: expected a tag like "media": letters, digits, "_", "." and "-", got "-x"',
      'host("nas").deployment.targethost: unknown option "targethost"; did you mean "targetHost"?',
    ]);
    expect(problems(() => host("nas", { ...base, deployment: { targetPort: "22" } as never }))).toEqual(['host("nas").deployment.targetPort: expected a port 1–65535, got "22"']);
  });

  test("options that belong to homelab(), not to a host: hostName (the name is host()'s first argument), recipients, sops", () => {
    expect(problems(() => host("nas", { ...base, hostName: "nas" } as never))).toEqual(['host("nas").hostName: unknown option "hostName"']);
    expect(problems(() => host("nas", { ...base, agenix: { recipients: {} }, sops: {} } as never))).toEqual([
      'host("nas").agenix.recipients: unknown option "recipients"',
      'host("nas").sops: unknown option "sops"',
    ]);
  });

  test("every problem carries the call site; under a collection the call returns a host stand-in", async () => {
    let site: string | undefined;
    try {
      host("nas", { ...base, address: "nope" });
    } catch (e) {
      site = (e as HomelabInputError).site;
    }
    expect(site).toMatch(/^packages\/homelab\/src\/builders\/host\.test\.ts:\d+:\d+$/);
    const { outcome, errors } = await collectInputErrors(async () => host("nas", { ...base, address: "nope" }));
    expect(errors.map((e) => e.builder)).toEqual(['host("nas")']);
    expect(outcome.ok && isStandIn(outcome.value) && isHost(outcome.value)).toBe(true);
  });
});
