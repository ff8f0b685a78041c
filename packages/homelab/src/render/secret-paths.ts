/** Secret paths in a rendered file, as the homelab's backend names them. */
import { n, type NixFile } from "@nixjs/expr-printer";
import type { SecretBackend } from "../secrets/index.ts";

/**
 * `file` with every `config.age.secrets.<name>.path` (a secret's `path` as `secret()` writes
 * it, and wherever a config or a proxy placed it) named as `backend` names it; the same file
 * when nothing changes (always under agenix).
 * @example localSecretPaths(sopsBackend(setup), file) // … config.sops.secrets.jwt.path …
 */
export function localSecretPaths(backend: SecretBackend, file: NixFile): NixFile {
  const body = backend.localPaths(file.body);
  return body === file.body ? file : n.file(file.header, body);
}
