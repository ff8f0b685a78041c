import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { onlyHost, proxyOf, type Homelab } from "../model/index.ts";
import { arbConflictFreeHomelab, arbHomelab, arbHomelabWithConflict } from "../testing/index.ts";
import { hasErrors, validate } from "./index.ts";
import { ORACLE_CODES, oracle, type Expected } from "../../test-support/validate/oracle.ts";
import { printed, type PrintedDiagnostic } from "../../test-support/validate/test-lab.ts";

/** `validate` with paths printed, to compare with the oracle's. */
const checked = (lab: Homelab): PrintedDiagnostic[] => validate(lab).map(printed);

const RUNS = { numRuns: 400, seed: 20251 };
const ORACLE = new Set<string>(ORACLE_CODES);

/** `code path` lines, sorted: a multiset to compare. */
const keys = (items: readonly { code: string; path: string }[]) => items.map((d) => `${d.code} ${d.path}`).sort();

/** Every `related` entry of the checker names a real other side, by the oracle. */
function relatedAreReal(found: readonly PrintedDiagnostic[], expected: readonly Expected[]): void {
  const partners = new Map<string, Set<string>>();
  for (const e of expected) {
    const key = `${e.code} ${e.path}`;
    const set = partners.get(key) ?? new Set<string>();
    for (const p of e.partners) set.add(p);
    partners.set(key, set);
  }
  for (const d of found) {
    if (!ORACLE.has(d.code) || d.related === undefined) continue;
    const allowed = partners.get(`${d.code} ${d.path}`)!;
    if (allowed.size === 0) continue; // single-part checks name context, not a conflicting side
    for (const r of d.related) expect(allowed.has(r.path), `${d.code} ${d.path} names ${r.path}`).toBe(true);
  }
}

function verdictMatches(lab: Homelab, checker: (lab: Homelab) => readonly PrintedDiagnostic[] = checked): boolean {
  const found = checker(lab).filter((d) => ORACLE.has(d.code));
  const expected = oracle(lab);
  return JSON.stringify(keys(found)) === JSON.stringify(keys(expected));
}

describe("validate against a brute-force pairwise oracle", () => {
  test("same findings for random homelabs: no false positives, no misses, real other sides", () => {
    fc.assert(
      fc.property(arbHomelab(), (lab) => {
        const found = checked(lab).filter((d) => ORACLE.has(d.code));
        const expected = oracle(lab);
        expect(keys(found)).toEqual(keys(expected));
        relatedAreReal(found, expected);
      }),
      RUNS,
    );
  });

  test("the random homelabs do exercise every code the oracle decides", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(arbHomelab(), (lab) => void oracle(lab).forEach((e) => seen.add(e.code))), RUNS);
    expect([...seen].sort()).toEqual([...ORACLE_CODES].sort());
  });

  test("conflict-free homelabs have no errors", () => {
    fc.assert(
      fc.property(arbConflictFreeHomelab(), (lab) => {
        const errors = validate(lab).filter((d) => d.severity === "error");
        expect(errors).toEqual([]);
      }),
      RUNS,
    );
  });

  test("a conflict injected into a conflict-free homelab is reported, naming both sides", () => {
    fc.assert(
      fc.property(arbHomelabWithConflict(), ({ lab, code, sides: [injected, existing] }) => {
        const found = checked(lab);
        expect(hasErrors(validate(lab))).toBe(true);
        const names = (d: PrintedDiagnostic, a: typeof injected, b: typeof existing) =>
          d.code === code && d.path === a.path && d.site === a.site && (d.related ?? []).some((r) => r.path === b.path && r.site === b.site);
        const hit = found.some((d) => names(d, injected, existing) || names(d, existing, injected));
        expect(hit, `${code} between ${injected.path} and ${existing.path}`).toBe(true);
      }),
      RUNS,
    );
  });
});

/** A one-line sketch of a lab: proxies, containers with their listeners. */
function describeLab(lab: Homelab): string {
  const parts: string[] = [];
  const host = onlyHost(lab);
  const traefik = proxyOf(host, "traefik");
  if (traefik) parts.push(`traefik(${traefik.mode})`);
  if (proxyOf(host, "caddy")) parts.push("caddy");
  for (const c of host.containers) {
    const ports = c.backend === "podman" ? c.ports.map((p) => `${p.hostAddress}:${p.hostPort}/${p.protocol}`) : c.network === "host" ? c.ports.map((p) => `${p.address}:${p.port}/${p.protocol}`) : c.forwardPorts.map((f) => `fwd ${f.hostPort}/${f.protocol}`);
    parts.push(`${c.backend} ${c.name}${c.enable ? "" : " (disabled)"} [${ports.join(", ")}]`);
  }
  for (const s of host.services) parts.push(`service ${s.name} [${s.ports.map((p) => `${p.address}:${p.port}/${p.protocol}`).join(", ")}]`);
  return parts.join("; ");
}

describe("shrinking", () => {
  test("a deliberately wrong checker's counterexample shrinks to at most two containers", () => {
    // Wrong on purpose: forgets that a container listening on 0.0.0.0 clashes with every address.
    const wrong = (lab: Homelab) =>
      checked(lab).filter((d) => !(d.code === "port-conflict" && d.path.startsWith("containers.") && d.message.includes("on every address")));
    const result = fc.check(fc.property(arbHomelab({ maxContainers: 8 }), (lab) => verdictMatches(lab, wrong)), RUNS);
    expect(result.failed).toBe(true);
    const [lab] = result.counterexample!;
    console.log(`shrunk ${result.numShrinks} times to: ${describeLab(lab)}`);
    expect(onlyHost(lab).containers.length + onlyHost(lab).services.length).toBeLessThanOrEqual(2);
    // And it really is a wildcard clash the wrong checker misses.
    expect(checked(lab).some((d) => d.code === "port-conflict" && d.path.startsWith("containers.") && d.message.includes("on every address"))).toBe(true);
  });
});
