import { posix } from "node:path";
import type { Diagnostic } from "@nixjs/homelab";
import type { SecretFile } from "../pipeline/synthesize.ts";
import { shellQuote } from "../shell.ts";

/**
 * A warning for every `.age` file the system needs that does not exist, with the exact
 * command that creates it. agenix looks a file's rule up in `secrets.nix` by the path given on
 * its command line, so the command runs in the directory of `secrets.nix` and names the file
 * relative to it.
 * @example missingSecretWarnings(secrets, files, (p) => existsSync(join(out, p)), "server")
 */
export function missingSecretWarnings(
  secrets: readonly SecretFile[],
  files: ReadonlyMap<string, string>,
  exists: (relativePath: string) => boolean,
  outDirDisplay: string,
): Diagnostic[] {
  const rulesDir = secretsDir(files);
  const out: Diagnostic[] = [];
  for (const secret of secrets) {
    if (exists(secret.file)) continue;
    const dir = posix.join(outDirDisplay, rulesDir);
    const file = posix.relative(rulesDir, secret.file);
    out.push({
      severity: "warning",
      code: "missing-secret-file",
      path: `secrets.${secret.name}`,
      site: secret.site,
      message: `${posix.join(outDirDisplay, secret.file)} does not exist yet; create it with: cd ${shellQuote(dir)} && agenix -e ${shellQuote(file)}`,
    });
  }
  return out;
}

/** The directory of the generated `secrets.nix` (agenix's rules file); `secrets` by default. */
function secretsDir(files: ReadonlyMap<string, string>): string {
  const rules = [...files.keys()].filter((p) => p === "secrets.nix" || p.endsWith("/secrets.nix"));
  return rules.length === 1 ? posix.dirname(rules[0]!) : "secrets";
}
