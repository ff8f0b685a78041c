/**
 * Traefik's own checks: names that point at nothing (an entry point, a certificate resolver,
 * TLS options), settings people leave on by accident (the insecure API, skipped TLS
 * verification of backends, debug logs, a staging resolver), and ACME setups that cannot work
 * (DNS-01 without credentials, certificates kept in an ephemeral container).
 */
import { atProxy, type Located } from "../../facts/located.ts";
import type { CodeInfo } from "../../diagnostics/codes.ts";
import type { CheckContext } from "../../validate/context.ts";
import { entryPointsOf, resolversOf, type DeclaredResolver } from "./effective.ts";
import type { Traefik, TraefikCode } from "./model.ts";
import type { TraefikPodmanCode } from "./podman-model.ts";
import { checkMiddlewareNames } from "./middleware-checks.ts";
import { checkTraefikRoutes } from "./route-checks.ts";
import { isStaging } from "./static-model.ts";

/** The codes these checks report (`acme-dns-credentials` is the core's, older than the providers). */
export const TRAEFIK_CODES: { readonly [C in Exclude<TraefikCode, TraefikPodmanCode>]: CodeInfo } = {
  "unknown-entry-point": { severity: "error", summary: "a route names an entry point Traefik does not define" },
  "unknown-cert-resolver": { severity: "error", summary: "a certificate resolver name Traefik does not define" },
  "unknown-tls-options": { severity: "error", summary: "TLS options by a name Traefik does not define" },
  "traefik-api-insecure": { severity: "warning", summary: "Traefik's API and dashboard served without authentication (api.insecure)" },
  "traefik-insecure-skip-verify": { severity: "warning", summary: "Traefik accepts any certificate from backends (serversTransport.insecureSkipVerify)" },
  "traefik-debug-log": { severity: "warning", summary: "Traefik logging at DEBUG or TRACE level" },
  "traefik-staging-resolver": { severity: "warning", summary: "routes get certificates from a staging CA, which browsers do not trust" },
  "traefik-acme-ephemeral": { severity: "warning", summary: "ACME certificates kept in an ephemeral Traefik container, lost on every restart" },
  "traefik-middleware-conflict": { severity: "error", summary: "two different Traefik middlewares by one name" },
  "traefik-unsupported": { severity: "error", summary: "a route served by Traefik uses an option only Caddy renders (tls.internal, tls.email, extraConfig, reverseProxy)" },
};

/** What a route asks of Traefik by name: where, its entry point, resolver and TLS options. */
interface RouteUse {
  readonly at: Located;
  readonly host: string;
  readonly entryPoint?: string;
  readonly certResolver?: string;
  readonly tlsOptions?: string;
}

