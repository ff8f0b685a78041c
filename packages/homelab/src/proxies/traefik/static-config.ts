/**
 * Traefik's static configuration (`staticConfigOptions`) and the dynamic part that belongs to
 * Traefik itself rather than to a route (`tls.options`), as plain data in Traefik's camelCase.
 * Never a `null` (the TOML option type rejects it); a field at Traefik's default is left out.
 */
import type { CertDomain } from "../../model/routing.ts";
import type { Traefik } from "./model.ts";
import { entryPointsOf, resolversOf, type DeclaredResolver, type EffectiveEntryPoint } from "./effective.ts";
import type { AcmeChallenge, EntryPointTls, TlsOptions } from "./static-model.ts";

type Data = Record<string, unknown>;

/** `{ key: value }` unless the value is empty (an empty list, `undefined`). */
function when(key: string, value: unknown): Data {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value };
}

/** `tls.domains` entries: `main`, and `sans` when there are any. */
export function domainsData(domains: readonly CertDomain[]): Data[] {
  return domains.map((d) => ({ main: d.main, ...when("sans", [...d.sans]) }));
}

function entryPointTls(tls: EntryPointTls): Data {
  return { ...when("certResolver", tls.certResolver), ...when("domains", domainsData(tls.domains)), ...when("options", tls.options) };
}

function entryPoint(e: EffectiveEntryPoint): Data {
  const http: Data = {
    ...(e.redirect === undefined
      ? {}
      : { redirections: { entryPoint: { to: e.redirect.to, scheme: e.redirect.scheme, ...when("permanent", e.redirect.permanent) } } }),
    ...(e.tls === undefined ? {} : { tls: entryPointTls(e.tls) }),
  };
  return {
    address: e.address,
    ...(Object.keys(http).length > 0 ? { http } : {}),
    ...(e.forwardedHeadersTrustedIPs.length > 0 ? { forwardedHeaders: { trustedIPs: [...e.forwardedHeadersTrustedIPs] } } : {}),
    ...(e.proxyProtocolTrustedIPs.length > 0 ? { proxyProtocol: { trustedIPs: [...e.proxyProtocolTrustedIPs] } } : {}),
  };
}

function challenge(c: AcmeChallenge): Data {
  switch (c.kind) {
    case "dns": {
      const propagation = {
        ...when("delayBeforeChecks", c.delayBeforeChecks === undefined ? undefined : `${c.delayBeforeChecks}s`),
        ...(c.disableChecks ? { disableChecks: true } : {}),
      };
      return {
        dnsChallenge: {
          provider: c.provider,
          ...when("resolvers", [...c.resolvers]),
          ...(Object.keys(propagation).length > 0 ? { propagation } : {}),
        },
      };
    }
    case "http":
      return { httpChallenge: { entryPoint: c.entryPoint } };
    case "tls":
      return { tlsChallenge: {} };
  }
}

function resolver(r: DeclaredResolver): Data {
  return {
    acme: {
      email: r.email,
      storage: r.storage,
      ...when("caServer", r.caServer),
      ...when("keyType", r.keyType),
      ...challenge(r.challenge),
    },
  };
}

/**
 * `staticConfigOptions`: every entry point (see `entryPointsOf`), the certificate resolvers,
 * the API, logs and the servers transport. It REPLACES the module's default
 * (`entryPoints.http`) as soon as it is defined, so every entry point is declared.
 * @example staticConfig(traefik()) // { entryPoints: { web: { address: ":80", http: { redirections: … } }, websecure: { address: ":443" } } }
 */
export function staticConfig(t: Traefik): Data {
  const out: Data = { entryPoints: Object.fromEntries(entryPointsOf(t).map((e) => [e.name, entryPoint(e)])) };
  const resolvers = resolversOf(t);
  if (resolvers.length > 0) out["certificatesResolvers"] = Object.fromEntries(resolvers.map((r) => [r.name, resolver(r)]));
  if (t.dashboard || t.apiInsecure) out["api"] = { dashboard: t.dashboard, ...(t.apiInsecure ? { insecure: true } : {}) };
  if (t.log !== undefined) out["log"] = { ...when("level", t.log.level), ...when("format", t.log.format), ...when("filePath", t.log.filePath) };
  if (t.accessLog !== undefined) out["accessLog"] = { ...when("format", t.accessLog.format), ...when("filePath", t.accessLog.filePath) };
  const transport = t.serversTransport;
  if (transport !== undefined && (transport.insecureSkipVerify || transport.rootCAs.length > 0)) {
    out["serversTransport"] = { ...(transport.insecureSkipVerify ? { insecureSkipVerify: true } : {}), ...when("rootCAs", [...transport.rootCAs]) };
  }
  return out;
}

function tlsOption(o: TlsOptions): Data {
  return {
    ...when("minVersion", o.minVersion),
    ...when("maxVersion", o.maxVersion),
    ...when("cipherSuites", [...o.cipherSuites]),
    ...when("curvePreferences", [...o.curvePreferences]),
    ...when("sniStrict", o.sniStrict),
  };
}

/**
 * Traefik's own part of the dynamic configuration: the named TLS options (`tls.options`), or
 * `undefined` without any. They live beside the static configuration, in Traefik's own file,
 * because they belong to no route.
 * @example dynamicTls(traefik({ tlsOptions: { modern: { minVersion: "VersionTLS13" } } })) // { options: { modern: { minVersion: "VersionTLS13" } } }
 */
export function dynamicTls(t: Traefik): Data | undefined {
  if (t.tlsOptions.length === 0) return undefined;
  return { options: Object.fromEntries(t.tlsOptions.map((o) => [o.name, tlsOption(o)])) };
}
