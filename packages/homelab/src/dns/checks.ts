/**
 * Checks of `adguardRewrites()`: the AdGuard Home it writes to is an enabled NixOS container
 * (or the host), its answer is where clients can reach the proxy, and no rewrite written by hand
 * answers a routed name with another address.
 */
import { atHomelab, type Located } from "../facts/located.ts";
import type { DnsRewrites } from "../model/auth.ts";
import { inPool, isLoopback, parseIpv4 } from "../net/ipv4.ts";
import { isWildcardAddress } from "../net/private-ranges.ts";
import type { CheckContext } from "../validate/context.ts";
import { authRoutes } from "../auth/routes.ts";
import { userRewrites } from "./render.ts";


/** The ports a reverse proxy serves clients on. */
const PROXY_PORTS: ReadonlySet<number> = new Set([80, 443]);

function atDns(d: DnsRewrites, i: number): Located {
  return { ...atHomelab(d, "dns", i), site: d.site };
}

function checkTarget(ctx: CheckContext, d: DnsRewrites, at: Located): void {
  if (d.runsIn.kind === "host") return;
  const name = d.runsIn.container;
  const c = ctx.facts.byName.get(name)?.[0];
  const why =
    c === undefined ? `there is no container "${name}"`
    : !c.enable ? `container "${name}" is disabled`
    : c.backend !== "nspawn" ? `"${name}" is a Podman container, whose AdGuardHome.yaml nixjs does not write`
    : undefined;
  if (why !== undefined) ctx.report.error("dns-rewrites-target", at, `adguardRewrites() writes to the AdGuard Home in "${name}", but ${why}: name the NixOS container AdGuard Home runs in, or host: true`);
}

/** Why clients could not reach the proxy at `answer`, or undefined when nothing says so. */
function unreachable(ctx: CheckContext, answer: string): string | undefined {
  if (isLoopback(answer) || answer === "::1") return "a loopback address: every client would ask itself";
  const v4 = parseIpv4(answer);
  if (v4 !== undefined && ctx.facts.pool !== undefined && inPool(ctx.facts.pool, v4)) {
    return `inside the containers' pool ${ctx.host.network.pool}, which only the host reaches`;
  }
  const bound = ctx.facts.listeners.filter((l) => l.protocol === "tcp" && PROXY_PORTS.has(l.port));
  if (bound.length > 0 && bound.every((l) => !isWildcardAddress(l.address)) && !bound.some((l) => l.address === answer)) {
    return `the proxy listens on ${[...new Set(bound.map((l) => l.address))].join(", ")} only`;
  }
  return undefined;
}

/**
 * @example checkDnsRewrites(ctx) // dns-rewrites-target, dns-answer-unreachable, dns-rewrite-conflict
 */
export function checkDnsRewrites(ctx: CheckContext): void {
  if (ctx.host.dns.length === 0) return;
  const routes = authRoutes(ctx.lab, ctx.host);
  ctx.host.dns.forEach((d, i) => {
    const at = atDns(d, i);
    checkTarget(ctx, d, at);
    const why = unreachable(ctx, d.answer);
    if (why !== undefined) {
      ctx.report.warning("dns-answer-unreachable", { ...at, path: [...at.path, "answer"] }, `adguardRewrites() answers ${d.answer} for every routed name, ${why}: answer the host's LAN address, where the proxy listens`);
    }
    const excluded = new Set(d.exclude);
    for (const r of userRewrites(ctx.host, d)) {
      if (excluded.has(r.domain) || r.answer === d.answer) continue;
      const routed = routes.filter((x) => x.host === r.domain);
      if (routed.length === 0) continue;
      ctx.report.error(
        "dns-rewrite-conflict",
        r.at,
        `a rewrite written by hand answers ${r.domain} with ${r.answer}, but it is routed, and adguardRewrites() answers routed names with ${d.answer}: drop the hand-written rewrite, or add ${r.domain} to exclude`,
        [routed[0]!, at],
      );
    }
  });
}
