import { z, type Input } from "./zod.ts";
import { account } from "./primitives.ts";

/** Secret names become file names under `/run/agenix` or `/run/secrets`: no `/`, not `.`/`..`. */
export const secretName = z
  .string({ error: 'expected a secret name like "authelia-jwt"' })
  .regex(/^(?!\.\.?$)[A-Za-z0-9_][A-Za-z0-9_.+@-]{0,127}$/, {
    error: 'expected a secret name: letters, digits, "-", "_", "." (it names the decrypted file under /run)',
  });

/** Options of `secret(name, options)`. */
export const secretOptionsSchema = z.strictObject(
  {
    /**
     * The encrypted file, relative to the output directory (written as a Nix path); `../` names
     * a file beside the output directory. Default `secrets/<name>.age` under agenix,
     * `secrets/<name>.sops` under sops-nix (one sops-encrypted file per secret).
     * @example file: "secrets/authelia/jwt.age"
     */
    file: z
      .string({ error: 'expected a relative path like "secrets/authelia-jwt.age"' })
      .regex(/^(\.{1,2}\/)*[A-Za-z0-9._+-]+(\/[A-Za-z0-9._+-]+)*$/, {
        error: 'expected a relative path like "secrets/authelia-jwt.age" (letters, digits, "._+-/")',
      })
      .optional(),
    /**
     * Owner of the decrypted file, resolved on the system that decrypts it (the guest for
     * nspawn containers). agenix's default is root.
     * @example owner: "authelia-main"
     */
    owner: account.optional(),
    /**
     * Group of the decrypted file (default: the owner's primary group). Name it when `mode`
     * lets a group read the file.
     * @example group: "authelia-main"
     */
    group: account.optional(),
    /**
     * Permissions in chmod's octal syntax; the default is `"0400"` (the owner reads). Never
     * executable, never for others: validate warns.
     * @example mode: "0440"
     */
    mode: z
      .string({ error: 'expected an octal mode like "0400"' })
      .regex(/^[0-7]{3,4}$/, { error: 'expected an octal mode like "0400"' })
      .optional(),
    /**
     * Where it is decrypted. `"host"`: once, on the host, and bind-mounted read-only into every
     * NixOS container that lists it in `secrets` (or uses it in its `config`), at
     * `/run/host-secrets/<name>` — there its `path` is that string, so a service inside can
     * rely on it. `owner`/`group` are then the host's (the guest sees the same numeric ids;
     * root reading it, e.g. through systemd's `LoadCredential`, needs neither). The container
     * keeps the file it mounted at start: restart it after changing the secret. `"guest"`
     * (default): each NixOS container that uses it decrypts it in its own guest with the
     * host's key; host services and Podman decrypt on the host anyway.
     * @example decrypt: "host"
     */
    decrypt: z.enum(["host", "guest"], { error: 'expected "host" or "guest"' }).optional(),
  },
  { error: "expected an object with options { file, owner, group, mode, decrypt }" },
);

/** What `secret()` accepts as options. */
export type SecretOptions = Input<typeof secretOptionsSchema>;
