import { describe, expect, it } from "vitest";
import { homelab } from "../../builders/homelab.ts";
import { host } from "../../builders/host.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import type { HostOptions } from "../../index.ts";
import { validate } from "../index.ts";

/** The codes of secret-recipients.ts: what these tests look at among validate's findings. */
const CODES = new Set(["secret-host-key-missing", "recipient-name-host", "host-key-shared", "host-key-not-age"]);

const ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlice alice@laptop";
const NAS = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINas root@nas";
const PROXY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIProxy root@proxy";
const AGE_NAS = "age1nas00000000000000000000000000000000000000000000000000000000";

const backup = (enable = true) => service("backup", { enable, secrets: [secret("restic-pw")] });
type Backend = { agenix: { recipients: Record<string, string> } } | { sops: { recipients: Record<string, string> } };

function findings(hosts: Record<string, Omit<HostOptions, "stateVersion">>, backend: Backend = { agenix: { recipients: { alice: ALICE } } }) {
  const lab = homelab({ domain: "example.org", ...backend, hosts: Object.entries(hosts).map(([name, o]) => host(name, { stateVersion: "25.05", ...o })) });
  return validate(lab)
    .filter((d) => CODES.has(d.code))
    .map((d) => ({ code: d.code, severity: d.severity, host: d.host, path: d.path.join("."), message: d.message, related: d.related?.map((r) => r.path.join(".")) }));
}

describe("secret recipients of a fleet", () => {
  it("every host that decrypts has its key, names and keys distinct: nothing to say", () => {
    expect(findings({ nas: { hostKey: NAS, services: [backup()] }, proxy: { hostKey: PROXY }, dns: {} })).toEqual([]);
  });

  it("a host that decrypts without hostKey: an error naming its files, pointing at its uses; a disabled use needs none", () => {
    const found = findings({ nas: { services: [backup()] }, dns: {} });
    expect(found).toEqual([
      expect.objectContaining({ code: "secret-host-key-missing", severity: "error", host: "nas", path: "hostKey", related: ["services.backup.secrets.0"] }),
    ]);
    expect(found[0]?.message).toContain("nas decrypts secrets/restic-pw.age, but has no hostKey");
    expect(findings({ nas: { services: [backup(false)] } })).toEqual([]);
  });

  it("a person named like a host: an error (saying so when it is the host's key already)", () => {
    const found = findings({ nas: { hostKey: NAS, services: [backup()] } }, { agenix: { recipients: { alice: ALICE, nas: NAS } } });
    expect(found).toEqual([expect.objectContaining({ code: "recipient-name-host", severity: "error", host: "nas", path: "agenix.recipients.nas", related: ["hostKey"] })]);
    expect(found[0]?.message).toContain("It is nas's hostKey already: remove it from agenix.recipients");
    expect(findings({ nas: {} }, { agenix: { recipients: { nas: ALICE } } })[0]?.message).toContain('Move the key to host("nas", { hostKey })');
  });

  it("a host key that is a person's (comments aside) or another host's: warnings", () => {
    const asPerson = findings({ nas: { hostKey: ALICE.replace("alice@laptop", "root@nas") } });
    expect(asPerson).toEqual([expect.objectContaining({ code: "host-key-shared", severity: "warning", host: "nas", related: ["agenix.recipients.alice"] })]);
    const cloned = findings({ a: { hostKey: NAS }, b: { hostKey: NAS }, c: { hostKey: PROXY } });
    expect(cloned.map((f) => [f.code, f.host, f.related])).toEqual([
      ["host-key-shared", "a", ["hostKey"]],
      ["host-key-shared", "b", ["hostKey"]],
    ]);
  });

  it("under sops, an SSH host key of a host that decrypts: an error (sops-nix decrypts with the age form); an age key: none", () => {
    const sops = { sops: { recipients: { alice: "age1alice0000000000000000000000000000000000000000000000000000" } } };
    const found = findings({ nas: { hostKey: NAS, services: [backup()] }, dns: { hostKey: PROXY } }, sops);
    expect(found.map((f) => [f.code, f.severity, f.host])).toEqual([["host-key-not-age", "error", "nas"]]);
    expect(found[0]?.message).toContain("ssh-to-age");
    expect(findings({ nas: { hostKey: AGE_NAS, services: [backup()] } }, sops)).toEqual([]);
  });

  it("validate's no-recipients warning stays quiet for a fleet host whose own key is a recipient", () => {
    const lab = homelab({ domain: "example.org", hosts: [host("nas", { stateVersion: "25.05", hostKey: NAS, services: [backup()] })] });
    expect(validate(lab).map((d) => d.code)).not.toContain("no-recipients");
    const keyless = homelab({ domain: "example.org", hosts: [host("nas", { stateVersion: "25.05", services: [backup()] })] });
    expect(validate(keyless).map((d) => d.code)).toContain("no-recipients");
  });
});
