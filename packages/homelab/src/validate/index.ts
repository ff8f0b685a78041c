/**
 * `validate(lab)`: every check no Nix module makes, all diagnostics at once. Each check is
 * linear or O(n log n) in the size of the lab (indexes and groupings, never pairwise loops).
 */
import type { Diagnostic, Homelab } from "../model/index.ts";
import { checkAddresses } from "./checks/addresses.ts";
import { checkEnvironment } from "./checks/environment.ts";
import { checkFiles } from "./checks/files.ts";
import { checkListeners } from "./checks/listeners.ts";
import { checkMounts } from "./checks/mounts.ts";
import { checkNames } from "./checks/names.ts";
import { checkPodman } from "./checks/podman.ts";
import { checkRefs } from "./checks/refs.ts";
import { checkRelease } from "./checks/release.ts";
import { checkRoutes } from "./checks/routes.ts";
import { checkSecrets } from "./checks/secrets.ts";
import { checkContext, type CheckContext } from "./context.ts";

const CHECKS: readonly ((ctx: CheckContext) => void)[] = [
  checkNames,
  checkFiles,
  checkAddresses,
  checkListeners,
  checkRoutes,
  checkSecrets,
  checkEnvironment,
  checkPodman,
  checkMounts,
  checkRefs,
  checkRelease,
];

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function siteKey(site: string): [string, number, number] {
  const m = /^(.*):(\d+):(\d+)$/.exec(site);
  return m === null ? [site, 0, 0] : [m[1]!, Number(m[2]), Number(m[3])];
}

/**
 * Checks a homelab for everything that would break it or make it unsafe, and returns every
 * finding at once: errors first, then warnings, each group in source order. An empty list
 * of errors means `render` may run.
 *
 * @example
 * const problems = validate(lab);
 * for (const d of problems) console.log(`${d.site} ${d.severity} ${d.code} ${d.path}: ${d.message}`);
 */
export function validate(lab: Homelab): Diagnostic[] {
  const ctx = checkContext(lab);
  for (const check of CHECKS) check(ctx);
  const keyed = ctx.report.diagnostics.map((d) => ({ d, site: siteKey(d.site) }));
  keyed.sort(
    (x, y) =>
      cmp(x.d.severity === "error" ? 0 : 1, y.d.severity === "error" ? 0 : 1) ||
      cmp(x.site[0], y.site[0]) ||
      cmp(x.site[1], y.site[1]) ||
      cmp(x.site[2], y.site[2]) ||
      cmp(x.d.path, y.d.path) ||
      cmp(x.d.code, y.d.code) ||
      cmp(x.d.message, y.d.message),
  );
  return keyed.map((k) => k.d);
}

/** True when the list holds an error (warnings do not count). @example if (hasErrors(validate(lab))) process.exitCode = 1; */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
