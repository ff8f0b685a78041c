import { posix } from "node:path";
import type { Diagnostic } from "@nixjs/homelab";
import type { HandWrittenModule, SecretFile } from "../pipeline/synthesize.ts";

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

/**
 * A warning for every hand-written module the flake imports that is not in the output
 * directory yet (a flake cannot import a file it does not have), with what to put there.
 * @example missingModuleWarnings(modules, (p) => existsSync(join(out, p)), "server")
 */
export function missingModuleWarnings(modules: readonly HandWrittenModule[], exists: (relativePath: string) => boolean, outDirDisplay: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of modules) {
    const relative = posix.normalize(m.path);
    if (relative.startsWith("../") || exists(relative)) continue;
    const hardware = posix.basename(relative) === "hardware-configuration.nix";
    const how = hardware
      ? `on the machine, run nixos-generate-config --show-hardware-config > ${posix.join(outDirDisplay, relative)} (or copy /etc/nixos/hardware-configuration.nix)`
      : "write it (synth never writes or deletes it)";
    out.push({
      severity: "warning",
      code: "missing-module-file",
      subject: { kind: "homelab" },
      path: ["modules"],
      site: m.site,
      message: `${posix.join(outDirDisplay, relative)} does not exist yet, and the flake imports it: ${how}`,
    });
  }
  return out;
}