/** The names the host's Traefik routes use. */
function routeUses(ctx: CheckContext): RouteUse[] {
  return ctx.facts.routes
    .filter((r) => r.proxy === "traefik")
    .map((r) => ({
      at: r,
      host: r.host,
      ...(r.route.entryPoint === undefined ? {} : { entryPoint: r.route.entryPoint }),
      ...(r.route.tls.certResolver === undefined ? {} : { certResolver: r.route.tls.certResolver }),
      ...(r.route.tls.options === undefined ? {} : { tlsOptions: r.route.tls.options }),
    }));
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function names(list: readonly string[]): string {
  const q = list.map((k) => `"${k}"`);
  return q.length <= 1 ? (q[0] ?? "none") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]!}`;
}

function checkEntryPoints(ctx: CheckContext, t: Traefik, uses: readonly RouteUse[]): void {
  const known = entryPointsOf(t).map((e) => e.name);
  for (const u of uses) {
    if (u.entryPoint === undefined || known.includes(u.entryPoint)) continue;
    ctx.report.error(
      "unknown-entry-point",
      u.at,
      `${u.host} uses entry point "${u.entryPoint}", which Traefik does not define (it has ${names(known)}): drop entryPoint or use one of those`,
    );
  }
  for (const e of entryPointsOf(t)) {
    if (e.redirect !== undefined && !known.includes(e.redirect.to)) {
      ctx.report.error("unknown-entry-point", atProxy(t, "entryPoints", e.name, "http", "redirections", "entryPoint", "to"), `entry point "${e.name}" redirects to "${e.redirect.to}", which Traefik does not define (it has ${names(known)})`);
    }
  }
  for (const r of resolversOf(t)) {
    if (r.challenge.kind === "http" && !known.includes(r.challenge.entryPoint)) {
      ctx.report.error("unknown-entry-point", atProxy(t, ...r.at, "httpChallenge", "entryPoint"), `resolver "${r.name}" answers HTTP-01 on entry point "${r.challenge.entryPoint}", which Traefik does not define (it has ${names(known)})`);
    }
  }
}

/**
 * Resolver and TLS-option names. Resolvers only when nixjs declares some: with none, a name
 * may come from a hand-written module that adds `certificatesResolvers` to the static config.
 */
function checkNames(ctx: CheckContext, t: Traefik, uses: readonly RouteUse[]): void {
  const resolvers = resolversOf(t);
  const known = resolvers.map((r) => r.name);
  const resolver = (name: string | undefined, at: Located, what: string): void => {
    if (name === undefined || resolvers.length === 0 || known.includes(name)) return;
    ctx.report.error("unknown-cert-resolver", at, `${what} uses certificate resolver "${name}", which Traefik does not define (it has ${names(known)}): declare it in certResolvers or use one of those`);
  };
  const options = ["default", ...t.tlsOptions.map((o) => o.name).filter((n) => n !== "default")];
  const tlsOptions = (name: string | undefined, at: Located, what: string): void => {
    if (name === undefined || options.includes(name)) return;
    ctx.report.error("unknown-tls-options", at, `${what} uses TLS options "${name}", which Traefik does not define (it has ${names(options)}): declare them in tlsOptions or use one of those`);
  };
  resolver(t.certResolver, atProxy(t, "certResolver"), "traefik({ certResolver })");
  for (const e of entryPointsOf(t)) {
    resolver(e.tls?.certResolver, atProxy(t, "entryPoints", e.name, "http", "tls", "certResolver"), `entry point "${e.name}"`);
    tlsOptions(e.tls?.options, atProxy(t, "entryPoints", e.name, "http", "tls", "options"), `entry point "${e.name}"`);
  }
  for (const u of uses) {
    resolver(u.certResolver, u.at, u.host);
    tlsOptions(u.tlsOptions, u.at, u.host);
  }
}

function checkStaging(ctx: CheckContext, t: Traefik, uses: readonly RouteUse[]): void {
  const staging = new Set(resolversOf(t).filter(isStaging).map((r) => r.name));
  const say = (name: string | undefined, at: Located, who: string): void => {
    if (name === undefined || !staging.has(name)) return;
    ctx.report.warning("traefik-staging-resolver", at, `${who} get certificates from "${name}", a staging CA browsers do not trust: switch to the production resolver once issuance works`);
  };
  say(t.certResolver, atProxy(t, "certResolver"), "routes without a resolver of their own");
  for (const e of entryPointsOf(t)) say(e.tls?.certResolver, atProxy(t, "entryPoints", e.name, "http", "tls", "certResolver"), `routes on entry point "${e.name}"`);
  for (const u of uses) say(u.certResolver, u.at, u.host);
}

function checkAcme(ctx: CheckContext, t: Traefik, resolvers: readonly DeclaredResolver[]): void {
  for (const r of resolvers) {
    if (r.challenge.kind !== "dns" || t.environmentFiles.length > 0) continue;
    const at = r.at[0] === "acme" ? atProxy(t, "acme", "dnsProvider") : atProxy(t, ...r.at, "dnsChallenge", "provider");
    const which = r.at[0] === "acme" ? "" : ` (resolver "${r.name}")`;
    ctx.report.warning(
      "acme-dns-credentials",
      at,
      `the DNS-01 challenge with "${r.challenge.provider}"${which} needs the provider's API credentials (for Cloudflare CF_DNS_API_TOKEN=…): put them in a secret and pass it in environmentFiles`,
    );
  }
  if (t.mode !== "container" || !t.container.ephemeral) return;
  const mounts = t.container.bindMounts.map((m) => m.mountPoint);
  for (const r of resolvers) {
    if (mounts.some((m) => r.storage === m || r.storage.startsWith(`${m}/`))) continue;
    ctx.report.warning(
      "traefik-acme-ephemeral",
      atProxy(t, "container", "ephemeral"),
      `resolver "${r.name}" keeps its certificates in ${r.storage}, inside the ephemeral traefik container: every restart orders them again (Let's Encrypt rate-limits that); bind-mount ${r.storage.slice(0, r.storage.lastIndexOf("/")) || "/"} from the host`,
    );
  }
}

function checkSecurity(ctx: CheckContext, t: Traefik): void {
  if (t.apiInsecure) {
    ctx.report.warning("traefik-api-insecure", atProxy(t, "api", "insecure"), 'api.insecure serves Traefik\'s API and dashboard on :8080 without authentication: drop it and route the dashboard with to: "api@internal" behind auth');
  }
  if (t.serversTransport?.insecureSkipVerify === true) {
    ctx.report.warning("traefik-insecure-skip-verify", atProxy(t, "serversTransport", "insecureSkipVerify"), "serversTransport.insecureSkipVerify accepts any certificate from every https:// backend (a man in the middle too): give the backends' CA in serversTransport.rootCAs instead");
  }
  const level = t.log?.level;
  if (level === "DEBUG" || level === "TRACE") {
    ctx.report.warning("traefik-debug-log", atProxy(t, "log", "level"), `log.level "${level}" logs every request's details (headers, client addresses) on a proxy facing the Internet and fills the disk: use "INFO" or "WARN" once the problem is found`);
  }
}

/** Every check of Traefik's own. */
export function checkTraefik(ctx: CheckContext, t: Traefik): void {
  const uses = routeUses(ctx);
  checkAcme(ctx, t, resolversOf(t));
  checkEntryPoints(ctx, t, uses);
  checkNames(ctx, t, uses);
  checkStaging(ctx, t, uses);
  checkSecurity(ctx, t);
  checkMiddlewareNames(ctx);
  checkTraefikRoutes(ctx);
}
