/** Shared by the checks' tests: a minimal valid homelab around the parts under test. */
import { homelab } from "../builders/homelab.ts";
import type { Diagnostic, Homelab } from "../model/index.ts";
import type { HomelabOptions } from "../schema/homelab.ts";
import { validate } from "./index.ts";

/** `homelab()` with host name, domain, release and a `10.10.10.0/24` pool filled in. */
export function testLab(parts: Partial<HomelabOptions> = {}): Homelab {
  return homelab({ hostName: "server", domain: "example.org", stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, ...parts });
}

/** The diagnostics of `code` (all when absent). */
export function findings(lab: Homelab, code?: string): Diagnostic[] {
  return validate(lab).filter((d) => code === undefined || d.code === code);
}

/** Sorted `path -> related paths` lines of `code`, for compact exact assertions. */
export function summary(lab: Homelab, code: string): string[] {
  return findings(lab, code)
    .map((d) => `${d.path}${d.related ? ` -> ${d.related.map((r) => r.path).join(", ")}` : ""}`)
    .sort();
}
