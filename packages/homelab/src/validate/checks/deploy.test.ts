import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { secret } from "../../builders/secret.ts";
import { service } from "../../builders/service.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

const withSecret = container("app", { secrets: [secret("app-key")] });
const sshd = service("openssh", { config: { services: { openssh: { enable: true } } } });

describe("deploy-no-hardware", () => {
  test("nothing gives the host a root file system and a boot loader", () => {
    const [d] = findings(testLab({ modules: [] }), "deploy-no-hardware");
    expect(d!.message).toContain('modules: ["./hardware-configuration.nix"]');
    expect(d!.message).toContain("nixos-generate-config --show-hardware-config");
  });

  test("a hand-written module, or a service's config that sets them, is enough", () => {
    expect(findings(testLab({ modules: ["./hardware-configuration.nix"] }), "deploy-no-hardware")).toEqual([]);
    const fs = service("disks", { config: { fileSystems: { "/": { device: "/dev/sda1", fsType: "ext4" } }, boot: { loader: { "systemd-boot": { enable: true } } } } });
    expect(findings(testLab({ modules: [], services: [fs] }), "deploy-no-hardware")).toEqual([]);
  });
});

describe("identity-not-created", () => {
  test("agenix decrypts with an SSH host key and nothing enables OpenSSH: a warning with the fix", () => {
    const lab = testLab({ containers: [withSecret], agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"] } });
    const [d] = findings(lab, "identity-not-created");
    expect(d!.severity).toBe("warning");
    expect(d!.message).toContain("services.openssh.enable = true, with services.openssh.hostKeys pointing at /persist/etc/ssh/ssh_host_ed25519_key");
  });

  test("with a hand-written module nixjs cannot see into, only a note; the generated hardware module does not count", () => {
    const lab = (modules: string[]) => testLab({ modules, containers: [withSecret] });
    expect(findings(lab(["./hardware-configuration.nix", "./configuration.nix"]), "identity-not-created").map((d) => d.severity)).toEqual(["note"]);
    expect(findings(lab(["./hosts/server/hardware-configuration.nix"]), "identity-not-created").map((d) => d.severity)).toEqual(["warning"]);
    expect(findings(lab(["./my-hardware-configuration.nix"]), "identity-not-created").map((d) => d.severity)).toEqual(["note"]);
  });

  test("OpenSSH enabled in a service's config, no secrets, or a key that is not an SSH host key: nothing", () => {
    expect(findings(testLab({ containers: [withSecret], services: [sshd] }), "identity-not-created")).toEqual([]);
    expect(findings(testLab({ containers: [container("app")] }), "identity-not-created")).toEqual([]);
    expect(findings(testLab({ containers: [withSecret], agenix: { identityPaths: ["/var/lib/agenix/key.txt"] } }), "identity-not-created")).toEqual([]);
  });
});

describe("acme-dns-credentials", () => {
  test("a DNS-01 provider needs its API token in an environment file", () => {
    const bare = traefik({ certResolver: "le", acme: { email: "a@example.org", dnsProvider: "cloudflare" } });
    expect(findings(testLab({ traefik: bare }), "acme-dns-credentials").map((d) => d.path)).toEqual(["traefik.acme.dnsProvider"]);
    const withToken = traefik({ certResolver: "le", acme: { email: "a@example.org", dnsProvider: "cloudflare" }, environmentFiles: [secret("cf")] });
    expect(findings(testLab({ traefik: withToken }), "acme-dns-credentials")).toEqual([]);
    const http01 = traefik({ certResolver: "le", acme: { email: "a@example.org" } });
    expect(findings(testLab({ traefik: http01 }), "acme-dns-credentials")).toEqual([]);
  });
});
