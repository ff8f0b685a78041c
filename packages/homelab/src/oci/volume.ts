/**
 * Podman volume specs, `source:/target[:options]`: the one parser the input check, the
 * mount checks and the renderer's state directories share.
 */

/** A parsed volume spec. */
export interface Volume {
  /** A host path (absolute) or a named volume. */
  readonly source: string;
  /** The path inside the container (absolute). */
  readonly target: string;
  readonly options: readonly string[];
  /** Mounted read-only (`:ro`). */
  readonly readOnly: boolean;
  /** The source is a host path (a bind mount), not a named volume. */
  readonly hostPath: boolean;
}

const SOURCE = /^(\/[^\s\0]*|[A-Za-z0-9][A-Za-z0-9_.-]*)$/;
const TARGET = /^\/[^\s\0]*$/;

/** Options Podman accepts after the target. */
export const VOLUME_OPTIONS: ReadonlySet<string> = new Set(["ro", "rw", "z", "Z", "U", "O", "noexec", "exec", "nosuid", "suid", "nodev", "dev", "shared", "slave", "private", "rshared", "rslave", "rprivate", "bind", "rbind", "copy", "nocopy", "idmap"]);

/**
 * Parses a volume spec; `undefined` when it is not `source:/target[:options]`. Options are not
 * checked here (see {@link VOLUME_OPTIONS}).
 * @example parseVolume("/mnt/media:/media:ro") // { source: "/mnt/media", target: "/media", options: ["ro"], readOnly: true, hostPath: true }
 */
export function parseVolume(text: string): Volume | undefined {
  const parts = text.split(":");
  if (parts.length !== 2 && parts.length !== 3) return undefined;
  const [source, target, opts] = parts as [string, string, string | undefined];
  if (!SOURCE.test(source) || !TARGET.test(target)) return undefined;
  const options = opts === undefined ? [] : opts.split(",");
  return { source, target, options, readOnly: options.includes("ro"), hostPath: source.startsWith("/") };
}
