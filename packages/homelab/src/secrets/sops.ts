/**
 * sops-nix (github:Mic92/sops-nix): one sops-encrypted file per secret (`format = "binary"`:
 * the decrypted file is the plaintext as it was encrypted), decrypted at activation to
 * `/run/secrets/<name>` with the machine's SSH key (as an age key) or an age key file; the
 * `sops` tool finds each file's recipients in `.sops.yaml` (`creation_rules`).
 */
import { posix } from "node:path";
import { mapExpr, n, type NixBinding, type NixExpr, type NixSelect } from "@nixjs/expr-printer";
import type { SopsSetup } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { bindTree, AttrTree } from "../render/core/tree.ts";
import { relativeFrom } from "../render/core/paths.ts";
import { shellQuote } from "../util/shell.ts";
import type { SecretBackend } from "./backend.ts";
import { fleetRecipients } from "./fleet-recipients.ts";
import { sopsFleetRules, sopsRules } from "./sops-rules.ts";

/** Where the rules file is, relative to the output directory: where `sops` looks for it. */
const RULES = ".sops.yaml";

/** A numeric owner or group: sops-nix takes it as `uid`/`gid` (its `owner` is a user name). */
const NUMERIC = /^[0-9]+$/;

/** `sops` picks the store by extension; these would not be read as one binary secret. */
const NOT_BINARY = /\.(ya?ml|json|env|ini)$/;

/** The secret a selection `config.<ns>.secrets.<name>…` names, for `ns` in `namespaces`. */
function selectedSecret(select: NixSelect, namespaces: readonly string[]): string | undefined {
  const { expr, path } = select;
  if (expr.kind !== "ident" || expr.name !== "config") return undefined;
  if (typeof path[0] !== "string" || !namespaces.includes(path[0])) return undefined;
  if (path[1] !== "secrets" || typeof path[2] !== "string") return undefined;
  return path[2];
}

/** `config.age.secrets.<name>.path` exactly, as `secret().path` writes it. */
function neutralPath(e: NixExpr): string | undefined {
  if (e.kind !== "select" || e.default !== undefined || e.path.length !== 4 || e.path[3] !== "path") return undefined;
  return e.path[0] === "age" ? selectedSecret(e, ["age"]) : undefined;
}

/** `sops.secrets.<name>`'s value, in order: the file, binary, and who reads it. */
function entry(s: Secret, file: string, from: string): [string, NixExpr][] {
  const out: [string, NixExpr][] = [["sopsFile", n.path(relativeFrom(from, file))], ["format", n.str("binary")]];
  const account = (name: string, id: string, value: string | undefined): void => {
    if (value !== undefined) out.push(NUMERIC.test(value) ? [id, n.int(Number(value))] : [name, n.str(value)]);
  };
  account("owner", "uid", s.owner);
  account("group", "gid", s.group);
  if (s.mode !== undefined) out.push(["mode", n.str(s.mode)]);
  return out;
}

/** The keys to decrypt with, split as sops-nix takes them: the age key file, SSH keys. */
function keys(setup: SopsSetup, identityPaths: readonly string[]): { keyFile?: string; sshKeyPaths: string[] } {
  const keyFile = setup.ageKeyFile !== undefined && identityPaths.includes(setup.ageKeyFile) ? setup.ageKeyFile : undefined;
  const sshKeyPaths = identityPaths.filter((p) => p !== setup.ageKeyFile);
  return { ...(keyFile === undefined ? {} : { keyFile }), sshKeyPaths };
}

/** The `sops.age` settings: the key file when there is one, SSH keys when there are. */
function ageSettings(setup: SopsSetup, identityPaths: readonly string[]): [string, NixExpr][] {
  const k = keys(setup, identityPaths);
  return [
    ...(k.keyFile === undefined ? [] : [["keyFile", n.str(k.keyFile)] as [string, NixExpr]]),
    ...(k.sshKeyPaths.length > 0 ? [["sshKeyPaths", n.list(k.sshKeyPaths.map((p) => n.str(p)))] as [string, NixExpr]] : []),
  ];
}

const cache = new WeakMap<SopsSetup, SecretBackend>();

/**
 * The sops-nix backend of a homelab's sops setup (its keys are part of the declarations).
 * @example sopsBackend({ backend: "sops", recipients: {}, sshKeyPaths: ["/etc/ssh/ssh_host_ed25519_key"] }).pathExpr("jwt")
 * // config.sops.secrets.jwt.path
 */
export function sopsBackend(setup: SopsSetup): SecretBackend {
  const known = cache.get(setup);
  if (known !== undefined) return known;
  const backend: SecretBackend = {
    kind: "sops",
    input: { name: "sops-nix", url: "github:Mic92/sops-nix", followsNixpkgs: true },
    hostModule: n.select("sops-nix.nixosModules.sops"),

    file(secret: Secret): string {
      return secret.defaultFile === true ? `secrets/${secret.name}.sops` : secret.file;
    },

    localPaths(expr: NixExpr): NixExpr {
      return mapExpr(expr, (e) => {
        const name = neutralPath(e);
        return name === undefined ? undefined : backend.pathExpr(name);
      });
    },

    pathExpr(name: string): NixSelect {
      return n.select(n.id("config"), ["sops", "secrets", name, "path"]);
    },

    declaredTest(name: string) {
      return { assertion: n.has(n.select("config.sops.secrets"), [name]), option: `sops.secrets.${name}` };
    },

    recognises(select: NixSelect): string | undefined {
      return selectedSecret(select, ["sops"]) ?? neutralPath(select);
    },

    hostDeclarations(secrets, identityPaths, from): NixBinding[] {
      const tree = new AttrTree();
      for (const s of secrets) {
        const value = new AttrTree();
        for (const [key, v] of entry(s, backend.file(s), from)) value.set([key], v);
        tree.set([s.name], value);
      }
      const age = ageSettings(setup, identityPaths).map(([k, v]) => n.bind(["sops", "age", k], v));
      return [...age, bindTree(["sops", "secrets"], tree)];
    },

    guestDeclarations(secrets, identityPaths, from) {
      const entries: Record<string, unknown> = {};
      for (const s of secrets) entries[s.name] = Object.fromEntries(entry(s, backend.file(s), from));
      return {
        imports: [n.select(n.id("inputs"), ["sops-nix", "nixosModules", "sops"])],
        sops: { age: Object.fromEntries(ageSettings(setup, identityPaths)), secrets: entries },
      };
    },

    rulesFile(lab, secrets) {
      // A fleet's one rules file: each file's key group is the people and the hosts that decrypt it.
      if (lab.fleet !== undefined) return { kind: "text", path: RULES, text: (header) => sopsFleetRules(header, fleetRecipients(lab, (s) => backend.file(s))) };
      return { kind: "text", path: RULES, text: (header) => sopsRules(header, lab.secrets.recipients, secrets.map((s) => backend.file(s))) };
    },

    createHint(secret, out, rulesPath) {
      const dir = posix.join(out, posix.dirname(rulesPath));
      const file = relativeFrom(rulesPath, backend.file(secret)).replace(/^\.\//, "");
      const types = NOT_BINARY.test(file) ? "--input-type binary --output-type binary " : "";
      return `cd ${shellQuote(dir)} && sops ${types}${shellQuote(file)}`;
    },
  };
  cache.set(setup, backend);
  return backend;
}
