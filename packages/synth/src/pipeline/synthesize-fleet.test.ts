/**
 * The pipeline with a fleet (`homelab({ hosts })`): the host names it reports, the
 * hand-written modules and encrypted files each host needs (one warning per missing file, the
 * hosts named), and a bad value reported on the host that holds it when every host has a part
 * of that name.
 */
import { n } from "@nixjs/expr-printer";
import { container, homelab, host, secret, service, type Homelab, type HostService } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { missingModuleWarnings, missingSecretWarnings } from "../plan/secret-files.ts";
import { synthesizeLab } from "./synthesize.ts";

const key = (h: string) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL4d2VqzK8mX3cH0p9RkQ7tYwB1sF6uJ2nE5aG8hD0Vi root@${h}`;
const sshd = () => service("openssh", { config: { services: { openssh: { enable: true } } } });
const shared = secret("backup-password");

/** Two hosts (declared nas first): each its own hardware module, both one shared module and the shared secret. */
function fleet(): Homelab {
  const on = (name: string, address: string) =>
    host(name, {
      stateVersion: "25.05",
      address,
      hostKey: key(name),
      modules: [`./hosts/${name}/hardware-configuration.nix`, "./common/backup.nix"],
      services: [sshd(), service("backup", { secrets: [shared], config: { services: { backup: { passwordFile: shared.path } } } })],
    });
  return homelab({ domain: "example.org", hosts: [on("nas", "192.168.1.10"), on("dns", "192.168.1.3")], agenix: { recipients: { alice: key("alice") } } });
}

describe("synthesizeLab of a fleet", () => {
  it("names the hosts, sorted; a homelab of one host names none", () => {
    expect(synthesizeLab(fleet()).hosts).toEqual(["dns", "nas"]);
    const single = synthesizeLab(homelab({ hostName: "h", domain: "example.org", stateVersion: "25.05", containers: [container("a", { ports: [80] })] }));
    expect(single.hosts).toBeUndefined();
    expect("hosts" in single).toBe(false);
  });

  it("lists each host's hand-written modules (flagged as a fleet's) and one encrypted file for a secret two hosts decrypt", () => {
    const result = synthesizeLab(fleet());
    expect(result.modules.map((m) => [m.host, m.path, m.fleet])).toEqual([
      ["nas", "./hosts/nas/hardware-configuration.nix", true],
      ["nas", "./common/backup.nix", true],
      ["dns", "./hosts/dns/hardware-configuration.nix", true],
      ["dns", "./common/backup.nix", true],
    ]);
    // The site of a host's modules is its host() call.
    for (const m of result.modules) expect(m.site).toMatch(/synthesize-fleet\.test\.ts:\d+:\d+$/);
    expect(result.secrets.map((s) => s.file)).toEqual(["secrets/backup-password.age"]);
    const warnings = missingSecretWarnings(result.secrets, () => false, "server");
    expect(warnings.map((w) => w.message)).toEqual(["server/secrets/backup-password.age does not exist yet; create it with: cd server/secrets && agenix -e backup-password.age"]);
  });

  it("a missing module: one warning per file; a host's own names the host, a shared one every host that imports it", () => {
    const { modules } = synthesizeLab(fleet());
    const warnings = missingModuleWarnings(modules, () => false, "server");
    expect(warnings.map((w) => [w.host, w.message])).toEqual([
      ["nas", "server/hosts/nas/hardware-configuration.nix does not exist yet, and nas imports it: on nas, run nixos-generate-config --show-hardware-config > server/hosts/nas/hardware-configuration.nix (or copy /etc/nixos/hardware-configuration.nix)"],
      [undefined, "server/common/backup.nix does not exist yet, and nas and dns import it: write it (synth never writes or deletes it)"],
      ["dns", "server/hosts/dns/hardware-configuration.nix does not exist yet, and dns imports it: on dns, run nixos-generate-config --show-hardware-config > server/hosts/dns/hardware-configuration.nix (or copy /etc/nixos/hardware-configuration.nix)"],
    ]);
    expect(warnings.every((w) => w.code === "missing-module-file" && w.severity === "warning")).toBe(true);
    expect(missingModuleWarnings(modules, (p) => p !== "common/backup.nix", "server").map((w) => w.message.split(" ")[0])).toEqual(["server/common/backup.nix"]);
  });

  it("a homelab of one host keeps its message (the flake imports it, on the machine)", () => {
    const lab = homelab({ hostName: "h", domain: "example.org", stateVersion: "25.05", modules: ["./hardware-configuration.nix", "./hardware-configuration.nix"] });
    const warnings = missingModuleWarnings(synthesizeLab(lab).modules, () => false, "server");
    expect(warnings.map((w) => [w.host, w.message])).toEqual([
      [undefined, "server/hardware-configuration.nix does not exist yet, and the flake imports it: on the machine, run nixos-generate-config --show-hardware-config > server/hardware-configuration.nix (or copy /etc/nixos/hardware-configuration.nix)"],
    ]);
  });
});

describe("raw text that does not parse, in a fleet", () => {
  it("is reported on the host whose file it is in (hosts/<host>/…), on the part of that host", () => {
    const bad = service("backup", { config: { services: { backup: { enable: n.raw("if") } } } });
    const lab = fleet();
    const broken = { ...lab, hosts: lab.hosts.map((h) => (h.name !== "dns" ? h : { ...h, services: h.services.map((s) => (s.name === "backup" ? bad : s)) })) } as Homelab;
    const result = synthesizeLab(broken);
    const errors = result.diagnostics.filter((d) => d.code === "unparsable-output");
    expect(errors.map((d) => [d.host, d.subject])).toEqual([["dns", { kind: "service", name: "backup" }]]);
    expect(errors[0]!.message).toMatch(/^hosts\/dns\/services\/backup\.nix would not parse \(\d+:\d+: /);
    expect(errors[0]!.site).toMatch(/synthesize-fleet\.test\.ts:\d+:\d+$/);
    expect(result.files.size).toBe(0);
  });
});

describe("a value the renderer cannot write, in a fleet", () => {
  /** The fleet with `bad` in host `name`'s openssh config: a value no builder lets through (a gap). */
  function withBadValue(lab: Homelab, name: string, bad: unknown): Homelab {
    return {
      ...lab,
      hosts: lab.hosts.map((h) =>
        h.name !== name ? h : { ...h, services: h.services.map((s): HostService => (s.name !== "openssh" ? s : { ...s, config: { services: { openssh: { enable: true, banner: bad } } } })) },
      ),
    } as Homelab;
  }

  it("is reported on the host whose service holds it, though every host has an openssh service", () => {
    for (const name of ["nas", "dns"]) {
      const result = synthesizeLab(withBadValue(fleet(), name, new Map([["a", 1]])));
      const errors = result.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => [d.code, d.host, d.subject])).toEqual([["not-nix-value", name, { kind: "service", name: "openssh" }]]);
      expect(errors[0]!.path[0]).toMatch(/^services\.openssh\.config/);
      expect(result.files.size).toBe(0);
    }
  });
});
