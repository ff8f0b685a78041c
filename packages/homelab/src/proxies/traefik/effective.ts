/**
 * What a Traefik instance actually declares, defaults included: its entry points (`web` on :80
 * redirecting to the TLS entry point on :443, unless the user says otherwise) and its
 * certificate resolvers (the short form `certResolver` + `acme` and `certResolvers`). Render,
 * the listeners and the checks all read these, so they cannot disagree.
 */
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { Protocol } from "../../model/ports.ts";
import type { Traefik } from "./model.ts";
import { DEFAULT_ACME_STORAGE, type CertResolver, type TraefikEntryPoint } from "./static-model.ts";
import { ENTRY_POINT_ADDRESS } from "./static-schema.ts";

/** Traefik's plain-HTTP entry point (`:80`), always declared next to the TLS one. */
export const WEB = "web";

/** An entry point as Traefik gets it: an address always. */
export interface EffectiveEntryPoint extends Omit<TraefikEntryPoint, "address"> {
  readonly address: string;
}

/**
 * Every entry point: `web` (:80; redirecting to the TLS entry point while `redirectToHttps`
 * and no redirect of its own), the TLS entry point (:443), then the user's others by name. A
 * user's `web` or TLS entry point adjusts the default field by field.
 * @example entryPointsOf(traefik()).map((e) => e.name) // ["web", "websecure"]
 */
export function entryPointsOf(t: Traefik): EffectiveEntryPoint[] {
  const own = new Map(t.entryPoints.map((e) => [e.name, e]));
  const tls = t.entryPoint;
  const base = (name: string, address: string): EffectiveEntryPoint => {
    const user = own.get(name);
    const redirect = name === WEB && tls !== WEB && t.redirectToHttps ? { to: tls, scheme: "https" } : undefined;
    const value = user?.redirect ?? redirect;
    return {
      name,
      address: user?.address ?? address,
      ...(value === undefined ? {} : { redirect: value }),
      forwardedHeadersTrustedIPs: user?.forwardedHeadersTrustedIPs ?? [],
      proxyProtocolTrustedIPs: user?.proxyProtocolTrustedIPs ?? [],
      ...(user?.tls === undefined ? {} : { tls: user.tls }),
    };
  };
  const defaults = [base(WEB, ":80"), ...(tls === WEB ? [] : [base(tls, ":443")])];
  const others = t.entryPoints
    .filter((e) => e.name !== WEB && e.name !== tls)
    .map((e) => ({ ...e, address: e.address ?? "" }));
  return [...defaults, ...others];
}

/** Where an entry point listens, for the host's listeners. */
export interface EntryPointSocket {
  readonly address: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * The socket of an entry point address: `":443"` → every address, TCP.
 * @example entryPointSocket("192.168.1.10:53/udp") // { address: "192.168.1.10", port: 53, protocol: "udp" }
 */
export function entryPointSocket(address: string): EntryPointSocket | undefined {
  const m = ENTRY_POINT_ADDRESS.exec(address);
  if (m === null) return undefined;
  const host = (m[1] ?? "").replace(/^\[|\]$/g, "");
  const any = host === "" || host === "::" || host === ANY_ADDRESS;
  return { address: any ? ANY_ADDRESS : host, port: Number(m[2]), protocol: m[4] === "udp" ? "udp" : "tcp" };
}

/** A resolver and where the user declared it (for messages). */
export interface DeclaredResolver extends CertResolver {
  /** Model path below `traefik`: `["acme"]` for the short form, `["certResolvers", name]` otherwise. */
  readonly at: readonly (string | number)[];
}

/**
 * Every certificate resolver Traefik declares: the short form (`certResolver` + `acme`: DNS-01
 * with `dnsProvider`, HTTP-01 on `web` otherwise) first, then `certResolvers` by name.
 * @example resolversOf(traefik({ certResolver: "le", acme: { email } })).map((r) => r.name) // ["le"]
 */
export function resolversOf(t: Traefik): DeclaredResolver[] {
  const short: DeclaredResolver[] =
    t.certResolver !== undefined && t.acme !== undefined
      ? [
          {
            name: t.certResolver,
            email: t.acme.email,
            challenge:
              t.acme.dnsProvider !== undefined
                ? { kind: "dns", provider: t.acme.dnsProvider, resolvers: [], disableChecks: false }
                : { kind: "http", entryPoint: WEB },
            storage: DEFAULT_ACME_STORAGE,
            at: ["acme"],
          },
        ]
      : [];
  return [...short, ...t.certResolvers.map((r) => ({ ...r, at: ["certResolvers", r.name] }))];
}
