import { posix } from "node:path";
import type { Diagnostic } from "@nixjs/homelab";
import type { HandWrittenModule, SecretFile } from "../pipeline/synthesize.ts";

/**
 * A warning for every encrypted file the system needs that does not exist, with the exact
 * command that creates it (the secret backend's own, run where its rules file is). A file
 * beside the output directory (`../keys/x.age`) is not looked for: synth reads nothing
 * outside the output directory.
 * @example missingSecretWarnings(secrets, (p) => existsSync(join(out, p)), "server")
 */
export function missingSecretWarnings(
  secrets: readonly SecretFile[],
  exists: (relativePath: string) => boolean,
  outDirDisplay: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const secret of secrets) {
    if (posix.normalize(secret.file).startsWith("../") || exists(posix.normalize(secret.file))) continue;
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
 * directory yet (a flake cannot import a file it does not have), with what to put there. A
 * module several hosts of a fleet import is one warning naming them all; in a fleet, the
 * warning names the host (a hardware configuration comes from that machine).
 * @example missingModuleWarnings(modules, (p) => existsSync(join(out, p)), "server")
 */
export function missingModuleWarnings(modules: readonly HandWrittenModule[], exists: (relativePath: string) => boolean, outDirDisplay: string): Diagnostic[] {
  const byPath = new Map<string, HandWrittenModule[]>();
  for (const m of modules) {
    const relative = posix.normalize(m.path);
    byPath.set(relative, [...(byPath.get(relative) ?? []), m]);
  }
  const out: Diagnostic[] = [];
  for (const [relative, importers] of byPath) {
    if (relative.startsWith("../") || exists(relative)) continue;
    const first = importers[0]!;
    const hosts = [...new Set(importers.map((m) => m.host))];
    const fleet = first.fleet === true;
    const target = posix.join(outDirDisplay, relative);
    const hardware = posix.basename(relative) === "hardware-configuration.nix";
    const machine = fleet && hosts.length === 1 ? hosts[0]! : "the machine";
    const how = hardware
      ? `on ${machine}, run nixos-generate-config --show-hardware-config > ${target} (or copy /etc/nixos/hardware-configuration.nix)`
      : "write it (synth never writes or deletes it)";
    const importer = fleet ? `${listed(hosts)} import${hosts.length === 1 ? "s" : ""} it` : "the flake imports it";
    out.push({
      severity: "warning",
      code: "missing-module-file",
      ...(fleet && hosts.length === 1 ? { host: hosts[0]! } : {}),
      subject: { kind: "homelab" },
      path: ["modules"],
      site: first.site,
      message: `${target} does not exist yet, and ${importer}: ${how}`,
    });
  }
  return out;
}

/** "nas", "dns and nas", "dns, nas and proxy". */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]!}`;
}
