/** `adguardRewrites()`: local DNS records for every routed host name, in AdGuard Home. */
import { guarded } from "../builders/collect.ts";
import { branded } from "../builders/freeze.ts";
import { callLabel } from "../builders/label.ts";
import { parseInput } from "../builders/parse.ts";
import { locationProblems } from "../auth/schema.ts";
import { brandOf } from "../model/brand.ts";
import type { DnsRewrites } from "../model/index.ts";
import { parseIpv4 } from "../net/ipv4.ts";
import { containerName, fqdn } from "../schema/primitives.ts";
import { z, type Input } from "../schema/zod.ts";
import { captureSite } from "../site/capture.ts";

const ANSWER = 'expected the address routed names resolve to, like "192.168.1.10" (IPv4 or IPv6)';

/** An IPv4 or IPv6 address (AdGuard answers an A or AAAA record with it). */
const address = z
  .string({ error: ANSWER })
  .refine((s) => parseIpv4(s) !== undefined || /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$/.test(s), { error: ANSWER });

/** Options of `adguardRewrites({...})`. */
export const adguardRewritesSchema = z.strictObject(
  {
    /** The address every routed host name resolves to: the proxy's LAN address. @example answer: "192.168.1.10" */
    answer: address,
    /** The container AdGuard Home runs in (a NixOS container). @example container: "adguard" */
    container: containerName.optional(),
    /** AdGuard Home runs on the host itself. @example host: true */
    host: z.literal(true, { error: "expected true (host: true), or leave it out and name a container" }).optional(),
    /** Host names left out (answered by public DNS only). @example exclude: ["status.example.org"] */
    exclude: z.array(fqdn).optional(),
  },
  { error: "expected { answer, container | host, exclude }" },
);

/** What `adguardRewrites()` accepts. */
export type AdguardRewritesOptions = Input<typeof adguardRewritesSchema>;

/**
 * AdGuard Home rewrites derived from the routes: every routed host name answers `answer` (the
 * proxy's LAN address), written into `services.adguardhome.settings.filtering.rewrites` of the
 * AdGuard Home that runs in `container` (or on the host), beside the rewrites written there by
 * hand. A new route never needs a second edit.
 *
 * @example adguardRewrites({ answer: "192.168.1.10", container: "adguard" })
 * @example adguardRewrites({ answer: "192.168.1.10", host: true, exclude: ["status.example.org"] })
 */
export function adguardRewrites(options: AdguardRewritesOptions): DnsRewrites {
  const site = captureSite(adguardRewrites);
  const standIn = () => ({ answer: "0.0.0.0", runsIn: { kind: "host" }, exclude: [], site });
  return guarded("adguard", standIn, () => {
    const o = parseInput(adguardRewritesSchema, options, { label: callLabel("adguardRewrites"), site }, locationProblems);
    return branded("adguard", {
      kind: "adguard",
      answer: o.answer,
      runsIn: o.container !== undefined ? { kind: "container", container: o.container } : { kind: "host" },
      exclude: [...(o.exclude ?? [])],
      site,
    } satisfies DnsRewrites);
  });
}

/** True for a value made by `adguardRewrites()`. @example isDnsRewrites(adguardRewrites({...})) // true */
export function isDnsRewrites(value: unknown): value is DnsRewrites {
  return brandOf(value) === "adguard";
}
