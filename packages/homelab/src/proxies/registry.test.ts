/**
 * The registry of reverse proxies is complete against the model's unions, and everything the
 * core derives from it (the `homelab()` options, `isRoute`, the codes) covers every provider:
 * what lets a new proxy be a folder plus a line in the type map, the registry and the exports.
 */
import { describe, expect, expectTypeOf, test } from "vitest";
import { DIAGNOSTIC_CODES, type DiagnosticCode } from "../diagnostics/codes.ts";
import * as api from "../index.ts";
import { onlyHost, type ProxyKind, type ProxyOf, type Route } from "../model/index.ts";
import type { HomelabOptions } from "../schema/homelab.ts";
import { isRoute } from "../model/brand.ts";
import { PROXY_KINDS } from "../model/proxy-kinds.ts";
import { PROXY_PROVIDERS, providerOf, proxyProvider, type ProxyRegistry } from "./index.ts";

/** A public export by name (the builders are named after the kinds). */
function exported(name: string): unknown {
  return (api as unknown as Record<string, unknown>)[name];
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe("the proxy registry", () => {
  test("is complete against the unions (checked by the compiler)", () => {
    // One provider per kind: the registry is a mapped type over ProxyKind.
    expectTypeOf<keyof ProxyRegistry>().toEqualTypeOf<ProxyKind>();
    expectTypeOf<Omit<ProxyRegistry, "caddy">>().not.toExtend<ProxyRegistry>();
    // A route names its proxy by kind.
    expectTypeOf<NonNullable<Route["proxy"]>>().toEqualTypeOf<ProxyKind>();
    // homelab() has an option per kind, which takes that kind's model object (and no other's).
    expectTypeOf<ProxyKind>().toExtend<keyof HomelabOptions>();
    expectTypeOf<{ [K in ProxyKind]: ProxyOf<K> }>().toExtend<{ [K in ProxyKind]: HomelabOptions[K] }>();
    expectTypeOf<{ traefik: api.Caddy }>().not.toExtend<Pick<HomelabOptions, "traefik">>();
    // Each provider's `<kind>-missing` and own codes are diagnostic codes.
    expectTypeOf<`${ProxyKind}-missing`>().toExtend<DiagnosticCode>();
  });

  test("holds each kind once, in section order, and each route kind once", () => {
    const kinds = PROXY_PROVIDERS.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    // Section order of a container's file (the goldens hold it): Traefik's routing before Caddy's.
    expect(kinds.indexOf("traefik")).toBeLessThan(kinds.indexOf("caddy"));
    expect(PROXY_KINDS).toEqual(kinds);
    for (const p of PROXY_PROVIDERS) expect(providerOf(p.kind)).toBe(p);
    expect(providerOf("toString")).toBeUndefined();
    expect(providerOf("not-a-proxy")).toBeUndefined();
  });

  test.each(PROXY_PROVIDERS.map((p) => [p.kind, p] as const))("%s: its public builders make what its provider serves", (kind, p) => {
    const build = exported(kind);
    const buildRoute = exported(p.shortForm);
    const is = exported(`is${capitalized(kind)}`);
    expect(typeof build).toBe("function");
    expect(typeof buildRoute).toBe("function");
    expect(is).toBe(p.option.is);

    const proxy = (build as () => api.Proxy)();
    expect(proxy.kind).toBe(kind);
    expect(proxyProvider(proxy)).toBe(p);
    for (const other of PROXY_PROVIDERS) expect(other.option.is(proxy)).toBe(other === p);

    const route = (buildRoute as (o: object) => Route)({ subdomain: "x", port: 80, public: true });
    expect(route.kind).toBe("route");
    expect(route.proxy).toBe(kind);
    expect(isRoute(route)).toBe(true);
    expect(isRoute(proxy)).toBe(false);
  });

  test("homelab() takes one option per provider and keeps the proxies in registry order", () => {
    const options = Object.fromEntries([...PROXY_PROVIDERS].reverse().map((p) => [p.kind, (exported(p.kind) as () => api.Proxy)()]));
    const lab = api.homelab({ hostName: "server", domain: "example.org", stateVersion: "25.05", ...options });
    expect(onlyHost(lab).proxies.map((x) => x.kind)).toEqual(PROXY_PROVIDERS.map((p) => p.kind));
  });

  test("every provider's codes are in the registry of codes, none shadowing another", () => {
    const own = PROXY_PROVIDERS.flatMap((p) => Object.entries(p.codes));
    for (const p of PROXY_PROVIDERS) {
      expect(DIAGNOSTIC_CODES[`${p.kind}-missing`]).toEqual({ severity: "error", summary: p.missingSummary });
    }
    for (const [c, info] of own) expect(DIAGNOSTIC_CODES[c as DiagnosticCode]).toEqual(info);
    // A provider's code named like a core code (or another provider's) would replace it silently.
    const core = Object.keys(DIAGNOSTIC_CODES).length - PROXY_PROVIDERS.length - own.length;
    expect(new Set([...PROXY_PROVIDERS.map((p) => `${p.kind}-missing`), ...own.map(([c]) => c)]).size).toBe(PROXY_PROVIDERS.length + own.length);
    expect(core).toBeGreaterThan(40);
    expect(own.map(([c]) => c)).toContain("unknown-entry-point");
  });
});
