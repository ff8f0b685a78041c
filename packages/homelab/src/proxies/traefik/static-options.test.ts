/** `traefik({...})`'s static options: what the model keeps, and the input it refuses (with where and why). */
import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../../errors/input-error.ts";
import { formatPath } from "../../diagnostics/path.ts";
import { traefik } from "./builders.ts";
import type { TraefikOptions } from "./schema.ts";

/** The `path: message` lines of the one HomelabInputError `traefik(options)` throws. */
function problems(options: TraefikOptions): string[] {
  try {
    traefik(options);
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

const email = "admin@example.org";

describe("traefik(): the static settings in the model", () => {
  test("defaults: nothing declared beyond today's fields", () => {
    expect(traefik()).toMatchObject({
      dashboard: false,
      apiInsecure: false,
      entryPoints: [],
      certResolvers: [],
      tlsOptions: [],
      container: { ephemeral: false, bindMounts: [], nameservers: [] },
    });
    expect(traefik()).not.toHaveProperty("log");
    expect(traefik({ accessLog: { enable: false } })).not.toHaveProperty("accessLog");
  });

  test("resolvers, entry points and TLS options sorted by name; challenges as a closed union", () => {
    const t = traefik({
      certResolvers: {
        z: { email, tlsChallenge: {} },
        a: { email, dnsChallenge: { provider: "ovh", propagation: { delayBeforeChecks: 30 } } },
        m: { email, httpChallenge: {} },
      },
      entryPoints: { lan: { address: ":8443" }, dns: { address: ":53/udp" } },
    });
    expect(t.certResolvers.map((r) => [r.name, r.challenge])).toEqual([
      ["a", { kind: "dns", provider: "ovh", resolvers: [], delayBeforeChecks: 30, disableChecks: false }],
      ["m", { kind: "http", entryPoint: "web" }],
      ["z", { kind: "tls" }],
    ]);
    expect(t.entryPoints.map((e) => e.name)).toEqual(["dns", "lan"]);
    expect(t.certResolvers[0]!.storage).toBe("/var/lib/traefik/acme.json");
  });

  test("dashboard: true and api: { dashboard: true } are one setting", () => {
    expect(traefik({ dashboard: true }).dashboard).toBe(true);
    expect(traefik({ api: { dashboard: true } }).dashboard).toBe(true);
    expect(traefik({ dashboard: true, api: { dashboard: true, insecure: true } })).toMatchObject({ dashboard: true, apiInsecure: true });
  });
});

describe("traefik(): refused input", () => {
  test("a resolver needs exactly one challenge", () => {
    expect(problems({ certResolvers: { le: { email } } })).toEqual([
      "certResolvers.le: a certificate resolver needs one challenge: dnsChallenge: { provider }, httpChallenge: {} or tlsChallenge: {}",
    ]);
    expect(problems({ certResolvers: { le: { email, httpChallenge: {}, tlsChallenge: {} } } })).toEqual([
      "certResolvers.le: give one challenge per resolver, not httpChallenge and tlsChallenge: declare a second resolver for the other",
    ]);
  });

  test("one resolver defined by the short form and in certResolvers", () => {
    expect(problems({ certResolver: "le", acme: { email }, certResolvers: { le: { email, tlsChallenge: {} } } })).toEqual([
      'acme: the resolver "le" is defined twice, by certResolver + acme and in certResolvers: keep certResolvers.le and drop acme',
    ]);
  });

  test("contradicting dashboards, container options of a service, an entry point without address", () => {
    expect(problems({ dashboard: true, api: { dashboard: false } })).toEqual(["dashboard: dashboard: true contradicts api.dashboard: false; keep one of them"]);
    expect(problems({ mode: "service", container: { ephemeral: true } })).toEqual([
      'container: container options need mode: "container" (Traefik as a host service has no container of its own)',
    ]);
    expect(problems({ entryPoints: { lan: {} } })).toEqual(['entryPoints.lan: entry point "lan" needs an address like ":8443" (only "web" and "websecure" have defaults)']);
  });

  test("addresses, trust lists, names, TLS versions and levels are checked", () => {
    const lines = problems({
      entryPoints: { lan: { address: "8443", forwardedHeaders: { trustedIPs: ["10.0.0.0/33", "fd00::/64"] } } },
      certResolvers: { le: { email, dnsChallenge: { provider: "cloudflare", resolvers: ["1.1.1.1"] } } },
      entryPoint: "websecure",
      tlsOptions: { modern: { minVersion: "TLS13" as never } },
      log: { level: "debug" as never },
      container: { nameservers: ["10.0.0.0/8"] },
    });
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^entryPoints\.lan\.address: expected an entry point address like ":443"/);
    expect(lines[1]).toMatch(/^entryPoints\.lan\.forwardedHeaders\.trustedIPs\[0\]: expected an IP address or network/);
    expect(lines.slice(2).map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "certResolvers.le.dnsChallenge.resolvers[0]",
      "tlsOptions.modern.minVersion",
      "log.level",
      "container.nameservers[0]",
    ]);
  });
});
