/** ACME facts every proxy shares. */

/**
 * Let's Encrypt's staging directory: untrusted certificates, generous rate limits; for trying a
 * setup before switching to production (Traefik's `caServer`, Caddy's `acmeCA: "staging"`).
 * @example certResolvers: { staging: { email, httpChallenge: {}, caServer: LETSENCRYPT_STAGING } }
 */
export const LETSENCRYPT_STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";
