/**
 * Secrets in plain text: a variable or key whose name says secret, holding a literal value,
 * in a Podman container's environment or in any NixOS configuration the host's parts hold.
 */
import { walkConfig } from "../../config/walk.ts";
import { at, type CheckContext } from "../context.ts";
import { saysSecret } from "../secret-names.ts";

const ENV_KEY = /^[A-Z][A-Z0-9_]*$/;

export function checkEnvironment(ctx: CheckContext): void {
  const { report } = ctx;
  for (const c of ctx.facts.enabled) {
    if (c.backend !== "podman") continue;
    for (const name of Object.keys(c.environment)) {
      if (c.environment[name] === "" || !saysSecret(name)) continue;
      report.error(
        "env-secret-literal",
        at(c, "environment", name),
        `${name} looks like a secret but holds a literal value, which lands in the world-readable Nix store: put "${name}=…" in a secret file and pass it in environmentFiles`,
      );
    }
  }
  for (const config of ctx.facts.configs) {
    walkConfig(
      config.value,
      {
        scalar(value, path) {
          const key = path[path.length - 1];
          if (typeof value !== "string" || value === "" || typeof key !== "string" || !ENV_KEY.test(key) || !saysSecret(key)) return;
          report.error(
            "env-secret-literal",
            { ...config.at, path },
            `${key} looks like a secret but holds a literal value, which lands in the world-readable Nix store: use a secret (its path, or an environment file) instead`,
          );
        },
      },
      config.at.path,
    );
  }
}
