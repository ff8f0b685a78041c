import { posix } from "node:path";
import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Homelab } from "../../model/index.ts";
import { byCodeUnit } from "./context.ts";
import { allSecrets } from "./secrets.ts";

const KEYWORDS: ReadonlySet<string> = new Set(["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"]);

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) && !KEYWORDS.has(name);
}

/** The `.age` file as the agenix CLI names it when run from `secrets/` (its rules key). */
export function ruleName(file: string): string {
  return posix.relative("secrets", posix.normalize(file));
}

/**
 * `secrets/secrets.nix`, the agenix CLI's recipients file: every public key bound once by
 * name, then every `.age` file the config mentions (disabled containers' too) with every
 * recipient. Keys are paths relative to `secrets/`, because `agenix -e x.age` looks the rule
 * up by exactly the path it was given, and it is run from that directory.
 */
export function recipientsBody(lab: Homelab): NixExpr {
  const names = Object.keys(lab.agenix.recipients).sort(byCodeUnit);
  const bound = names.filter(isIdentifier);
  const keys = names.map((name) =>
    isIdentifier(name) ? n.id(name) : n.str(lab.agenix.recipients[name] as string),
  );
  const rules = allSecrets(lab)
    .map((s) => ruleName(s.file))
    .filter((file, i, all) => all.indexOf(file) === i)
    .sort(byCodeUnit)
    .map((file) => n.bind([file, "publicKeys"], n.list(keys)));
  const body = n.attrs(rules);
  if (bound.length === 0) return body;
  return n.let(
    bound.map((name) => n.bind([name], lab.agenix.recipients[name] as string)),
    body,
  );
}
