/** `homelab({ sops })` as the model holds it. */
import type { SopsSetup } from "../model/homelab.ts";
import type { HomelabOptions } from "../schema/homelab.ts";
import { optional } from "./freeze.ts";

type SopsOptions = NonNullable<HomelabOptions["sops"]>;

/** The host's SSH key when neither `ageKeyFile` nor `sshKeyPaths` is given. */
const DEFAULT_SSH_KEY_PATHS: readonly string[] = Object.freeze(["/etc/ssh/ssh_host_ed25519_key"]);

/**
 * The sops setup: recipients, the age key file, and the SSH keys (the host's ed25519 key when
 * no key is given at all; none when only an age key file is).
 * @example sopsSetup({ recipients: { server: "age1…" } }).sshKeyPaths // ["/etc/ssh/ssh_host_ed25519_key"]
 */
export function sopsSetup(o: SopsOptions): SopsSetup {
  return {
    backend: "sops",
    recipients: o.recipients ?? {},
    ...optional("ageKeyFile", o.ageKeyFile),
    sshKeyPaths: o.sshKeyPaths ?? (o.ageKeyFile === undefined ? [...DEFAULT_SSH_KEY_PATHS] : []),
  };
}

/**
 * The machine's private keys sops decrypts with, SSH keys first then the age key file: what a
 * guest that decrypts gets bind-mounted read-only.
 * @example sopsIdentityPaths({ ageKeyFile: "/var/lib/sops-nix/key.txt" }) // ["/var/lib/sops-nix/key.txt"]
 */
export function sopsIdentityPaths(o: SopsOptions): string[] {
  const setup = sopsSetup(o);
  return [...setup.sshKeyPaths, ...(setup.ageKeyFile === undefined ? [] : [setup.ageKeyFile])];
}
