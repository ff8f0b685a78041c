/**
 * Secrets the host decrypts for NixOS containers (`secret(name, { decrypt: "host" })`): one
 * read-only bind mount per secret into each container that uses it, at a path of its own
 * (`/run/host-secrets/<name>`), and the guest's config naming that path wherever it names the
 * secret's `path`.
 */
import { isNixExpr, mapExpr, n, type NixExpr } from "@nixjs/expr-printer";
import { isPlainObject, ownRecord } from "../../config/plain.ts";
import { isHostRef, isSecret } from "../../model/brand.ts";
import type { NspawnContainer } from "../../model/index.ts";
import type { Secret } from "../../model/secret.ts";
import { AttrTree } from "./tree.ts";

/**
 * Where a container sees the secrets the host decrypted for it: apart from the guest's own
 * `/run/agenix` and `/run/secrets`, which the guest's backend replaces on every activation.
 */
export const HOST_SECRETS_DIR = "/run/host-secrets";

/**
 * The path a container sees a host-decrypted secret at.
 * @example hostSecretMountPoint("grafana-admin") // "/run/host-secrets/grafana-admin"
 */
export function hostSecretMountPoint(name: string): string {
  return `${HOST_SECRETS_DIR}/${name}`;
}

/** `privateUsers` values that shift UIDs, so host-owned files appear as `nobody` in the guest. */
function shiftsUids(privateUsers: NspawnContainer["privateUsers"]): boolean {
  return privateUsers === "pick" || (typeof privateUsers === "number" && privateUsers > 0);
}

/**
 * `tree` (the container's `bindMounts`, or none yet) with one read-only entry per secret: the
 * host's decrypted file (`config.age.secrets.<name>.path`, the host's `config`, renamed for
 * the backend like every secret path) at {@link hostSecretMountPoint}. In a UID-shifting guest
 * the mount point carries `:idmap`, as the host keys' do, so the file keeps its owner.
 * @example withSecretMounts(undefined, grafana, [adminPassword])
 * // { "/run/host-secrets/grafana-admin" = { hostPath = config.age.secrets.grafana-admin.path; isReadOnly = true; }; }
 */
export function withSecretMounts(tree: AttrTree | undefined, c: NspawnContainer, secrets: readonly Secret[]): AttrTree | undefined {
  if (secrets.length === 0) return tree;
  const out = tree ?? new AttrTree();
  const users = new Set(c.bindMounts.map((m) => m.mountPoint));
  for (const s of secrets) {
    const point = hostSecretMountPoint(s.name);
    if (users.has(point)) continue;
    const entry = new AttrTree().set(["hostPath"], n.select(n.id("config"), ["age", "secrets", s.name, "path"]));
    if (shiftsUids(c.privateUsers)) entry.set(["mountPoint"], n.str(`${point}:idmap`));
    entry.set(["isReadOnly"], n.bool(true));
    out.set([point], entry);
  }
  return out;
}

/**
 * The container with its guest `config` naming each mounted secret's mount point where it
 * named the secret (the secret itself, or its `path` inside an expression): in the guest,
 * `config.age.secrets.<name>` does not exist; the mount does.
 * @example withMountedPaths(grafana, [adminPassword]).config // { …: "/run/host-secrets/grafana-admin" }
 */
export function withMountedPaths(c: NspawnContainer, secrets: readonly Secret[]): NspawnContainer {
  if (secrets.length === 0) return c;
  const names = new Set(secrets.map((s) => s.name));
  /** The mounted secret `config.age.secrets.<name>.path` names, if it is one. */
  const mountedName = (e: NixExpr): string | undefined => {
    if (e.kind !== "select" || e.default !== undefined || e.expr.kind !== "ident" || e.expr.name !== "config") return undefined;
    const [age, secretsKey, name, path, ...rest] = e.path;
    if (age !== "age" || secretsKey !== "secrets" || typeof name !== "string" || path !== "path" || rest.length > 0) return undefined;
    return names.has(name) ? name : undefined;
  };
  const inExpr = (expr: NixExpr): NixExpr =>
    mapExpr(expr, (e) => {
      if (isHostRef(e)) return e;
      if (e.kind === "string" || e.kind === "indentedString") {
        // Spliced as text: `"token:/run/host-secrets/x"`, not `"token:${"/run/host-secrets/x"}"`.
        if (!e.parts.some((p) => typeof p !== "string" && mountedName(p) !== undefined)) return undefined;
        const parts = e.parts.map((p) => (typeof p === "string" ? p : mountedName(p) === undefined ? inExpr(p) : hostSecretMountPoint(mountedName(p)!)));
        return e.kind === "string" ? n.str(parts) : n.indented(parts);
      }
      const name = mountedName(e);
      return name === undefined ? undefined : n.str(hostSecretMountPoint(name));
    });
  const walk = (value: unknown): unknown => {
    if (isSecret(value)) return names.has(value.name) ? hostSecretMountPoint(value.name) : value;
    if (isNixExpr(value)) return isHostRef(value) ? value : inExpr(value);
    if (Array.isArray(value)) return value.map(walk);
    if (!isPlainObject(value)) return value;
    const out = ownRecord();
    for (const [key, v] of Object.entries(value)) out[key] = walk(v);
    return out;
  };
  return { ...c, config: walk(c.config) as NspawnContainer["config"] };
}
