/** The findings themselves: severity, code, and words that say why and what to do instead. */
import type { LiteralSecretFinding, ValueContext } from "./types.ts";

/** Where the value sits, for the advice: a value context, or an argument of a command line. */
export type Where = ValueContext | "command";

const STORE = "which lands in the world-readable Nix store";

/** What to write instead, by where the value sits. */
const FIX: { readonly [W in Where]: string } = {
  environment:
    'keep it out of the Nix store: put "NAME=value" in a secret and pass it with environmentFiles, or give the program the secret\'s path (its "…_FILE" variable)',
  config: 'keep it out of the Nix store: use the option\'s file form ("passwordFile", "…File") with a secret\'s path (secret("…").path)',
  label:
    "labels are public (podman inspect, the Nix store): keep the value in a secret (an environment file, or a file the proxy reads) and refer to it",
  script: 'read it at run time from a secret\'s path ("$(cat …)" of secret("…").path, or systemd LoadCredential=), so the text holds only the path',
  command: 'pass it by file or environment instead: the program\'s "--…-file" option, or "$VAR" from an environment file',
};

const HASH_FIX =
  'a password hash in the Nix store is readable by every local user and can be cracked offline: use the file form ("hashedPasswordFile", "…File") with a secret';

/**
 * An error: a literal secret.
 * @example secretLiteral("key-name", '"DB_PASSWORD" names a secret and holds a literal', "environment").severity // "error"
 */
export function secretLiteral(rule: string, why: string, where: Where): LiteralSecretFinding {
  return { severity: "error", code: "secret-literal", rule, reason: `${why}, ${STORE}`, fix: FIX[where] };
}

/**
 * A warning: a password hash, weaker than the password, still not for a world-readable store.
 * @example hashLiteral("password-hash", "the value is a password hash").code // "secret-hash-literal"
 */
export function hashLiteral(rule: string, why: string): LiteralSecretFinding {
  return { severity: "warning", code: "secret-hash-literal", rule, reason: `${why}, ${STORE}`, fix: HASH_FIX };
}

/** `"dbPassword"`, quoted for messages (keys are names the user wrote, never secrets). */
export const quoteKey = (key: string): string => JSON.stringify(key);
