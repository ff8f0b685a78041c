/**
 * Traefik's static settings as `traefik()` keeps them: entry points, certificate resolvers,
 * TLS options, logs, the servers transport, the API and the implicit container's own options.
 * Traefik's own names throughout (`entryPoints`, `certificatesResolvers`, `trustedIPs`), so a
 * `traefik.yml` reads across without a dictionary.
 */
import type { BindMount } from "../../model/containers.ts";
import type { CertDomain } from "../../model/routing.ts";

/** `entryPoints.<name>.http.redirections.entryPoint`: every request redirected to another entry point. */
export interface EntryPointRedirect {
  /** The entry point redirected to (`websecure`). */
  readonly to: string;
  /** Default `"https"`. */
  readonly scheme: string;
  /** Traefik's default (`true`, a 308) when absent. */
  readonly permanent?: boolean;
}

/** `entryPoints.<name>.http.tls`: the TLS every router on the entry point gets by default. */
export interface EntryPointTls {
  readonly certResolver?: string;
  /** The certificate's names (a wildcard: `main: "example.org"`, `sans: ["*.example.org"]`). */
  readonly domains: readonly CertDomain[];
  /** TLS options by name (`tlsOptions`). */
  readonly options?: string;
}

/** One entry point a user declared (the `web` and default TLS ones exist without it). */
export interface TraefikEntryPoint {
  readonly name: string;
  /** `":443"`, `"192.168.1.10:8443"`, `":53/udp"`; absent: the default of `web` (`:80`) or the TLS entry point (`:443`). */
  readonly address?: string;
  readonly redirect?: EntryPointRedirect;
  /** `forwardedHeaders.trustedIPs`: proxies in front (Cloudflare, a VPS) whose `X-Forwarded-*` Traefik believes. */
  readonly forwardedHeadersTrustedIPs: readonly string[];
  /** `proxyProtocol.trustedIPs`: senders of the PROXY protocol header (HAProxy, a VPS tunnel). */
  readonly proxyProtocolTrustedIPs: readonly string[];
  readonly tls?: EntryPointTls;
}

/** How an ACME resolver proves it controls a name. */
export type AcmeChallenge =
  | {
      readonly kind: "dns";
      /** A lego provider code (`cloudflare`, `ovh`, `desec`); its credentials come from `environmentFiles`. */
      readonly provider: string;
      /** DNS servers the propagation check asks (`"1.1.1.1:53"`). */
      readonly resolvers: readonly string[];
      /** `propagation.delayBeforeChecks`, in seconds. */
      readonly delayBeforeChecks?: number;
      /** `propagation.disableChecks`. */
      readonly disableChecks: boolean;
    }
  | { readonly kind: "http"; readonly entryPoint: string }
  | { readonly kind: "tls" };

/** `certificatesResolvers.<name>.acme`. */
export interface CertResolver {
  readonly name: string;
  readonly email: string;
  readonly challenge: AcmeChallenge;
  /** The ACME directory; Let's Encrypt's production one when absent. */
  readonly caServer?: string;
  /** Where Traefik keeps the account and certificates (several resolvers may share one file). */
  readonly storage: string;
  /** `keyType` (`"EC256"`, `"RSA4096"`); Traefik's default when absent. */
  readonly keyType?: string;
}

/** `tls.options.<name>` (dynamic configuration): what TLS handshakes a router accepts. */
export interface TlsOptions {
  readonly name: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  readonly cipherSuites: readonly string[];
  readonly curvePreferences: readonly string[];
  /** Reject handshakes whose SNI matches no certificate (no default certificate to scanners). */
  readonly sniStrict?: boolean;
}

/** Traefik's log levels. */
export type LogLevel = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL" | "PANIC";

/** `log`: Traefik's own log. */
export interface TraefikLog {
  /** Traefik's default (`ERROR`) when absent. */
  readonly level?: LogLevel;
  readonly format?: "common" | "json";
  readonly filePath?: string;
}

/** `accessLog`: one line per request (present: enabled). */
export interface TraefikAccessLog {
  readonly format?: "common" | "json";
  readonly filePath?: string;
}

/** `serversTransport`: how Traefik talks to the backends it proxies to. */
export interface ServersTransport {
  /** Accept any certificate of an `https://` backend. */
  readonly insecureSkipVerify: boolean;
  /** CA certificates (PEM files) backends' certificates are checked against. */
  readonly rootCAs: readonly string[];
}

/** The implicit `traefik` nspawn container's own options (`mode: "container"`). */
export interface TraefikContainerOptions {
  /** Root file system discarded on every stop (keep `acme.json` on a bind mount then). */
  readonly ephemeral: boolean;
  readonly bindMounts: readonly BindMount[];
  /** The guest's `networking.nameservers` (instead of the host's `resolv.conf`). */
  readonly nameservers: readonly string[];
}

/** The name Traefik gives the entry point of `api.insecure` (`:8080`). */
export const API_ENTRY_POINT = "traefik";
/** Traefik's default ACME storage in NixOS's `dataDir` (its only writable directory). */
export const DEFAULT_ACME_STORAGE = "/var/lib/traefik/acme.json";

export { LETSENCRYPT_STAGING } from "../acme.ts";

/**
 * True for a resolver on a staging CA (Let's Encrypt's, or any directory named so): its
 * certificates are not trusted by browsers.
 * @example isStaging({ caServer: LETSENCRYPT_STAGING }) // true
 */
export function isStaging(r: Pick<CertResolver, "caServer">): boolean {
  return r.caServer !== undefined && /staging/i.test(r.caServer);
}
