/** Shared by the fleet checks' tests: a minimal valid fleet around the hosts under test. */
import { homelab } from "../../src/builders/homelab.ts";
import { host } from "../../src/builders/host.ts";
import type { Homelab, Host } from "../../src/model/index.ts";
import type { FleetOptions, HostOptions } from "../../src/schema/fleet.ts";
import { findings, type PrintedDiagnostic } from "./test-lab.ts";

/**
 * `host(name, …)` with a release, a `10.10.10.0/24` pool and the machine's hardware module
 * filled in (a deployable host, so the per-host deploy checks stay quiet unless asked).
 */
export function testHost(name: string, parts: Partial<HostOptions> = {}): Host {
  return host(name, { stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, modules: [`./hosts/${name}/hardware-configuration.nix`], ...parts });
}

/** `homelab({ hosts })` with the domain filled in. */
export function testFleet(hosts: readonly Host[], parts: Partial<FleetOptions> = {}): Homelab {
  return homelab({ domain: "example.org", hosts: [...hosts], ...parts });
}

/** The diagnostics of `code` (all when absent), paths printed. */
export function fleetFindings(lab: Homelab, code?: string): PrintedDiagnostic[] {
  return findings(lab, code);
}

/** Sorted `host: path -> related paths` lines of `code`, for compact exact assertions. */
export function fleetSummary(lab: Homelab, code: string): string[] {
  return findings(lab, code)
    .map((d) => `${d.host ?? "-"}: ${d.path}${d.related ? ` -> ${d.related.map((r) => r.path).join(", ")}` : ""}`)
    .sort();
}
