/**
 * Checks of the OIDC clients: each names an Authelia provider, ids are unique per provider,
 * redirect URIs use TLS and point at a routed host name.
 */
import { atContainer, atHomelab, type Located } from "../facts/located.ts";
import type { OidcClient } from "../model/auth.ts";
import type { CheckContext } from "../validate/context.ts";
import { groupBy, nameOthers, reportGroups } from "../validate/report.ts";
import { routedHostNames } from "./routes.ts";

/** Loopback redirects (native apps, RFC 8252 §7.3) are plain http on purpose. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A client's place: `containers.<app>.oidc[i]`, at the `oidcClient()` call. */
function atClient(ctx: CheckContext, client: OidcClient): Located {
  const app = client.app === undefined ? undefined : ctx.facts.byName.get(client.app)?.[0];
  const index = app?.oidc?.findIndex((x) => x.id === client.id && x.provider === client.provider) ?? -1;
  const base = app === undefined ? atHomelab(client, "containers") : atContainer(app, "oidc", index);
  return { ...base, site: client.site };
}

/** The host part of a URL, or undefined when it has none we can read. */
function urlHost(uri: string): { scheme: string; host: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(uri);
  return m === null ? undefined : { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase() };
}

/**
 * @example checkOidcClients(ctx) // oidc-provider-unknown, oidc-client-duplicate, oidc-redirect-*
 */
export function checkOidcClients(ctx: CheckContext): void {
  const { host, report } = ctx;
  const enabledApps = new Set(ctx.facts.enabled.map((c) => c.name));
  const clients = host.oidcClients.filter((c) => c.app === undefined || enabledApps.has(c.app)).map((client) => ({ ...atClient(ctx, client), client }));
  if (clients.length === 0) return;
  const routed = new Set(routedHostNames(ctx.lab, host));
  for (const at of clients) {
    const { client } = at;
    const provider = host.auth.find((p) => p.name === client.provider);
    if (provider === undefined) {
      const known = host.auth.filter((p) => p.kind === "authelia").map((p) => `"${p.name}"`);
      report.error("oidc-provider-unknown", at, `OIDC client "${client.id}" names provider "${client.provider}", which is not an auth provider of homelab({ auth }): ${known.length > 0 ? `use ${known.join(" or ")}` : "add authelia({...}) to auth"}`);
    } else if (provider.kind !== "authelia") {
      report.error("oidc-provider-unknown", at, `OIDC client "${client.id}" names "${client.provider}", an Authentik provider: Authentik keeps its OIDC providers in its own database (its web UI or blueprints); nixjs renders clients for Authelia only`);
    }
    client.redirectUris.forEach((uri, i) => {
      const parsed = urlHost(uri);
      if (parsed === undefined) return;
      const where = { ...at, path: [...at.path, "redirectUris", i] };
      if (parsed.scheme === "http" && !LOOPBACK.has(parsed.host)) {
        report.warning("oidc-redirect-insecure", where, `redirect URI ${uri} is plain http: the authorization code travels unencrypted (and Authelia refuses http redirects of confidential clients); use https://`);
      } else if (parsed.scheme === "https" && !LOOPBACK.has(parsed.host) && !routed.has(parsed.host)) {
        report.warning("oidc-redirect-unrouted", where, `redirect URI ${uri} names ${parsed.host}, which no route serves: a typo, or a route missing (${client.app ?? "the app"} should be routed there)`);
      }
    });
  }
  reportGroups(groupBy(clients, (x) => `${x.client.provider}\u0000${x.client.id}`).values(), (member, others, total) =>
    report.error(
      "oidc-client-duplicate",
      member,
      `OIDC client id "${member.client.id}" of provider "${member.client.provider}" is also declared by ${nameOthers(others, total)}: Authelia refuses two clients with one id; give each its own`,
      others,
    ),
  );
}
