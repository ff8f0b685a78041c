/** The encrypted files a deployed homelab needs: what synth checks exist before it writes. */
import type { Homelab } from "../model/homelab.ts";
import type { Secret } from "../model/secret.ts";
import { secretBackend } from "../secrets/index.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostFacts } from "./host-facts.ts";
import type { Located } from "./located.ts";
import { allSecrets } from "./secrets.ts";

/** An encrypted file a deployed host needs, and how to create it when it is missing. */
export interface NeededSecretFile {
  readonly secret: Secret;
  /** The encrypted file, relative to the output directory, as the backend names it. */
  readonly file: string;
  /** Where it is declared (for the missing-file warning). */
  readonly at: Located;
  /** The shell command that creates it, given the output directory as the user names it. */
  createHint(out: string): string;
}

/**
 * Every encrypted file the deployed hosts decrypt (enabled parts only: a disabled part's file
 * is not needed to deploy), one per file, sorted by file.
 * @example neededSecretFiles(lab).map((f) => f.file) // ["secrets/authelia-jwt.age", …]
 */
export function neededSecretFiles(lab: Homelab): NeededSecretFile[] {
  const backend = secretBackend(lab);
  const byFile = new Map<string, NeededSecretFile>();
  for (const host of lab.hosts) {
    const usages = hostFacts(lab, host).secrets;
    const rules = backend.rulesFile(lab, allSecrets(usages)).path;
    for (const u of usages) {
      const file = backend.file(u.secret);
      if (!u.enabled || byFile.has(file)) continue;
      byFile.set(file, { secret: u.secret, file, at: u.at, createHint: (out) => backend.createHint(u.secret, out, rules) });
    }
  }
  return [...byFile.values()].sort((a, b) => compareCodeUnits(a.file, b.file));
}
