import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { onlyHost, proxyOf, type Homelab } from "../model/index.ts";
import { arbConflictFreeHomelab, arbHomelab, arbHomelabWithConflict } from "../testing/index.ts";
import { CLEAN_POOL } from "../testing/clean.ts";
import { inPool, parseCidr, parseIpv4 } from "../net/ipv4.ts";
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

/** The look-alike patterns a lab uses: valid setups that resemble conflicts. */
function patterns(lab: Homelab): { shared: boolean; outside: boolean; twin: boolean } {
  const host = onlyHost(lab);
  const pool = parseCidr(host.network.pool);
  const on = host.containers.filter((c) => c.enable && c.backend === "nspawn" && c.network === "private");
  const hostSides = on.flatMap((c) => (c.backend === "nspawn" && c.hostAddress !== undefined ? [c.hostAddress] : []));
  const given = on.flatMap((c) => (c.backend === "nspawn" ? [c.hostAddress, c.localAddress].filter((a) => a !== undefined) : []));
  return {
    shared: new Set(hostSides).size < hostSides.length,
    outside: pool.ok && given.some((a) => !inPool(pool.pool, parseIpv4(a)!)),
    twin: host.containers.some((c) => !c.enable),
  };
}

describe("the false-positive patterns: shared host addresses, addresses outside the pool, disabled containers", () => {
  test("the conflict-free homelabs use each of them often (so 'no errors' above covers them)", () => {
    const seen = { shared: 0, outside: 0, twin: 0 };
    fc.assert(
      fc.property(arbConflictFreeHomelab(), (lab) => {
        const p = patterns(lab);
        for (const k of ["shared", "outside", "twin"] as const) if (p[k]) seen[k]++;
      }),
      RUNS,
    );
    expect(CLEAN_POOL).toBe("10.10.0.0/16");
    for (const k of ["shared", "outside", "twin"] as const) expect(seen[k], k).toBeGreaterThan(RUNS.numRuns / 10);
  });

  test("and a disabled twin is noted, never an error, wherever it clashes", () => {
    fc.assert(
      fc.property(arbConflictFreeHomelab(), (lab) => {
        const twins = new Set(onlyHost(lab).containers.filter((c) => !c.enable).map((c) => `containers.${c.name}`));
        for (const d of checked(lab)) {
          const about = [...twins].some((t) => d.path === t || d.path.startsWith(`${t}.`));
          if (about) expect(d.severity, `${d.code} ${d.path}`).toBe("note");
        }
      }),
      RUNS,
    );
  });

  // Checkers wrong in the ways this issue fixed: the oracle must tell each from the real one.
  const wrongCheckers: Record<string, (lab: Homelab) => PrintedDiagnostic[]> = {
    "a shared hostAddress reported as a conflict": (lab) => {
      const extra: PrintedDiagnostic[] = [];
      const byHost = new Map<string, string[]>();
      for (const c of onlyHost(lab).containers) {
        if (c.enable && c.backend === "nspawn" && c.network === "private" && c.hostAddress !== undefined) byHost.set(c.hostAddress, [...(byHost.get(c.hostAddress) ?? []), c.name]);
      }
      for (const names of byHost.values()) if (names.length > 1) for (const n of names) extra.push({ severity: "error", code: "address-conflict", path: `containers.${n}.hostAddress`, message: "", site: "", subject: { kind: "container", name: n } });
      return [...checked(lab), ...extra];
    },
    "a disabled container's address clash reported as an error": (lab) =>
      checked(lab).map((d) => (d.code === "disabled-would-conflict" && d.path.endsWith("localAddress") ? { ...d, code: "address-conflict", severity: "error" as const } : d)),
    "a disabled container's port clash reported as an error": (lab) =>
      checked(lab).map((d) => (d.code === "disabled-would-conflict" && /[pP]orts\[\d+\]$/.test(d.path) ? { ...d, code: "port-conflict", severity: "error" as const } : d)),
    "an explicit address outside the pool refused": (lab) => {
      const host = onlyHost(lab);
      const pool = parseCidr(host.network.pool);
      const extra: PrintedDiagnostic[] = [];
      for (const c of host.containers) {
        if (!c.enable || c.backend !== "nspawn" || c.network !== "private" || !pool.ok) continue;
        for (const f of ["hostAddress", "localAddress"] as const) {
          const a = c[f] === undefined ? undefined : parseIpv4(c[f]);
          if (a !== undefined && !inPool(pool.pool, a) && !checked(lab).some((d) => d.path === `containers.${c.name}.${f}`)) {
            extra.push({ severity: "error", code: "address-reserved", path: `containers.${c.name}.${f}`, message: "", site: "", subject: { kind: "container", name: c.name } });
          }
        }
      }
      return [...checked(lab), ...extra];
    },
  };
  for (const [what, wrong] of Object.entries(wrongCheckers)) {
    test(`the oracle catches a checker with ${what}`, () => {
      const result = fc.check(fc.property(arbHomelab({ maxContainers: 8 }), (lab) => verdictMatches(lab, wrong)), RUNS);
      expect(result.failed).toBe(true);
    });
  }
});
