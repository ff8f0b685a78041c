/**
 * Caddy's own checks: what its global options need to work (the DNS provider's plugin and
 * credentials, the plugins' hash), and settings people leave on by accident (debug logging on
 * a proxy that serves the internet). Each message names the option and the fix.
 */
import { atProxy } from "../../facts/located.ts";
import type { CodeInfo } from "../../diagnostics/codes.ts";
import type { CheckContext } from "../../validate/context.ts";
import type { Caddy, CaddyCode } from "./model.ts";

/** Caddy's codes, for the registry (the README's table lists them too). */
export const CADDY_CODES: { readonly [C in CaddyCode]: CodeInfo } = {
  "caddy-dns-credentials": { severity: "error", summary: "Caddy's DNS challenge has no environmentFile to read the provider's credentials from" },
  "caddy-plugin-missing": { severity: "error", summary: "a Caddy feature needs a plugin the Caddy package is not built with (withPlugins)" },
  "caddy-plugins-hash": { severity: "warning", summary: "Caddy's plugins have no hash yet: the first build fails and prints it" },
  "caddy-debug-log": { severity: "warning", summary: "Caddy logs at DEBUG level while it serves the internet" },
  "caddy-snippet-clash": { severity: "error", summary: "a Caddy snippet is named like one nixjs generates (a forward-auth provider's)" },
  "caddy-tls-internal-public": { severity: "warning", summary: "a publicly routed name uses Caddy's internal CA, which browsers do not trust" },
  "caddy-unsupported": { severity: "error", summary: "a route served by Caddy uses an option Caddy cannot render (Traefik's, or a second tls for one site)" },
};

/** The DNS challenge: a Caddy with the provider's plugin, and the credentials' environment. */
function checkAcmeDns(ctx: CheckContext, caddy: Caddy): void {
  const dns = caddy.acmeDns;
  if (dns === undefined) return;
  if (caddy.withPlugins === undefined) {
    ctx.report.error(
      "caddy-plugin-missing",
      atProxy(caddy, "acmeDns", "provider"),
      `acme_dns ${dns.provider} needs a Caddy built with the provider's plugin (pkgs.caddy has no DNS providers): add withPlugins: { plugins: ["github.com/caddy-dns/${dns.provider}@<tag>"], hash }`,
    );
  }
  if (caddy.environmentFile === undefined) {
    const c = dns.credentials;
    const names = c === undefined ? "" : ` (${typeof c === "string" ? c : c.map((f) => f.env).join(", ")})`;
    ctx.report.error(
      "caddy-dns-credentials",
      atProxy(caddy, "acmeDns"),
      `the DNS challenge with "${dns.provider}" reads the provider's credentials${names} from Caddy's environment, which nothing sets: put them in a secret and pass it as environmentFile`,
    );
  }
}

function checkPluginsHash(ctx: CheckContext, caddy: Caddy): void {
  if (caddy.withPlugins === undefined || caddy.withPlugins.hash !== undefined) return;
  ctx.report.warning(
    "caddy-plugins-hash",
    atProxy(caddy, "withPlugins"),
    'withPlugins has no hash: the first build fails with "hash mismatch … got: sha256-…"; copy that hash into withPlugins.hash',
  );
}

/** Debug logging on a proxy with routes: every request's details in the journal, at volume. */
function checkDebugLog(ctx: CheckContext, caddy: Caddy, serving: readonly string[]): void {
  if (caddy.logLevel !== "DEBUG" || serving.length === 0) return;
  ctx.report.warning(
    "caddy-debug-log",
    atProxy(caddy, "logLevel"),
    `Caddy logs at DEBUG level while it serves ${serving[0]!}${serving.length > 1 ? ` and ${serving.length - 1} more` : ""}: debug logs record request details at volume; use logLevel "INFO" (or leave it out) once the setup works`,
  );
}

/** A user snippet must not replace one nixjs writes: Caddy refuses a snippet defined twice. */
function checkSnippets(ctx: CheckContext, caddy: Caddy, generated: ReadonlySet<string>): void {
  for (const s of caddy.snippets ?? []) {
    if (!generated.has(s.name)) continue;
    ctx.report.error(
      "caddy-snippet-clash",
      atProxy(caddy, "snippets", s.name),
      `the snippet "${s.name}" is also the forward-auth snippet nixjs writes for the auth provider "${s.name}" (Caddy refuses a snippet defined twice): rename the snippet`,
    );
  }
}

/**
 * Caddy's own checks of one host. `serving`: the host names Caddy serves to any client;
 * `generated`: the snippet names nixjs writes (forward-auth providers).
 */
export function checkCaddy(ctx: CheckContext, caddy: Caddy, serving: readonly string[], generated: ReadonlySet<string>): void {
  checkAcmeDns(ctx, caddy);
  checkPluginsHash(ctx, caddy);
  checkDebugLog(ctx, caddy, serving);
  checkSnippets(ctx, caddy, generated);
}
