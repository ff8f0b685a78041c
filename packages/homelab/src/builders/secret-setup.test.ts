import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { formatPath, homelab, secret, secretBackend } from "../index.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" } as const;
const AGE = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

/** Runs `build`, expects one HomelabInputError, returns its builder, site and `path: message` lines. */
function problems(build: () => unknown): { builder: string; site: string; lines: string[] } {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    const error = e as HomelabInputError;
    return { builder: error.builder, site: error.site, lines: error.diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`) };
  }
  throw new Error("expected a HomelabInputError");
}

describe("secret(name, { decrypt })", () => {
  test('"host" is kept, "guest" is the default and leaves no field; the file default is marked as the backend\'s', () => {
    expect(secret("t", { decrypt: "host" })).toMatchObject({ decrypt: "host", file: "secrets/t.age", defaultFile: true });
    expect(secret("t", { decrypt: "guest" })).not.toHaveProperty("decrypt");
    expect(secret("t", { file: "keys/t.age" })).not.toHaveProperty("defaultFile");
  });

  test("another value names the field and the call", () => {
    const p = problems(() => secret("t", { decrypt: "container" as "host" }));
    expect(p.builder).toBe('secret("t")');
    expect(p.site).toMatch(/secret-setup\.test\.ts:\d+:\d+$/);
    expect(p.lines).toEqual(['decrypt: expected "host" or "guest", got "container"']);
  });
});

describe("homelab({ sops })", () => {
  test("chooses sops-nix: recipients, the host's SSH key by default, none beside an age key file", () => {
    const lab = homelab({ ...base, sops: { recipients: { admin: AGE } } });
    expect(lab.secrets).toEqual({ backend: "sops", recipients: { admin: AGE }, sshKeyPaths: ["/etc/ssh/ssh_host_ed25519_key"] });
    expect(lab.hosts[0]!.identityPaths).toEqual(["/etc/ssh/ssh_host_ed25519_key"]);
    expect(secretBackend(lab).kind).toBe("sops");
    const keyFile = homelab({ ...base, sops: { ageKeyFile: "/var/lib/sops-nix/key.txt" } });
    expect(keyFile.secrets).toEqual({ backend: "sops", recipients: {}, ageKeyFile: "/var/lib/sops-nix/key.txt", sshKeyPaths: [] });
    expect(keyFile.hosts[0]!.identityPaths).toEqual(["/var/lib/sops-nix/key.txt"]);
    const both = homelab({ ...base, sops: { ageKeyFile: "/k.txt", sshKeyPaths: ["/persist/ssh_host_ed25519_key"] } });
    expect(both.hosts[0]!.identityPaths).toEqual(["/persist/ssh_host_ed25519_key", "/k.txt"]);
  });

  test("agenix stays the default", () => {
    expect(homelab(base).secrets).toEqual({ backend: "agenix", recipients: {} });
    expect(secretBackend(homelab(base)).kind).toBe("agenix");
  });

  test("agenix and sops together are refused, at sops", () => {
    const p = problems(() => homelab({ ...base, agenix: {}, sops: {} }));
    expect(p.builder).toBe("homelab({…})");
    expect(p.lines).toEqual(["sops: give either agenix or sops: a homelab keeps its secrets with one backend (every secret() is declared with it)"]);
  });

  test("recipients are age keys (an SSH key is named, with the tool that converts it); key paths are absolute", () => {
    const p = problems(() => homelab({ ...base, sops: { recipients: { server: "ssh-ed25519 AAAAC3Nza" }, ageKeyFile: "key.txt" } }));
    expect(p.lines).toEqual([
      'sops.recipients.server: expected an age public key ("age1…"; convert an SSH key with ssh-to-age), got "ssh-ed25519 AAAAC3Nza"',
      'sops.ageKeyFile: expected an absolute path without spaces, like "/var/lib/app", got "key.txt"',
    ]);
  });
});
