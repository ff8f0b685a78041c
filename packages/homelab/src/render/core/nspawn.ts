import { n, type NixExpr } from "@nixjs/expr-printer";
import type { NspawnContainer } from "../../model/index.ts";
import { placed, type RenderContext } from "./context.ts";
import { dataToNix } from "./data.ts";
import { withFileMounts } from "./files.ts";
import { guestConfig, type GuestInput } from "./guest-config.ts";
import { mergeConfig } from "./merge.ts";
import { mountedSecrets, uniqueSecrets } from "../../facts/secrets.ts";
import { withMountedPaths, withSecretMounts } from "./secret-mounts.ts";
import { systemKey } from "../../facts/systems.ts";
import { AttrTree } from "./tree.ts";
import { runtimeOptions } from "./nspawn-runtime.ts";

/** A rendered `containers.<name>` value. */
export interface NspawnValue {
  readonly expr: NixExpr;
  /** The file must bind `hostConfig = config;` (see {@link guestConfig}). */
  readonly usesHostConfig: boolean;
}

/** `privateUsers` values that shift UIDs, so host-owned files appear as `nobody` in the guest. */
function shiftsUids(privateUsers: NspawnContainer["privateUsers"]): boolean {
  return privateUsers === "pick" || (typeof privateUsers === "number" && privateUsers > 0);
}

/**
 * `bindMounts`: the user's mounts (key = mount point inside the guest; `isReadOnly` always
 * written, because NixOS's default `true` surprises people), plus the host keys, read-only,
 * for guests that decrypt agenix secrets.
 *
 * In a UID-shifting guest (`privateUsers = "pick"` or a base UID) the key file, owned by the
 * host's root with mode 0600, would appear as `nobody` and agenix could not read it; NixOS
 * adds nspawn's `idmap` option only to its own `/nix` binds (nixpkgs#419007), so the key's
 * mount point carries `:idmap` itself (appended verbatim to `--bind-ro=<host>:<guest>`).
 */
function bindMounts(c: NspawnContainer, keys: readonly string[]): AttrTree | undefined {
  const tree = new AttrTree();
  const mounts = [...c.bindMounts].sort((a, b) => (a.mountPoint < b.mountPoint ? -1 : a.mountPoint > b.mountPoint ? 1 : 0));
  const userPoints = new Set(mounts.map((m) => m.mountPoint));
  const keyMounts = keys.filter((k) => !userPoints.has(k));
  for (const key of keyMounts) {
    if (shiftsUids(c.privateUsers)) {
      tree.set(
        [key],
        new AttrTree()
          .set(["hostPath"], n.str(key))
          .set(["mountPoint"], n.str(`${key}:idmap`))
          .set(["isReadOnly"], n.bool(true)),
        {
          comments: [
            "privateUsers: idmap keeps the host-root-owned agenix key readable by the guest's root",
          ],
        },
      );
    } else {
      tree.set([key, "isReadOnly"], n.bool(true));
    }
  }
  for (const m of mounts) {
    const entry = new AttrTree();
    if (m.hostPath !== undefined && m.hostPath !== m.mountPoint) entry.set(["hostPath"], n.str(m.hostPath));
    entry.set(["isReadOnly"], n.bool(m.isReadOnly));
    tree.set([m.mountPoint], entry);
  }
  return tree.size === 0 ? undefined : tree;
}

/**
 * The value of `containers.<name>` in seed 000's order: `autoStart`, `privateNetwork`,
 * `hostAddress`, `localAddress`, `privateUsers`, `ephemeral`, `bindMounts`, `forwardPorts`,
 * the runtime options (`allowedDevices` … `interfaces`), the user's further options, `config`. Options at their NixOS default are left out
 * (`privateNetwork = false`, `ephemeral = false`, `autoStart = false`), except
 * `isReadOnly`.
 */
export function nspawnValue(
  ctx: RenderContext,
  c: NspawnContainer,
  file: string,
  extra?: GuestInput["extra"],
  main?: GuestInput["main"],
  autoStartExpr?: NixExpr,
): NspawnValue {
  // Every secret its guest decrypts, also of a disabled container (its file is rendered too).
  const system = systemKey({ kind: "guest", container: c.name });
  const secrets = uniqueSecrets(ctx.facts.secrets.filter((u) => systemKey(u.system) === system).map((u) => u.secret));
  const keys = secrets.length > 0 ? ctx.host.identityPaths : [];
  const out: Record<string, unknown> = {};
  if (autoStartExpr !== undefined) out["autoStart"] = autoStartExpr;
  else if (c.autoStart) out["autoStart"] = true;
  if (c.network === "private") {
    const addresses = ctx.addresses.get(c.name);
    // A disabled container the pool had no room for is written without addresses (its file
    // is not imported; `validate` notes that it needs one before it can be enabled).
    if (addresses === undefined && c.enable) throw new Error(`render: no addresses for container ${c.name}`);
    out["privateNetwork"] = true;
    if (addresses !== undefined) {
      out["hostAddress"] = addresses.hostAddress;
      out["localAddress"] = addresses.localAddress;
    }
  }
  if (c.privateUsers !== undefined && c.privateUsers !== "no") out["privateUsers"] = c.privateUsers;
  if (c.ephemeral) out["ephemeral"] = true;
  const mounted = mountedSecrets(ctx.facts.secrets, c.name);
  out["bindMounts"] = withFileMounts(withSecretMounts(bindMounts(c, keys), c, mounted), c);
  if (c.network === "private" && c.forwardPorts.length > 0) {
    out["forwardPorts"] = c.forwardPorts.map((f) => ({
      ...(f.protocol === "udp" ? { protocol: "udp" } : {}),
      hostPort: f.hostPort,
      ...(f.containerPort === f.hostPort ? {} : { containerPort: f.containerPort }),
    }));
  }
  Object.assign(out, runtimeOptions(c.runtime));
  const guest = guestConfig({
    container: withMountedPaths(c, mounted),
    stateVersion: ctx.host.stateVersion,
    declarations: secrets.length === 0 ? undefined : ctx.backend.guestDeclarations(secrets, keys, placed(ctx, file)),
    ...(extra === undefined ? {} : { extra }),
    ...(main === undefined ? {} : { main }),
  });
  const merged = mergeConfig(out, c.extraOptions) as Record<string, unknown>;
  delete merged["config"];
  merged["config"] = guest.expr;
  return {
    expr: dataToNix(merged, { hostConfig: "config", path: `containers.${c.name}` }),
    usesHostConfig: guest.usesHostConfig,
  };
}
