/** `homelab()`'s options `auth` and `dns` (spread into its schema). */
import { z } from "../schema/zod.ts";
import type { AuthProvider, DnsRewrites } from "../model/index.ts";
import { isDnsRewrites } from "../dns/builders.ts";
import { isAuthProvider } from "./builders.ts";

export const authDnsOptions = {
  /**
   * Forward-auth providers routes name (`auth: "authelia"`): Authelia (its access control is
   * derived from the routes) and Authentik.
   * @example auth: [authelia({ container: "authelia" }), authentik({ container: "authentik", port: 9000 })]
   */
  auth: z
    .array(z.custom<AuthProvider>(isAuthProvider, { error: "expected a value made by authelia({...}) or authentik({...})" }))
    .optional(),
  /**
   * Local DNS records derived from the routes: every routed host name answers the proxy's address.
   * @example dns: [adguardRewrites({ answer: "192.168.1.10", container: "adguard" })]
   */
  dns: z.array(z.custom<DnsRewrites>(isDnsRewrites, { error: "expected a value made by adguardRewrites({...})" })).optional(),
};
