/**
 * A rendered fleet (`render()`), through the stand-ins: its secrets encrypted per host (every
 * file a host's agenix or sops-nix declares — its own and its NixOS containers' — lists that
 * host's key, and no host's key is on a file it does not decrypt), and each deploy tool alone.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { print } from "@nixjs/expr-printer";
import { nixEval } from "@nixjs/testkit";
import { afterAll, describe, expect, it } from "vitest";
import { container, homelab, host, secret, service, type Homelab } from "@nixjs/homelab";
import { hostFacts } from "../../packages/homelab/src/facts/host-facts.ts";
import { allSecrets } from "../../packages/homelab/src/facts/secrets.ts";
import { render } from "../../packages/homelab/src/render/index.ts";
import { renderTextFiles } from "../../packages/homelab/src/render/text-files.ts";
import { validate } from "../../packages/homelab/src/validate/index.ts";
import { evalServer, evalServerAssertions, evalServerOutputs, ServerEvalError } from "../nixos-stub/eval-server.ts";

const HARDWARE = `{ ... }: {
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  boot.loader.systemd-boot.enable = true;
  services.openssh.enable = true;
}
`;
const ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAliceKeyForFleetDeployTests000000000000 alice@laptop";
const SSH = { nas: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINasKeyForFleetDeployTests00000000000000 root@nas", proxy: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIProxyKeyForFleetDeployTests000000000000 root@proxy", dns: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDnsKeyForFleetDeployTests00000000000000 root@dns" };
const AGE = { alice: "age1alice00000000000000000000000000000000000000000000000000000", nas: "age1nas000000000000000000000000000000000000000000000000000000000", proxy: "age1proxy0000000000000000000000000000000000000000000000000000000", dns: "age1dns000000000000000000000000000000000000000000000000000000000" };
type Name = keyof typeof SSH;
const HOSTS: readonly Name[] = ["dns", "nas", "proxy"];

/**
 * nas: a host secret (restic), a NixOS container's own secret (vault), one shared with proxy
 * (smtp); proxy: the shared one; dns: none.
 */
