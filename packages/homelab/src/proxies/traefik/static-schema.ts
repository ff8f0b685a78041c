/**
 * The input schemas of Traefik's static settings in `traefik({...})`: entry points, certificate
 * resolvers, TLS options, logs, the servers transport, the API, the implicit container. Traefik's
 * names and nesting (`http.redirections.entryPoint`, `forwardedHeaders.trustedIPs`), so a
 * `traefik.yml` translates key by key.
 */
import { parseIpv4 } from "../../net/ipv4.ts";
import { bindMount } from "../../schema/bind-mount.ts";
import { absolutePath, bool, email, identifier, mountPath } from "../../schema/primitives.ts";
import { z } from "../../schema/zod.ts";

const ADDRESS_MESSAGE = 'expected an entry point address like ":443", "192.168.1.10:8443" or ":53/udp"';
/** `[host]:port[/tcp|udp]`, Traefik's entry point address. */
export const ENTRY_POINT_ADDRESS = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]*):(\d{1,5})(\/(tcp|udp))?$/;
const address = z.string({ error: ADDRESS_MESSAGE }).check((ctx) => {
  const m = ENTRY_POINT_ADDRESS.exec(ctx.value);
  const port = m === null ? 0 : Number(m[2]);
  if (port < 1 || port > 65535) ctx.issues.push({ code: "custom", message: ADDRESS_MESSAGE, input: ctx.value });
});

const IP_MESSAGE = 'expected an IP address or network like "192.168.1.0/24", "173.245.48.0/20" or "2400:cb00::/32"';
/** An IPv4/IPv6 address or network (trust lists). */
export const ipOrNetwork = z.string({ error: IP_MESSAGE }).check((ctx) => {
  const [ip = "", bits, ...rest] = ctx.value.split("/");
  const v4 = parseIpv4(ip) !== undefined;
  const v6 = /^[0-9A-Fa-f:.]+$/.test(ip) && ip.includes(":");
  const max = v4 ? 32 : 128;
  const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
  if (!(v4 || v6) || !bitsOk || rest.length > 0) ctx.issues.push({ code: "custom", message: IP_MESSAGE, input: ctx.value });
});

const ADDRESS_IP_MESSAGE = 'expected an IP address like "1.1.1.1" or "2606:4700:4700::1111"';
/** A single IPv4/IPv6 address. */
const ipAddress = z.string({ error: ADDRESS_IP_MESSAGE }).check((ctx) => {
  const v6 = /^[0-9A-Fa-f:.]+$/.test(ctx.value) && ctx.value.includes(":");
  if (parseIpv4(ctx.value) === undefined && !v6) ctx.issues.push({ code: "custom", message: ADDRESS_IP_MESSAGE, input: ctx.value });
});

const NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;
const certName = z
  .string({ error: 'expected a host name like "example.org" or a wildcard like "*.example.org"' })
  .regex(NAME, { error: 'expected a lower-case host name like "example.org" or a wildcard like "*.example.org"' });

/** A certificate's names: `main` (may be a wildcard) and further `sans`. */
export const certDomain = z.strictObject(
  {
    /** @example main: "example.org" */
    main: certName,
    /** @example sans: ["*.example.org"] */
    sans: z.array(certName).optional(),
  },
  { error: 'expected { main: "example.org", sans: ["*.example.org"] }' },
);

/** `http.tls` of an entry point: the TLS its routers get unless they say otherwise. */
const entryPointTls = z.strictObject(
  {
    /** @example certResolver: "letsencrypt" */
    certResolver: identifier("certificate resolver").optional(),
    /** A wildcard certificate for every router of the entry point. @example domains: [{ main: "example.org", sans: ["*.example.org"] }] */
    domains: z.array(certDomain).optional(),
    /** TLS options by name (`tlsOptions`). @example options: "modern" */
    options: identifier("TLS options").optional(),
  },
  { error: "expected { certResolver, domains, options }" },
);

const trustedIPs = (what: string) =>
  z.strictObject(
    {
      /** @example trustedIPs: ["173.245.48.0/20", "2400:cb00::/32"] */
      trustedIPs: z.array(ipOrNetwork),
    },
    { error: `expected { trustedIPs: [...] } (${what})` },
  );

