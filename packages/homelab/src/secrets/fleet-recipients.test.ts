import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { print } from "@nixjs/expr-printer";
import { nixEval } from "@nixjs/testkit";
import { homelab } from "../builders/homelab.ts";
import { host } from "../builders/host.ts";
import { secret } from "../builders/secret.ts";
import { service } from "../builders/service.ts";
import type { Homelab } from "../model/index.ts";
import { secretBackend } from "./index.ts";

const ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAlice alice@laptop";
const BOB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBob bob@desktop";
const NAS = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINas root@nas";
const PROXY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIProxy root@proxy";
const AGE = { alice: "age1alice0000000000000000000000000000000000000000000000000000", nas: "age1nas00000000000000000000000000000000000000000000000000000000", proxy: "age1proxy000000000000000000000000000000000000000000000000000000" };

/** nas backs up (restic) and mails (smtp); proxy mails; dns decrypts nothing. */
function hosts(keys: { nas?: string; proxy?: string; dns?: string }) {
  const smtp = () => secret("smtp-pass");
  const k = (name: "nas" | "proxy" | "dns") => (keys[name] === undefined ? {} : { hostKey: keys[name] });
  return [
    host("proxy", { stateVersion: "25.05", ...k("proxy"), services: [service("mailer", { secrets: [smtp()] })] }),
    host("nas", { stateVersion: "25.05", ...k("nas"), services: [service("backup", { secrets: [secret("restic-pw")] }), service("mail", { secrets: [smtp()] })] }),
    host("dns", { stateVersion: "25.05", ...k("dns") }),
  ];
}

function agenixFleet(people: Record<string, string>, keys: Parameters<typeof hosts>[0], reverse = false): Homelab {
  const hs = hosts(keys);
  return homelab({ domain: "example.org", agenix: { recipients: people }, hosts: reverse ? hs.reverse() : hs });
}

function rulesNix(lab: Homelab): string {
  const rules = secretBackend(lab).rulesFile(lab, []);
  if (rules.kind !== "nix") throw new Error("agenix's rules file is Nix");
  return print(rules.body);
}

function rulesYaml(lab: Homelab): string {
  const rules = secretBackend(lab).rulesFile(lab, []);
  if (rules.kind !== "text") throw new Error("sops' rules file is text");
  return rules.text("Generated");
}

/** `.sops.yaml` read by a real YAML parser (PyYAML), aliases resolved. */
function parseYaml(text: string): unknown {
  return JSON.parse(execFileSync("python3", ["-c", "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))"], { input: text, encoding: "utf8" }));
}

describe("agenix secrets.nix of a fleet", () => {
  const lab = agenixFleet({ bob: BOB, alice: ALICE }, { nas: NAS, proxy: PROXY });

  it("binds people then hosts by name; each file lists the people and the hosts that decrypt it", () => {
    expect(rulesNix(lab)).toBe(`let
  alice = "${ALICE}";
  bob = "${BOB}";
  nas = "${NAS}";
  proxy = "${PROXY}";
in
{
  "restic-pw.age".publicKeys = [
    alice
    bob
    nas
  ];
  "smtp-pass.age".publicKeys = [
    alice
    bob
    nas
    proxy
  ];
}
`);
  });

  it("evaluates (the real nix-instantiate) to the recipients the agenix CLI reads", () => {
    expect(nixEval(rulesNix(lab))).toEqual({
      "restic-pw.age": { publicKeys: [ALICE, BOB, NAS] },
      "smtp-pass.age": { publicKeys: [ALICE, BOB, NAS, PROXY] },
    });
  });

  it("is the same for any host order and whichever host asks", () => {
    const reversed = agenixFleet({ alice: ALICE, bob: BOB }, { nas: NAS, proxy: PROXY }, true);
    expect(rulesNix(reversed)).toBe(rulesNix(lab));
    const one = secretBackend(lab).rulesFile(lab, [secret("restic-pw")]);
    expect(one.kind === "nix" && print(one.body)).toBe(rulesNix(lab));
  });

  it("a host without hostKey is no recipient (the check reports it); one key is listed once", () => {
    const v = nixEval(rulesNix(agenixFleet({ alice: ALICE, nas: NAS }, { proxy: PROXY, nas: NAS })));
    // `nas` is a person's name here: its host key is the same key, listed once.
    expect(v).toEqual({ "restic-pw.age": { publicKeys: [ALICE, NAS] }, "smtp-pass.age": { publicKeys: [ALICE, NAS, PROXY] } });
    expect(nixEval(rulesNix(agenixFleet({ alice: ALICE }, { proxy: PROXY })))).toEqual({
      "restic-pw.age": { publicKeys: [ALICE] },
      "smtp-pass.age": { publicKeys: [ALICE, PROXY] },
    });
  });

  it("a host whose name a person has keeps a valid file: its key is written in place", () => {
    const text = rulesNix(agenixFleet({ alice: ALICE, nas: BOB }, { nas: NAS }));
    expect(text).toContain(`"${NAS}"`);
    expect(nixEval(text)).toEqual({ "restic-pw.age": { publicKeys: [ALICE, BOB, NAS] }, "smtp-pass.age": { publicKeys: [ALICE, BOB, NAS] } });
  });
});

describe("sops .sops.yaml of a fleet", () => {
  const lab = homelab({ domain: "example.org", sops: { recipients: { alice: AGE.alice } }, hosts: hosts({ nas: AGE.nas, proxy: AGE.proxy }) });

  it("one creation rule per file, each with its own key group: the people and the hosts that decrypt it", () => {
    expect(rulesYaml(lab)).toBe(`# Generated
keys:
  - &alice '${AGE.alice}'
  - &nas '${AGE.nas}'
  - &proxy '${AGE.proxy}'
creation_rules:
  - path_regex: '^secrets/restic-pw\\.sops$'
    key_groups:
      - age:
          - *alice
          - *nas
  - path_regex: '^secrets/smtp-pass\\.sops$'
    key_groups:
      - age:
          - *alice
          - *nas
          - *proxy
`);
  });

  it("reads, with a real YAML parser, as those recipients per file", () => {
    expect(parseYaml(rulesYaml(lab))).toEqual({
      keys: [AGE.alice, AGE.nas, AGE.proxy],
      creation_rules: [
        { path_regex: "^secrets/restic-pw\\.sops$", key_groups: [{ age: [AGE.alice, AGE.nas] }] },
        { path_regex: "^secrets/smtp-pass\\.sops$", key_groups: [{ age: [AGE.alice, AGE.nas, AGE.proxy] }] },
      ],
    });
  });
});