function fleet(backend: "agenix" | "sops", deploy: ("colmena" | "deploy-rs")[] = ["colmena", "deploy-rs"]): Homelab {
  const keys = backend === "sops" ? AGE : SSH;
  const smtp = () => secret("smtp-pass");
  const common = (name: Name) => ({ stateVersion: "25.11", modules: [`./hardware/${name}.nix`], hostKey: keys[name] });
  return homelab({
    domain: "example.org",
    deploy,
    ...(backend === "sops" ? { sops: { recipients: { alice: AGE.alice } } } : { agenix: { recipients: { alice: ALICE } } }),
    hosts: [
      host("proxy", { ...common("proxy"), services: [service("mailer", { secrets: [smtp()] })] }),
      host("nas", {
        ...common("nas"),
        services: [service("backup", { secrets: [secret("restic-pw")] }), service("mail", { secrets: [smtp()] })],
        containers: [container("vault", { ports: [8222], secrets: [secret("vault-env")], config: { services: { vaultwarden: { enable: true } } } })],
      }),
      host("dns", { ...common("dns"), system: "aarch64-linux", deployment: { buildOnTarget: true } }),
    ],
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The rendered tree on disk, with what the user keeps beside it: hardware modules, (empty) encrypted files. */
function writeTree(lab: Homelab, edit: (flake: string) => string = (t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-fleet-deploy-"));
  dirs.push(dir);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, file] of render(lab)) write(path, path === "flake.nix" ? edit(print(file)) : print(file));
  for (const [path, text] of renderTextFiles(lab)) write(path, text);
  for (const h of lab.hosts) {
    write(`hardware/${h.name}.nix`, HARDWARE);
    const facts = hostFacts(lab, h);
    for (const s of allSecrets(facts.secrets)) write(facts.backend.file(s), "");
  }
  return dir;
}

/** Every encrypted file a host decrypts, as its evaluated system declares them (host and NixOS guests), relative to the tree. */
function declaredFiles(dir: string, name: Name, backend: "agenix" | "sops"): string[] {
  const [option, field] = backend === "sops" ? ["sops", "sopsFile"] : ["age", "file"];
  const paths: Record<string, readonly string[]> = { host: [option, "secrets"] };
  if (name === "nas") paths["vault"] = ["containers", "vault", "config", option, "secrets"];
  const v = evalServer(dir, name, paths, { check: false });
  const guest = name === "nas" ? Object.values(v["vault"] as Record<string, Record<string, string>>) : [];
  return [...Object.values(v["host"] as Record<string, Record<string, string>>), ...guest].map((s) => (s[field] as string).replace(/^\.\//, "")).sort();
}

describe("agenix: secrets.nix follows which hosts decrypt each file", () => {
  const lab = fleet("agenix");
  const dir = writeTree(lab);

  it("validates without a recipient finding; every host builds", () => {
    expect(validate(lab).filter((d) => d.severity === "error")).toEqual([]);
    for (const h of HOSTS) expect(evalServerAssertions(dir, h).warnings, h).toEqual([]);
  });

  it("each host's declared files are exactly those whose recipients hold its key (secrets.nix read by the real nix-instantiate)", () => {
    const rules = nixEval(`import ${JSON.stringify(join(dir, "secrets/secrets.nix"))}`) as Record<string, { publicKeys: string[] }>;
    expect(rules).toEqual({
      "restic-pw.age": { publicKeys: [ALICE, SSH.nas] },
      "smtp-pass.age": { publicKeys: [ALICE, SSH.nas, SSH.proxy] },
      "vault-env.age": { publicKeys: [ALICE, SSH.nas] },
    });
    for (const h of HOSTS) {
      const encryptedTo = Object.keys(rules).filter((f) => rules[f]!.publicKeys.includes(SSH[h])).map((f) => `secrets/${f}`).sort();
      expect(declaredFiles(dir, h, "agenix"), h).toEqual(encryptedTo);
    }
    expect(declaredFiles(dir, "nas", "agenix")).toEqual(["secrets/restic-pw.age", "secrets/smtp-pass.age", "secrets/vault-env.age"]);
  });
});

describe("sops: .sops.yaml has a key group per file, with the hosts that decrypt it", () => {
  const lab = fleet("sops");
  const dir = writeTree(lab);
  const yaml = JSON.parse(
    execFileSync("python3", ["-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: renderTextFiles(lab).get(".sops.yaml"), encoding: "utf8" }),
  ) as { creation_rules: { path_regex: string; key_groups: { age: string[] }[] }[] };

  it("validates without a recipient finding; every host builds", () => {
    expect(validate(lab).filter((d) => d.severity === "error")).toEqual([]);
    for (const h of HOSTS) expect(evalServerAssertions(dir, h).warnings, h).toEqual([]);
  });

  it("each host's declared sopsFiles are exactly those whose rule's key group holds its key", () => {
    const groups = yaml.creation_rules.map((r) => ({ regex: new RegExp(r.path_regex), age: r.key_groups.flatMap((g) => g.age) }));
    expect(groups.map((g) => g.age)).toEqual([
      [AGE.alice, AGE.nas],
      [AGE.alice, AGE.nas, AGE.proxy],
      [AGE.alice, AGE.nas],
    ]);
    for (const h of HOSTS) {
      const files = declaredFiles(dir, h, "sops");
      for (const f of files) {
        const rule = groups.filter((g) => g.regex.test(f));
        expect(rule, f).toHaveLength(1);
        expect(rule[0]!.age, `${h}: ${f}`).toContain(AGE[h]);
      }
      const encryptedTo = groups.filter((g) => g.age.includes(AGE[h])).length;
      expect(files.length, h).toBe(encryptedTo);
    }
  });
});

describe("each deploy tool alone, rendered", () => {
  it("colmena only: its input and hive, no deploy-rs input, nodes nor checks", () => {
    const lab = fleet("agenix", ["colmena"]);
    const flake = print(render(lab).get("flake.nix")!);
    expect(flake).toContain('url = "github:zhaofengli/colmena"');
    expect(flake).not.toContain("deploy-rs");
    const dir = writeTree(lab);
    const v = evalServerOutputs(dir, { d: "colmenaHive.deploymentConfig.dns", t: "colmenaHive.toplevel" });
    expect(v.d).toMatchObject({ targetHost: "dns", targetUser: "root", buildOnTarget: true });
    expect(Object.keys(v.t as object)).toEqual(["dns", "nas", "proxy"]);
    expect(() => evalServerOutputs(dir, { c: "checks" })).toThrow(/attribute 'checks' missing/);
  });

  it("deploy-rs only: its input, nodes and checks, no colmena", () => {
    const lab = fleet("agenix", ["deploy-rs"]);
    const flake = print(render(lab).get("flake.nix")!);
    expect(flake).toContain('url = "github:serokell/deploy-rs"');
    expect(flake).not.toContain("colmena");
    const v = evalServerOutputs(writeTree(lab), { n: "deploy.nodes.dns.remoteBuild", a: "checks.aarch64-linux.deploy-activate", s: "checks.x86_64-linux.deploy-schema" });
    expect(v.n).toBe(true);
    expect(v.a).toMatch(/-deploy-rs-check-activate$/);
    expect(v.s).toMatch(/-jsonschema-deploy-system$/);
  });
});

describe("an edited rendered hive fails as colmena fails", () => {
  function failure(edit: (flake: string) => string, path: string): string {
    try {
      evalServerOutputs(writeTree(fleet("agenix", ["colmena"]), edit), { v: path });
    } catch (error) {
      if (error instanceof ServerEvalError) return error.nixMessage;
      throw error;
    }
    throw new Error("expected the evaluation to fail");
  }
  const once = (from: string, to: string) => (t: string) => {
    expect(t).toContain(from);
    return t.replace(from, to);
  };

  it("without meta.specialArgs, the hosts' modules miss the fleet's arguments", () => {
    expect(failure(once("      inherit specialArgs;\n        };\n        dns = {", "    };\n        dns = {"), "colmenaHive.toplevel.nas")).toMatch(
      /takes the argument `(domain|fleet|inputs)', which is neither a module argument .* nor in specialArgs/,
    );
  });

  it("a bare nixpkgs input as the aarch64 node's nixpkgs is refused", () => {
    expect(failure(once('dns = import nixpkgs { system = "aarch64-linux"; };', "dns = nixpkgs;"), "colmenaHive.toplevel.dns")).toContain(
      "Passing a path to Nixpkgs as meta.nodeNixpkgs.dns is no longer accepted with Flakes.",
    );
  });
});
