/** Where a builder was called in the user's TypeScript: for every message about it. */
export interface SourceSite {
  /** Relative to the working directory (never an absolute path of this machine). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `homelab.config.ts:12:5` */
export function formatSite(site: SourceSite): string {
  return `${site.file}:${site.line}:${site.column}`;
}
