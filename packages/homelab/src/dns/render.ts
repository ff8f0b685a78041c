/**
 * AdGuard Home rewrites derived from the routes, `dns/adguard.nix`: every routed host name
 * answers the proxy's address. They go to `services.adguardhome.settings.filtering.rewrites`
 * (AdGuard Home's schema since version 24, v0.107.27; the `enabled` flag since schema 30: both
 * NixOS 25.11's and 26.05's AdGuard Home are newer), in the NixOS container it runs in or on the
 * host; the module system appends them to the rewrites written by hand, minus the names those
 * already answer.
 */
import { n } from "@nixjs/expr-printer";
import type { DnsRewrites, Host } from "../model/index.ts";
import { hostNameParts, type RenderContext } from "../render/core/context.ts";
import { dataToNix } from "../render/core/data.ts";
import type { GeneratedFile } from "../auth/render.ts";
import { routedHostNames } from "../auth/routes.ts";
import { configsAt, listAt, type SeenConfig } from "../auth/user-config.ts";
import type { Homelab } from "../model/index.ts";

/** Where AdGuard Home's settings keep rewrites, current schema and before schema 24. */
export const REWRITES_PATH = ["services", "adguardhome", "settings", "filtering", "rewrites"] as const;
export const OLD_REWRITES_PATH = ["services", "adguardhome", "settings", "dns", "rewrites"] as const;

/** A rewrite written by hand, and where. */
export interface UserRewrite {
  readonly domain: string;
  readonly answer: string;
  readonly at: SeenConfig["at"];
}

/** The rewrites the user wrote in the AdGuard Home nixjs writes to (both schemas' places). @example userRewrites(host, dns).map((r) => r.domain) */
export function userRewrites(host: Host, dns: DnsRewrites): UserRewrite[] {
  return configsAt(host, dns.runsIn).flatMap((seen) =>
    [REWRITES_PATH, OLD_REWRITES_PATH].flatMap((path) =>
      listAt(seen, path).flatMap(({ value, at }) =>
        typeof value["domain"] === "string" && typeof value["answer"] === "string" ? [{ domain: value["domain"], answer: value["answer"], at }] : [],
      ),
    ),
  );
}

/**
 * The host names `dns` writes: every routed one, less `exclude` and the names the user's own
 * rewrites answer (the same answer is already there; a different one is `dns-rewrite-conflict`).
 * @example derivedNames(lab, host, dns) // ["git.example.org", "photos.example.org"]
 */
export function derivedNames(lab: Homelab, host: Host, dns: DnsRewrites): string[] {
  const skip = new Set([...dns.exclude, ...userRewrites(host, dns).map((r) => r.domain)]);
  return routedHostNames(lab, host).filter((name) => !skip.has(name));
}

/**
 * The file of one `adguardRewrites()`, or undefined when it derives nothing or its container is
 * missing, disabled or not a NixOS container (`validate` reports those).
 * @example adguardFile(ctx, adguardRewrites({ answer: "192.168.1.10", host: true }), 0)?.path // "dns/adguard.nix"
 */
export function adguardFile(ctx: RenderContext, dns: DnsRewrites, index: number): GeneratedFile | undefined {
  const names = derivedNames(ctx.lab, ctx.host, dns);
  if (names.length === 0) return undefined;
  const rewrites = dataToNix(
    names.map((name) => ({ domain: n.str(hostNameParts(ctx.lab, { kind: "fqdn", name })), answer: dns.answer, enabled: true })),
    { hostConfig: "config", path: "adguardhome.settings.filtering.rewrites" },
  );
  const path = index === 0 ? "dns/adguard.nix" : `dns/adguard-${index + 1}.nix`;
  const comment = [`AdGuard Home: every routed host name answers ${dns.answer} (the proxy)`];
  if (dns.runsIn.kind === "host") return { path, comment, bindings: [n.bind([...REWRITES_PATH], rewrites)] };
  const where = dns.runsIn.container;
  const c = ctx.host.containers.find((x) => x.name === where && x.enable);
  if (c === undefined || c.backend !== "nspawn") return undefined;
  return { path, comment, gate: c, bindings: [n.bind(["containers", c.name, "config", ...REWRITES_PATH], rewrites)] };
}
