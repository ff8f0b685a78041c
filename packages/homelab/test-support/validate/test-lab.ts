/** Shared by the checks' tests: a minimal valid homelab around the parts under test. */
import { homelab } from "../../src/builders/homelab.ts";
import { formatPath } from "../../src/diagnostics/path.ts";
import type { Diagnostic, Homelab } from "../../src/model/index.ts";
import type { HomelabOptions } from "../../src/schema/homelab.ts";
import { validate } from "../../src/validate/index.ts";

/**
 * `homelab()` with host name, domain, release, a `10.10.10.0/24` pool and the machine's
 * hardware module filled in (a deployable host, so the deploy checks stay quiet unless asked).
 */
export function testLab(parts: Partial<HomelabOptions> = {}): Homelab {
  return homelab({
    hostName: "server",
    domain: "example.org",
    stateVersion: "25.05",
    network: { pool: "10.10.10.0/24" },
    modules: ["./hardware-configuration.nix"],
    ...parts,
  });
}

/** A diagnostic with its paths printed (`containers.immich.ports[0]`), for compact assertions. */
export type PrintedDiagnostic = Omit<Diagnostic, "path" | "related"> & {
  readonly path: string;
  readonly related?: readonly { readonly path: string; readonly site: string }[];
};

/** A diagnostic with its paths printed. @example printed(d).path // "containers.immich.ports[0]" */
export function printed(d: Diagnostic): PrintedDiagnostic {
  const { related, ...rest } = d;
  return {
    ...rest,
    path: formatPath(d.path),
    ...(related === undefined ? {} : { related: related.map((r) => ({ path: formatPath(r.path), site: r.site })) }),
  };
}

/** The diagnostics of `code` (all when absent), paths printed. */
export function findings(lab: Homelab, code?: string): PrintedDiagnostic[] {
  return validate(lab)
    .filter((d) => code === undefined || d.code === code)
    .map(printed);
}

/** Sorted `path -> related paths` lines of `code`, for compact exact assertions. */
export function summary(lab: Homelab, code: string): string[] {
  return findings(lab, code)
    .map((d) => `${d.path}${d.related ? ` -> ${d.related.map((r) => r.path).join(", ")}` : ""}`)
    .sort();
}
