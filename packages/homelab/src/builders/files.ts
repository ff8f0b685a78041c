import type { ConfigFile, ContainerFiles, EnvFile, StateDirectory } from "../model/files.ts";

/** The parsed file options of a container (Podman's have `envFiles` too). */
interface FileOptions {
  readonly stateDirectories?: readonly { hostPath: string; mountPoint?: string | undefined; user?: string | undefined; group?: string | undefined; mode?: string | undefined }[] | undefined;
  readonly configFiles?: readonly { mountPoint: string; format: ConfigFile["format"]; value?: unknown; name?: string | undefined }[] | undefined;
  readonly envFiles?: readonly (string | { values: Readonly<Record<string, string | number | boolean>>; name?: string | undefined })[] | undefined;
}

/** A store name from a file name: characters a store path may not hold become `-`. */
function storeName(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+._?=-]/g, "-").replace(/^\.+/, "");
  return clean === "" ? "file" : clean;
}

/**
 * A container's {@link ContainerFiles} from its parsed options; undefined when it has none (the
 * model, and so every tree, stays as before). Store names default to `<container>-<file name>`
 * and `<container>.env` (`<container>-<n>.env` when there are several).
 * @example filesOf("homepage", { configFiles: [{ mountPoint: "/app/config/settings.yaml", format: "yaml", value: {} }] })
 */
export function filesOf(container: string, o: FileOptions): ContainerFiles | undefined {
  if (o.stateDirectories === undefined && o.configFiles === undefined && o.envFiles === undefined) return undefined;
  const stateDirectories: StateDirectory[] = (o.stateDirectories ?? []).map((d) => ({
    hostPath: d.hostPath.replace(/(.)\/+$/, "$1"),
    mountPoint: (d.mountPoint ?? d.hostPath).replace(/(.)\/+$/, "$1"),
    user: d.user ?? "root",
    group: d.group ?? "root",
    mode: d.mode === undefined ? "0755" : d.mode.padStart(4, "0"),
  }));
  const configFiles: ConfigFile[] = (o.configFiles ?? []).map((f) => ({
    mountPoint: f.mountPoint,
    format: f.format,
    name: f.name ?? storeName(`${container}-${f.mountPoint.slice(f.mountPoint.lastIndexOf("/") + 1)}`),
    value: f.value ?? null,
  }));
  const stores = (o.envFiles ?? []).filter((e) => typeof e !== "string").length;
  let n = 0;
  const envFiles: EnvFile[] = (o.envFiles ?? []).map((e) => {
    if (typeof e === "string") return { kind: "host", path: e };
    n += 1;
    const values = Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, String(v)]));
    return { kind: "store", name: e.name ?? (stores > 1 ? `${container}-${n}.env` : `${container}.env`), values };
  });
  return { stateDirectories, configFiles, envFiles };
}
