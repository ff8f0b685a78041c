import { n, type NixExpr } from "@nixjs/expr-printer";
import { isSecret } from "../../model/brand.ts";
import type { Container, Homelab, HostService, Secret } from "../../model/index.ts";
import { byCodeUnit } from "./context.ts";
import { isPlainObject } from "./merge.ts";
import { relativeFrom } from "./paths.ts";
import { AttrTree } from "./tree.ts";

/** Every secret nested in user data (plain objects and arrays). */
export function secretsIn(value: unknown, out: Secret[] = []): Secret[] {
  if (isSecret(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) secretsIn(v, out);
  else if (isPlainObject(value)) for (const v of Object.values(value)) secretsIn(v, out);
  return out;
}

/** One secret per name (the first seen wins; `validate` reports conflicting settings), sorted. */
export function uniqueSecrets(secrets: Iterable<Secret>): Secret[] {
  const byName = new Map<string, Secret>();
  for (const s of secrets) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()].sort((a, b) => byCodeUnit(a.name, b.name));
}

/** Secrets an nspawn guest decrypts itself: declared ones and any its `config` uses. */
export function guestSecrets(container: Container): Secret[] {
  if (container.backend !== "nspawn") return [];
  return uniqueSecrets([...container.secrets, ...secretsIn(container.config), ...secretsIn(container.extraOptions)]);
}

/** Secrets a host service reads: declared ones and any its `config` uses. */
export function serviceSecrets(service: HostService): Secret[] {
  return uniqueSecrets([...service.secrets, ...secretsIn(service.config)]);
}

/**
 * Host-level `age.secrets` of the deployed system: Podman environment files, Traefik's
 * environment files when it runs as a host service, host services' secrets. Only enabled
 * containers and services count: a disabled one is not imported, its secrets not decrypted.
 */
export function hostSecrets(lab: Homelab): Secret[] {
  const out: Secret[] = [];
  for (const c of lab.containers) {
    if (c.enable && c.backend === "podman") out.push(...c.environmentFiles);
  }
  if (lab.traefik?.mode === "service") out.push(...lab.traefik.environmentFiles);
  for (const s of lab.services) if (s.enable) out.push(...serviceSecrets(s));
  return uniqueSecrets(out);
}

/**
 * Every `.age` file the config mentions, disabled containers and services included: the
 * recipients file must keep listing them so `agenix -r` re-encrypts them when a key changes
 * and re-enabling one later still decrypts.
 */
export function allSecrets(lab: Homelab): Secret[] {
  const out: Secret[] = [];
  for (const c of lab.containers) {
    if (c.backend === "podman") out.push(...c.environmentFiles);
    else out.push(...guestSecrets(c));
  }
  if (lab.traefik !== undefined) out.push(...lab.traefik.environmentFiles);
  for (const s of lab.services) out.push(...serviceSecrets(s));
  return uniqueSecrets(out);
}

/**
 * `age.secrets.<name> = { file = ../secrets/<name>.age; owner; group; mode; }` as seen from
 * the file `from` (the `.age` path is a Nix path literal relative to that file).
 */
export function ageSecretsTree(secrets: readonly Secret[], from: string): AttrTree {
  const tree = new AttrTree();
  for (const s of secrets) {
    const entry = new AttrTree();
    entry.set(["file"], n.path(relativeFrom(from, s.file)));
    if (s.owner !== undefined) entry.set(["owner"], n.str(s.owner));
    if (s.group !== undefined) entry.set(["group"], n.str(s.group));
    if (s.mode !== undefined) entry.set(["mode"], n.str(s.mode));
    tree.set([s.name], entry);
  }
  return tree;
}

/** `age.identityPaths = [ … ];` value: the host keys that decrypt. */
export function identityPaths(lab: Homelab): NixExpr {
  return n.list(lab.agenix.identityPaths.map((p) => n.str(p)));
}
