/**
 * From `traefik({...})`'s parsed static options to the model (`static-model.ts`), and the
 * cross-field rules zod cannot say (one challenge per resolver, a resolver defined twice, the
 * container options of a service).
 */
import { optional } from "../../builders/freeze.ts";
import type { CertDomain } from "../../model/routing.ts";
import { asRecord, type InputProblem } from "../../schema/problems.ts";
import type { Zod } from "../../schema/zod.ts";
import { compareCodeUnits as byCodeUnit } from "../../util/order.ts";
import type { traefikSchema } from "./schema.ts";
import { DEFAULT_ACME_STORAGE, type AcmeChallenge, type CertResolver, type TlsOptions, type TraefikContainerOptions, type TraefikEntryPoint } from "./static-model.ts";
import type { Traefik } from "./model.ts";

type Parsed = Zod.output<typeof traefikSchema>;
type ParsedResolver = NonNullable<Parsed["certResolvers"]>[string];

const CHALLENGES = ["dnsChallenge", "httpChallenge", "tlsChallenge"] as const;

/** Cross-field rules of `traefik()`'s static settings, on the raw input. */
export function traefikProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  const problems: InputProblem[] = [];
  const resolvers = asRecord(r["certResolvers"]) ?? {};
  for (const [name, value] of Object.entries(resolvers)) {
    const given = CHALLENGES.filter((c) => asRecord(value)?.[c] !== undefined);
    if (asRecord(value) !== undefined && given.length !== 1) {
      problems.push({
        path: ["certResolvers", name],
        message:
          given.length === 0
            ? "a certificate resolver needs one challenge: dnsChallenge: { provider }, httpChallenge: {} or tlsChallenge: {}"
            : `give one challenge per resolver, not ${given.join(" and ")}: declare a second resolver for the other`,
      });
    }
  }
  const short = r["certResolver"];
  if (typeof short === "string" && r["acme"] !== undefined && Object.hasOwn(resolvers, short)) {
    problems.push({
      path: ["acme"],
      message: `the resolver "${short}" is defined twice, by certResolver + acme and in certResolvers: keep certResolvers.${short} and drop acme`,
    });
  }
  const api = asRecord(r["api"]);
  if (typeof r["dashboard"] === "boolean" && typeof api?.["dashboard"] === "boolean" && r["dashboard"] !== api["dashboard"]) {
    problems.push({ path: ["dashboard"], message: `dashboard: ${String(r["dashboard"])} contradicts api.dashboard: ${String(api["dashboard"])}; keep one of them` });
  }
  if (r["mode"] === "service" && r["container"] !== undefined) {
    problems.push({ path: ["container"], message: 'container options need mode: "container" (Traefik as a host service has no container of its own)' });
  }
  const tls = typeof r["entryPoint"] === "string" ? r["entryPoint"] : "websecure";
  for (const [name, value] of Object.entries(asRecord(r["entryPoints"]) ?? {})) {
    if (name !== "web" && name !== tls && asRecord(value) !== undefined && asRecord(value)?.["address"] === undefined) {
      problems.push({ path: ["entryPoints", name], message: `entry point "${name}" needs an address like ":8443" (only "web" and "${tls}" have defaults)` });
    }
  }
  return problems;
}

const domainsOf = (domains: readonly { main: string; sans?: string[] | undefined }[] | undefined): CertDomain[] =>
  (domains ?? []).map((d) => ({ main: d.main, sans: d.sans ?? [] }));

function entryPoints(o: Parsed): TraefikEntryPoint[] {
  return Object.keys(o.entryPoints ?? {})
    .sort(byCodeUnit)
    .map((name) => {
      const e = o.entryPoints![name]!;
      const redirect = e.http?.redirections?.entryPoint;
      const tls = e.http?.tls;
      return {
        name,
        ...optional("address", e.address),
        ...optional("redirect", redirect && { to: redirect.to, scheme: redirect.scheme ?? "https", ...optional("permanent", redirect.permanent) }),
        forwardedHeadersTrustedIPs: e.forwardedHeaders?.trustedIPs ?? [],
        proxyProtocolTrustedIPs: e.proxyProtocol?.trustedIPs ?? [],
        ...optional("tls", tls && { ...optional("certResolver", tls.certResolver), domains: domainsOf(tls.domains), ...optional("options", tls.options) }),
      };
    });
}

function challenge(r: ParsedResolver): AcmeChallenge {
  if (r.dnsChallenge !== undefined) {
    const d = r.dnsChallenge;
    return {
      kind: "dns",
      provider: d.provider,
      resolvers: d.resolvers ?? [],
      ...optional("delayBeforeChecks", d.propagation?.delayBeforeChecks),
      disableChecks: d.propagation?.disableChecks ?? false,
    };
  }
  if (r.tlsChallenge !== undefined) return { kind: "tls" };
  return { kind: "http", entryPoint: r.httpChallenge?.entryPoint ?? "web" };
}

function certResolvers(o: Parsed): CertResolver[] {
  return Object.keys(o.certResolvers ?? {})
    .sort(byCodeUnit)
    .map((name) => {
      const r = o.certResolvers![name]!;
      return {
        name,
        email: r.email,
        challenge: challenge(r),
        ...optional("caServer", r.caServer),
        storage: r.storage ?? DEFAULT_ACME_STORAGE,
        ...optional("keyType", r.keyType),
      };
    });
}

function tlsOptions(o: Parsed): TlsOptions[] {
  return Object.keys(o.tlsOptions ?? {})
    .sort(byCodeUnit)
    .map((name) => {
      const t = o.tlsOptions![name]!;
      return {
        name,
        ...optional("minVersion", t.minVersion),
        ...optional("maxVersion", t.maxVersion),
        cipherSuites: t.cipherSuites ?? [],
        curvePreferences: t.curvePreferences ?? [],
        ...optional("sniStrict", t.sniStrict),
      };
    });
}

function containerOptions(o: Parsed): TraefikContainerOptions {
  const c = o.container;
  return {
    ephemeral: c?.ephemeral ?? false,
    bindMounts: Object.keys(c?.bindMounts ?? {})
      .sort(byCodeUnit)
      .map((mountPoint) => {
        const b = c!.bindMounts![mountPoint]!;
        return { mountPoint, ...optional("hostPath", b.hostPath), isReadOnly: b.isReadOnly ?? true };
      }),
    nameservers: c?.nameservers ?? [],
  };
}

/** The model's static settings of a parsed `traefik({...})`. */
export function staticSettings(o: Parsed): Pick<
  Traefik,
  "dashboard" | "apiInsecure" | "entryPoints" | "certResolvers" | "tlsOptions" | "log" | "accessLog" | "serversTransport" | "container"
> {
  const access = o.accessLog;
  return {
    dashboard: o.dashboard ?? o.api?.dashboard ?? false,
    apiInsecure: o.api?.insecure ?? false,
    entryPoints: entryPoints(o),
    certResolvers: certResolvers(o),
    tlsOptions: tlsOptions(o),
    ...optional("log", o.log && { ...optional("level", o.log.level), ...optional("format", o.log.format), ...optional("filePath", o.log.filePath) }),
    ...optional("accessLog", access && access.enable !== false ? { ...optional("format", access.format), ...optional("filePath", access.filePath) } : undefined),
    ...optional(
      "serversTransport",
      o.serversTransport && { insecureSkipVerify: o.serversTransport.insecureSkipVerify ?? false, rootCAs: o.serversTransport.rootCAs ?? [] },
    ),
    container: containerOptions(o),
  };
}
