import type { DiagnosticCode } from "../diagnostics/codes.ts";
import { formatPath } from "../diagnostics/path.ts";
import type { Located } from "../facts/located.ts";
import { formatSite, formatVia, type Diagnostic, type RelatedLocation, type Severity } from "../model/index.ts";

export type { Located };

/** At most this many other sides are named per diagnostic (keeps output linear in size). */
export const MAX_RELATED = 3;

/** Collects diagnostics; each check appends, `validate` sorts once at the end. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  /** `host`: the host the findings belong to, in a homelab of several hosts. */
  constructor(private readonly host?: string) {}

  add(severity: Severity, code: DiagnosticCode, at: Located, message: string, related: readonly Located[] = []): void {
    const via = formatVia(at.site);
    this.diagnostics.push({
      severity,
      code,
      ...(this.host === undefined ? {} : { host: this.host }),
      subject: at.subject,
      path: at.path,
      message,
      site: formatSite(at.site),
      ...(via.length > 0 ? { via } : {}),
      ...(related.length > 0
        ? { related: related.slice(0, MAX_RELATED).map((r): RelatedLocation => ({ subject: r.subject, path: r.path, site: formatSite(r.site) })) }
        : {}),
    });
  }

  error(code: DiagnosticCode, at: Located, message: string, related?: readonly Located[]): void {
    this.add("error", code, at, message, related);
  }

  warning(code: DiagnosticCode, at: Located, message: string, related?: readonly Located[]): void {
    this.add("warning", code, at, message, related);
  }

  note(code: DiagnosticCode, at: Located, message: string, related?: readonly Located[]): void {
    this.add("note", code, at, message, related);
  }
}

/** "a, b and 2 more" naming of the other sides, for messages. */
export function nameOthers(others: readonly Located[], total: number): string {
  const shown = others.slice(0, MAX_RELATED).map((o) => formatPath(o.path));
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(" and ");
}

/**
 * Reports every member of every group with more than one member (duplicates by key), each
 * naming the others: linear in the number of members.
 */
export function reportGroups<T extends Located>(
  groups: Iterable<readonly T[]>,
  report: (member: T, others: readonly T[], total: number) => void,
): void {
  for (const group of groups) {
    if (group.length < 2) continue;
    group.forEach((member, i) => {
      const others: T[] = [];
      for (let j = 0; j < group.length && others.length < MAX_RELATED; j++) if (j !== i) others.push(group[j]!);
      report(member, others, group.length - 1);
    });
  }
}

/** Groups items by key, in first-seen order of keys and items. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

