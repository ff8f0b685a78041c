import { posix } from "node:path";
import { container, homelab, secret, service } from "@nixjs/homelab";
import { describe, expect, it } from "vitest";
import { synthesizeLab } from "./synthesize.ts";

const RECIPIENT = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
const OUT = "/repo/server";

/** Every `file = <path>;` of an `age.secrets` entry in a generated file, resolved on disk. */
function declaredFiles(path: string, text: string): string[] {
  return [...text.matchAll(/\bfile = (\.{1,2}\/[^;\s]+);/g)].map((m) => posix.join(OUT, posix.dirname(path), m[1]!));
}

describe("a secret's file is one file wherever it is named", () => {
  it.each([
    ["secrets/jwt.age", "/repo/server/secrets/jwt.age"],
    ["secrets/authelia/jwt.age", "/repo/server/secrets/authelia/jwt.age"],
    // Beside the output directory, in the same repository (flakes read it from git).
    ["../keys/jwt.age", "/repo/keys/jwt.age"],
    ["./../keys/jwt.age", "/repo/keys/jwt.age"],
  ])("%s: the declarations, the rules file and the create command all name %s", (file, onDisk) => {
    expectOneFile(file, onDisk);
  });

  it("names them alike from any working directory, the file system's root included", () => {
    const cwd = process.cwd();
    try {
      process.chdir("/");
      expectOneFile("../keys/jwt.age", "/repo/keys/jwt.age");
    } finally {
      process.chdir(cwd);
    }
  });
});

/** Synthesizes a lab whose secret `file` is used by a guest, the host and a service, and checks every name. */
function expectOneFile(file: string, onDisk: string): void {
  const jwt = secret("jwt", { file, owner: "root" });
  const lab = homelab({
    hostName: "h",
    domain: "example.org",
    stateVersion: "25.05",
    modules: ["./hardware-configuration.nix"],
    network: { pool: "10.1.0.0/24", externalInterface: "eth0" },
    agenix: { identityPaths: ["/etc/ssh/ssh_host_ed25519_key"], recipients: { h: RECIPIENT } },
    containers: [
      container("app", { localAddress: "10.1.0.3", secrets: [jwt], config: { environment: { etc: { jwt: { source: jwt.path } } } } }),
      container("db", { backend: "podman", image: "postgres:16.4", environmentFiles: [jwt] }),
    ],
    services: [service("openssh", { secrets: [jwt], config: { services: { openssh: { enable: true } } } })],
  });
  const result = synthesizeLab(lab);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);

  const declared = [...result.files].flatMap(([path, text]) => declaredFiles(path, text));
  // The guest of `app` declares it, and the host for the Podman container and the service.
  expect(declared.length).toBeGreaterThanOrEqual(2);
  for (const d of declared) expect(d).toBe(onDisk);

  const rules = result.files.get("secrets/secrets.nix") ?? "";
  const keys = [...rules.matchAll(/^\s*"([^"]+)"\.publicKeys/gm)].map((m) => posix.join(OUT, "secrets", m[1]!));
  expect(keys).toEqual([onDisk]);

  const [hint] = result.secrets.map((s) => s.createHint("server"));
  const cmd = /^cd (\S+) && agenix -e (\S+)$/.exec(hint ?? "");
  expect(cmd).not.toBeNull();
  expect(posix.join("/repo", cmd![1]!, cmd![2]!)).toBe(onDisk);
}
