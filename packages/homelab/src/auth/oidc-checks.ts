/**
 * Checks of the OIDC clients: each names an Authelia provider, ids are unique per provider,
 * redirect URIs use TLS and point at a routed host name.
 */
import { atContainer, type Located } from "../facts/located.ts";
import type { AutheliaProvider, OidcClient } from "../model/auth.ts";
import type { CheckContext } from "../validate/context.ts";
import { groupBy, nameOthers, reportGroups } from "../validate/report.ts";
import { routedHostNames } from "./routes.ts";

/** Loopback redirects (native apps, RFC 8252 §7.3) are plain http on purpose. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The clients of the enabled apps, each at its place (`containers.<app>.oidc[i]`, at its
 * `oidcClient()` call): `Host.oidcClients` in the same order, with the index it came from.
 */
function placedClients(ctx: CheckContext): (Located & { readonly client: OidcClient })[] {
  return ctx.facts.enabled.flatMap((c) => (c.oidc ?? []).map((client, i) => ({ ...atContainer(c, "oidc", i), site: client.site, client: { ...client, app: c.name } })));
}

/** The host part of a URL, or undefined when it has none we can read. */
function urlHost(uri: string): { scheme: string; host: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(uri);
  return m === null ? undefined : { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase() };
}

/**
 * A NixOS Authelia instance runs as `authelia-<instance>`; agenix's files are root's, mode 0400,
 * unless owner/group/mode say otherwise. (In Podman the file is mounted for the container's
 * root, so any owner that exists on the host does.)
 */
function checkReadable(ctx: CheckContext, p: AutheliaProvider, client: OidcClient, at: Located): void {
  const secret = client.secret!;
  if (p.runsIn.kind === "container" && ctx.facts.byName.get(p.runsIn.container)?.[0]?.backend !== "nspawn") return;
  const user = `authelia-${p.instance}`;
  const groupReads = secret.group === user && secret.mode !== undefined && /^0?[0-7][4-7][0-7]$/.test(secret.mode);
  if (secret.owner === user || groupReads) return;
  ctx.report.warning(
    "oidc-secret-unreadable",
    { ...at, path: [...at.path, "secret"] },
    `Authelia "${p.name}" runs as ${user}, which cannot read secret ${secret.name} (owner ${secret.owner ?? "root"}, mode ${secret.mode ?? "0400"}), so it fails to start: secret("${secret.name}", { owner: "${user}" })`,
  );
}

/**
 * @example checkOidcClients(ctx) // oidc-provider-unknown, oidc-client-duplicate, oidc-redirect-*
 */
export function checkOidcClients(ctx: CheckContext): void {
  const { host, report } = ctx;
  const clients = placedClients(ctx);
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
    if (provider?.kind === "authelia" && client.secret !== undefined) checkReadable(ctx, provider, client, at);
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
