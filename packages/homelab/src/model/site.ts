/** Where a builder was called in the user's TypeScript: for every message about it. */
export interface SourceSite {
  /** Relative to the working directory (never an absolute path of this machine). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /**
   * When the builder was called inside a helper of the user's own, the calls that led there,
   * innermost first (`homelab.config.ts:50:3` calling `lib/apps.ts:12:5` …). Only frames in
   * the user's files count: nixjs, `node_modules` and Node's internals end the chain.
   */
  readonly via?: readonly SourceSite[];
}

/** `homelab.config.ts:12:5` */
export function formatSite(site: SourceSite): string {
  return `${site.file}:${site.line}:${site.column}`;
}

/**
 * The call chain of a site, innermost caller first, formatted (`[]` for a direct call).
 * @example formatVia(site) // ["homelab.config.ts:50:3"]
 */
export function formatVia(site: SourceSite): string[] {
  return (site.via ?? []).map(formatSite);
}
