import { posix } from "node:path";
import type { Diagnostic } from "@nixjs/homelab";
import type { SecretFile } from "../pipeline/synthesize.ts";

/**
 * A warning for every encrypted file the system needs that does not exist, with the exact
 * command that creates it (the secret backend's own, run where its rules file is).
 * @example missingSecretWarnings(secrets, (p) => existsSync(join(out, p)), "server")
 */
export function missingSecretWarnings(
  secrets: readonly SecretFile[],
  exists: (relativePath: string) => boolean,
  outDirDisplay: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const secret of secrets) {
    if (exists(secret.file)) continue;
    out.push({
      severity: "warning",
      code: "missing-secret-file",
      subject: { kind: "secret", name: secret.name },
      path: ["secrets", secret.name],
      site: secret.site,
      message: `${posix.join(outDirDisplay, secret.file)} does not exist yet; create it with: ${secret.createHint(outDirDisplay)}`,
    });
  }
  return out;
}
