/** Secrets in plain text: a variable or key whose name says secret, holding a literal value. */
import { at, type CheckContext } from "../context.ts";
import { segment } from "../paths.ts";
import { saysSecret } from "../secret-names.ts";

export function checkEnvironment(ctx: CheckContext): void {
  const { report } = ctx;
  for (const c of ctx.enabled) {
    if (c.backend !== "podman") continue;
    for (const name of Object.keys(c.environment)) {
      if (c.environment[name] === "" || !saysSecret(name)) continue;
      report.error(
        "env-secret-literal",
        at(c, `.environment${segment(name)}`),
        `${name} looks like a secret but holds a literal value, which lands in the world-readable Nix store: put "${name}=…" in a secret file and pass it in environmentFiles`,
      );
    }
  }
  for (const scan of ctx.configs) {
    for (const literal of scan.literalSecrets) {
      report.error(
        "env-secret-literal",
        { path: literal.path, site: scan.site },
        `${literal.key} looks like a secret but holds a literal value, which lands in the world-readable Nix store: use a secret (its path, or an environment file) instead`,
      );
    }
  }
}
