/**
 * agenix (github:ryantm/agenix): secrets encrypted to SSH or age keys in `.age` files beside
 * the flake, decrypted at activation to `/run/agenix/<name>` with the host's own key; the
 * `agenix` tool finds each file's recipients in `secrets/secrets.nix`.
 */
import { posix } from "node:path";
import { binderProblem, n, type NixExpr, type NixSelect } from "@nixjs/expr-printer";
import type { Homelab } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { bindTree, AttrTree } from "../render/core/tree.ts";
import { relativeFrom } from "../render/core/paths.ts";
import { shellQuote } from "../util/shell.ts";
import { compareCodeUnits } from "../util/order.ts";
import type { SecretBackend } from "./backend.ts";
import { fleetRecipients } from "./fleet-recipients.ts";

/** Where the rules file is, relative to the output directory. */
const RULES = "secrets/secrets.nix";

/** The `.age` file as the agenix CLI names it when run from the rules file's directory. */
function ruleName(file: string): string {
  return besideRules(RULES, file);
}

/**
 * `file` (relative to the output directory) as named from the directory of the rules file:
 * what `agenix -e` is given there. Never resolved against the working directory, so a file
 * beside the output directory (`../keys/x.age`) is named alike from any directory.
 */
function besideRules(rulesPath: string, file: string): string {
  return relativeFrom(rulesPath, file).replace(/^\.\//, "");
}

/**
 * `secrets/secrets.nix`: every public key bound once by name (names Nix cannot bind, such as
 * `null` or `if`, are written in place), then every `.age` file with every recipient. Keys are
 * paths relative to `secrets/`, because `agenix -e x.age` looks the rule up by exactly the path
 * it was given, and it is run from that directory.
 */
function recipientsBody(lab: Homelab, secrets: readonly Secret[]): NixExpr {
  const recipients = lab.secrets.recipients;
  const names = Object.keys(recipients).sort(compareCodeUnits);
  const bindable = (name: string): boolean => binderProblem(name) === undefined;
  const keys = names.map((name) => (bindable(name) ? n.id(name) : n.str(recipients[name] as string)));
  const rules = [...new Set(secrets.map((s) => ruleName(agenix.file(s))))]
    .sort(compareCodeUnits)
    .map((file) => n.bind([file, "publicKeys"], n.list(keys)));
  const body = n.attrs(rules);
  const bound = names.filter(bindable);
  if (bound.length === 0) return body;
  return n.let(bound.map((name) => n.bind([name], recipients[name] as string)), body);
}

/**
 * A fleet's `secrets/secrets.nix`: people keys and host keys bound once by name (as in
 * {@link recipientsBody}), each `.age` file of every host with its own recipients
 * (`fleetRecipients`): a secret only `nas` decrypts is not encrypted to `proxy`.
 */
function fleetRecipientsBody(lab: Homelab): NixExpr {
  const { named, files } = fleetRecipients(lab, (s) => agenix.file(s));
  const bindable = (name: string): boolean => binderProblem(name) === undefined;
  const keyOf = new Map(named.map((k) => [k.name, k.key]));
  const rules = files.map((f) =>
    n.bind(
      [ruleName(f.file), "publicKeys"],
      n.list(f.recipients.map((r) => (r.kind === "literal" ? n.str(r.key) : bindable(r.name) ? n.id(r.name) : n.str(keyOf.get(r.name) as string)))),
    ),
  );
  const body = n.attrs(rules);
  const bound = named.filter((k) => bindable(k.name));
  if (bound.length === 0) return body;
  return n.let(bound.map((k) => n.bind([k.name], k.key)), body);
}

/** `age.secrets.<name>`'s value, the `.age` file relative to the file `from` it is written in. */
function entry(s: Secret, from: string, sorted: boolean): AttrTree | Record<string, unknown> {
  const file = n.path(relativeFrom(from, agenix.file(s)));
  if (sorted) return { file, owner: s.owner, group: s.group, mode: s.mode };
  const tree = new AttrTree().set(["file"], file);
  if (s.owner !== undefined) tree.set(["owner"], n.str(s.owner));
  if (s.group !== undefined) tree.set(["group"], n.str(s.group));
  if (s.mode !== undefined) tree.set(["mode"], n.str(s.mode));
  return tree;
}

export const agenix: SecretBackend = {
  kind: "agenix",
  input: { name: "agenix", url: "github:ryantm/agenix", followsNixpkgs: true },
  hostModule: n.select("agenix.nixosModules.default"),

  file(secret: Secret): string {
    // `secret()` names agenix's default already.
    return secret.file;
  },

  localPaths(expr: NixExpr): NixExpr {
    return expr;
  },

  pathExpr(name: string): NixSelect {
    return n.select(n.id("config"), ["age", "secrets", name, "path"]);
  },

  declaredTest(name: string) {
    return { assertion: n.has(n.select("config.age.secrets"), [name]), option: `age.secrets.${name}` };
  },

  recognises(select: NixSelect): string | undefined {
    const { expr, path } = select;
    if (expr.kind !== "ident" || expr.name !== "config") return undefined;
    if (path[0] !== "age" || path[1] !== "secrets" || typeof path[2] !== "string") return undefined;
    return path[2];
  },

  hostDeclarations(secrets, identityPaths, from) {
    const tree = new AttrTree();
    for (const s of secrets) tree.set([s.name], entry(s, from, false) as AttrTree);
    return [n.bind("age.identityPaths", n.list(identityPaths.map((p) => n.str(p)))), bindTree(["age", "secrets"], tree)];
  },

  guestDeclarations(secrets, identityPaths, from) {
    const entries: Record<string, unknown> = {};
    for (const s of secrets) entries[s.name] = entry(s, from, true);
    return {
      imports: [n.select("inputs.agenix.nixosModules.default")],
      age: { identityPaths: [...identityPaths], secrets: entries },
    };
  },

  rulesFile(lab, secrets) {
    // A fleet's one rules file: each file encrypted to the people and the hosts that decrypt it.
    if (lab.fleet !== undefined) return { kind: "nix", path: RULES, body: fleetRecipientsBody(lab) };
    return { kind: "nix", path: RULES, body: recipientsBody(lab, secrets) };
  },

  createHint(secret, out, rulesPath) {
    const dir = posix.join(out, posix.dirname(rulesPath));
    const file = besideRules(rulesPath, agenix.file(secret));
    return `cd ${shellQuote(dir)} && agenix -e ${shellQuote(file)}`;
  },
};