/** One entry point, Traefik's `entryPoints.<name>`. */
export const entryPointSchema = z.strictObject(
  {
    /**
     * Where it listens. Optional for `web` (`:80`) and the TLS entry point (`:443`).
     * @example address: ":8443"
     */
    address: address.optional(),
    /** @example http: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } } */
    http: z
      .strictObject(
        {
          /** @example redirections: { entryPoint: { to: "websecure" } } */
          redirections: z
            .strictObject(
              {
                entryPoint: z.strictObject(
                  {
                    /** @example to: "websecure" */
                    to: identifier("entry point"),
                    /** Default `"https"`. @example scheme: "https" */
                    scheme: z.enum(["http", "https"], { error: 'expected "http" or "https"' }).optional(),
                    /** Traefik's default `true` (308). @example permanent: false */
                    permanent: bool("permanent").optional(),
                  },
                  { error: "expected { to, scheme, permanent }" },
                ),
              },
              { error: "expected { entryPoint: { to, scheme, permanent } }" },
            )
            .optional(),
          /** @example tls: { certResolver: "letsencrypt", domains: [{ main: "example.org", sans: ["*.example.org"] }] } */
          tls: entryPointTls.optional(),
        },
        { error: "expected { redirections, tls }" },
      )
      .optional(),
    /** Proxies in front whose `X-Forwarded-*` headers Traefik keeps. @example forwardedHeaders: { trustedIPs: ["10.0.0.1"] } */
    forwardedHeaders: trustedIPs("forwardedHeaders").optional(),
    /** Senders of the PROXY protocol header. @example proxyProtocol: { trustedIPs: ["10.0.0.1"] } */
    proxyProtocol: trustedIPs("proxyProtocol").optional(),
  },
  { error: "expected an entry point { address, http, forwardedHeaders, proxyProtocol }" },
);

const dnsChallenge = z.strictObject(
  {
    /** A lego provider code. @example provider: "cloudflare" */
    provider: identifier("DNS provider"),
    /** DNS servers for the propagation check. @example resolvers: ["1.1.1.1:53", "8.8.8.8:53"] */
    resolvers: z
      .array(z.string().regex(/^[A-Za-z0-9.:[\]-]+:\d{1,5}$/, { error: 'expected a DNS server like "1.1.1.1:53"' }))
      .optional(),
    /** Traefik v3's `propagation` (v2's `delayBeforeCheck` is deprecated). @example propagation: { delayBeforeChecks: 60 } */
    propagation: z
      .strictObject(
        {
          /** Seconds to wait before checking. @example delayBeforeChecks: 60 */
          delayBeforeChecks: z.int({ error: "expected whole seconds" }).min(0, { error: "expected whole seconds" }).optional(),
          /** @example disableChecks: true */
          disableChecks: bool("disableChecks").optional(),
        },
        { error: "expected { delayBeforeChecks, disableChecks }" },
      )
      .optional(),
  },
  { error: "expected { provider, resolvers, propagation }" },
);

/** One ACME certificate resolver, `certificatesResolvers.<name>.acme`. */
export const certResolverSchema = z.strictObject(
  {
    /** The ACME account. @example email: "admin@example.org" */
    email,
    /** DNS-01 (wildcards, names not reachable from the Internet). @example dnsChallenge: { provider: "cloudflare" } */
    dnsChallenge: dnsChallenge.optional(),
    /** HTTP-01 on an entry point (default `web`). @example httpChallenge: { entryPoint: "web" } */
    httpChallenge: z
      .strictObject({ /** @example entryPoint: "web" */ entryPoint: identifier("entry point").optional() }, { error: "expected { entryPoint }" })
      .optional(),
    /** TLS-ALPN-01 on :443. @example tlsChallenge: {} */
    tlsChallenge: z.strictObject({}, { error: "expected {}" }).optional(),
    /**
     * The ACME directory; Let's Encrypt's production one when absent.
     * @example caServer: "https://acme-staging-v02.api.letsencrypt.org/directory"
     */
    caServer: z.string().regex(/^https:\/\/\S+$/, { error: 'expected an https:// URL' }).optional(),
    /** Default `/var/lib/traefik/acme.json` (several resolvers may share it). @example storage: "/var/lib/traefik/staging.json" */
    storage: absolutePath.optional(),
    /** @example keyType: "EC256" */
    keyType: z.enum(["EC256", "EC384", "RSA2048", "RSA4096", "RSA8192"], { error: 'expected "EC256", "EC384", "RSA2048", "RSA4096" or "RSA8192"' }).optional(),
  },
  { error: "expected { email, dnsChallenge | httpChallenge | tlsChallenge, caServer, storage }" },
);

const TLS_VERSION = z.enum(["VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13"], {
  error: 'expected "VersionTLS12" or "VersionTLS13" (or "VersionTLS10", "VersionTLS11")',
});

/** Named TLS options, Traefik's dynamic `tls.options.<name>`. */
export const tlsOptionsSchema = z.strictObject(
  {
    /** @example minVersion: "VersionTLS13" */
    minVersion: TLS_VERSION.optional(),
    /** @example maxVersion: "VersionTLS13" */
    maxVersion: TLS_VERSION.optional(),
    /** Go cipher suite names (TLS 1.2 only). @example cipherSuites: ["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"] */
    cipherSuites: z.array(z.string().regex(/^TLS_[A-Z0-9_]+$/, { error: 'expected a cipher suite like "TLS_AES_256_GCM_SHA384"' })).optional(),
    /** @example curvePreferences: ["X25519", "CurveP256"] */
    curvePreferences: z.array(z.string().regex(/^[A-Za-z0-9]+$/, { error: 'expected a curve like "X25519"' })).optional(),
    /** No default certificate for unknown names. @example sniStrict: true */
    sniStrict: bool("sniStrict").optional(),
  },
  { error: "expected { minVersion, maxVersion, cipherSuites, curvePreferences, sniStrict }" },
);

