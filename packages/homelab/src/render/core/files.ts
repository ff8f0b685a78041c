/**
 * A container's files as Nix: tmpfiles rules of its state directories (on the host), its
 * configuration files as `(pkgs.formats.<format> { }).generate "<name>" <value>` (store paths,
 * mounted read-only), and plain env files (`pkgs.writeText`, or a host path). Podman mounts
 * them as volumes, nspawn as `bindMounts`.
 */
import { n, type NixExpr } from "@nixjs/expr-printer";
import type { ConfigFile, Container, EnvFile, NspawnContainer, PodmanContainer, StateDirectory } from "../../model/index.ts";
import { dataToNix } from "./data.ts";
import { AttrTree } from "./tree.ts";

/**
 * The tmpfiles rule that creates a state directory with its mode and owner.
 * @example stateRule({ hostPath: "/srv/a", mountPoint: "/data", user: "1000", group: "1000", mode: "0750" }) // "d /srv/a 0750 1000 1000 -"
 */
export function stateRule(d: StateDirectory): string {
  return `d ${d.hostPath} ${d.mode} ${d.user} ${d.group} -`;
}

/** The tmpfiles rules of a container's state directories, in declaration order. */
export function stateDirectoryRules(c: Container): string[] {
  return (c.files?.stateDirectories ?? []).map(stateRule);
}

/** `(pkgs.formats.yaml { }).generate "name" value`: the file in the store. */
export function configFileExpr(c: Container, f: ConfigFile): NixExpr {
  const format = n.call(n.select(n.id("pkgs"), ["formats", f.format]), n.attrs([]));
  return n.call(n.select(format, ["generate"]), n.str(f.name), dataToNix(f.value, { hostConfig: "config", path: `containers.${c.name}.configFiles.${f.mountPoint}` }));
}

/** `pkgs.writeText "name" "A=1\nB=2\n"`, or the host path. */
function envFileExpr(e: EnvFile): NixExpr {
  if (e.kind === "host") return n.str(e.path);
  const text = Object.keys(e.values)
    .sort()
    .map((k) => `${k}=${e.values[k] ?? ""}\n`)
    .join("");
  return n.call("pkgs.writeText", n.str(e.name), n.str(text));
}

/**
 * Podman's `volumes` and `environmentFiles` with the container's files added: state
 * directories as `"<host>:<container>"`, config files as `"${<store file>}:<path>:ro"`, plain
 * env files after the secret ones. `data` is the container's value before it is written.
 */
export function addPodmanFiles(data: Record<string, unknown>, c: PodmanContainer): void {
  const files = c.files;
  if (files === undefined) return;
  const volumes: unknown[] = [
    ...((data["volumes"] as unknown[] | undefined) ?? []),
    ...files.stateDirectories.map((d) => `${d.hostPath}:${d.mountPoint}`),
    ...files.configFiles.map((f) => n.str(["", configFileExpr(c, f), `:${f.mountPoint}:ro`])),
  ];
  if (volumes.length > 0) data["volumes"] = volumes;
  const envFiles: unknown[] = [...((data["environmentFiles"] as unknown[] | undefined) ?? []), ...files.envFiles.map(envFileExpr)];
  if (envFiles.length > 0) data["environmentFiles"] = envFiles;
}

/**
 * nspawn's `bindMounts` with the container's files added: state directories writable, config
 * files read-only from the store (`hostPath = "${…}"`: the option takes a string).
 */
export function withFileMounts(tree: AttrTree | undefined, c: NspawnContainer): AttrTree | undefined {
  const files = c.files;
  if (files === undefined || files.stateDirectories.length + files.configFiles.length === 0) return tree;
  const out = tree ?? new AttrTree();
  for (const d of files.stateDirectories) {
    const entry = new AttrTree();
    if (d.hostPath !== d.mountPoint) entry.set(["hostPath"], n.str(d.hostPath));
    entry.set(["isReadOnly"], n.bool(false));
    out.set([d.mountPoint], entry);
  }
  for (const f of files.configFiles) {
    out.set([f.mountPoint], new AttrTree().set(["hostPath"], n.str(["", configFileExpr(c, f)])).set(["isReadOnly"], n.bool(true)));
  }
  return out;
}

/**
 * `rules` without a bare bind-mount rule (`d <path> - - - -`) for a path a state directory's
 * rule creates with owner and mode: tmpfiles would apply the first line for the path (the
 * bare one sorts first) and ignore the state directory's.
 * @example dropShadowedMountRules(["d /srv/a - - - -", "d /srv/a 0750 1000 1000 -"]) // ["d /srv/a 0750 1000 1000 -"]
 */
export function dropShadowedMountRules(rules: readonly string[]): string[] {
  const owned = new Set(rules.filter((r) => !r.endsWith(" - - - -")).map((r) => r.split(" ")[1]));
  return rules.filter((r) => !(r.endsWith(" - - - -") && owned.has(r.split(" ")[1])));
}