const logFormat = z.enum(["common", "json"], { error: 'expected "common" or "json"' });

/** `log`, `accessLog`, `serversTransport`, `api`, `container`: the smaller static settings. */
export const staticShape = {
  /**
   * Entry points beyond (or adjusting) `web` (:80) and the TLS entry point (:443).
   * @example entryPoints: { websecure: { forwardedHeaders: { trustedIPs: ["10.0.0.1"] } }, lan: { address: ":8443" } }
   */
  entryPoints: z.record(identifier("entry point"), entryPointSchema, { error: "expected { name: { address, … } }" }).optional(),
  /**
   * Certificate resolvers by name (production and staging side by side).
   * @example certResolvers: { letsencrypt: { email: "admin@example.org", dnsChallenge: { provider: "cloudflare" } } }
   */
  certResolvers: z.record(identifier("certificate resolver"), certResolverSchema, { error: "expected { name: { email, … } }" }).optional(),
  /**
   * Named TLS options; `default` applies to every router that names none.
   * @example tlsOptions: { modern: { minVersion: "VersionTLS13", sniStrict: true } }
   */
  tlsOptions: z.record(identifier("TLS options"), tlsOptionsSchema, { error: "expected { name: { minVersion, … } }" }).optional(),
  /** Traefik's own log. @example log: { level: "INFO" } */
  log: z
    .strictObject(
      {
        /** Default `"ERROR"` (Traefik's). @example level: "INFO" */
        level: z.enum(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC"], { error: 'expected "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" or "PANIC"' }).optional(),
        /** @example format: "json" */
        format: logFormat.optional(),
        /** Default: the journal. @example filePath: "/var/lib/traefik/traefik.log" */
        filePath: absolutePath.optional(),
      },
      { error: "expected { level, format, filePath }" },
    )
    .optional(),
  /** One line per request. @example accessLog: { format: "json" } */
  accessLog: z
    .strictObject(
      {
        /** Default `true` when `accessLog` is given. @example enable: false */
        enable: bool("enable").optional(),
        /** @example format: "json" */
        format: logFormat.optional(),
        /** Default: the journal. @example filePath: "/var/lib/traefik/access.log" */
        filePath: absolutePath.optional(),
      },
      { error: "expected { enable, format, filePath }" },
    )
    .optional(),
  /** How Traefik talks to backends. @example serversTransport: { rootCAs: ["/etc/ssl/lan-ca.pem"] } */
  serversTransport: z
    .strictObject(
      {
        /** Accept any backend certificate (a warning: prefer `rootCAs`). @example insecureSkipVerify: true */
        insecureSkipVerify: bool("insecureSkipVerify").optional(),
        /** @example rootCAs: ["/etc/ssl/lan-ca.pem"] */
        rootCAs: z.array(absolutePath).optional(),
      },
      { error: "expected { insecureSkipVerify, rootCAs }" },
    )
    .optional(),
  /**
   * The API and dashboard. Route the dashboard with `to: "api@internal"` behind auth rather
   * than `insecure` (:8080, no auth).
   * @example api: { dashboard: true }
   */
  api: z
    .strictObject(
      {
        /** @example dashboard: true */
        dashboard: bool("dashboard").optional(),
        /** @example insecure: false */
        insecure: bool("insecure").optional(),
      },
      { error: "expected { dashboard, insecure }" },
    )
    .optional(),
  /**
   * The `traefik` nspawn container's own options (`mode: "container"` only).
   * @example container: { bindMounts: { "/var/lib/traefik": { hostPath: "/persist/traefik", isReadOnly: false } }, nameservers: ["1.1.1.1"] }
   */
  container: z
    .strictObject(
      {
        /** @example ephemeral: true */
        ephemeral: bool("ephemeral").optional(),
        /** @example bindMounts: { "/var/lib/traefik": { hostPath: "/persist/traefik", isReadOnly: false } } */
        bindMounts: z.record(mountPath, bindMount, { error: 'expected { "/mount/point": { hostPath, isReadOnly } }' }).optional(),
        /** @example nameservers: ["1.1.1.1", "9.9.9.9"] */
        nameservers: z.array(ipAddress).optional(),
      },
      { error: "expected { ephemeral, bindMounts, nameservers }" },
    )
    .optional(),
};
