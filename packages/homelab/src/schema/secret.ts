import { z, type Input } from "./zod.ts";
import { account } from "./primitives.ts";

/** agenix secret names become file names under `/run/agenix`: no `/`, not `.`/`..`. */
export const secretName = z
  .string({ error: 'expected a secret name like "authelia-jwt"' })
  .regex(/^(?!\.\.?$)[A-Za-z0-9_][A-Za-z0-9_.+@-]{0,127}$/, {
    error: 'expected a secret name: letters, digits, "-", "_", "." (it names the file under /run/agenix)',
  });

/** Options of `secret(name, options)`. */
export const secretOptionsSchema = z.strictObject(
  {
    /**
     * The encrypted `.age` file, relative to the output directory (written as a Nix path).
     * Default `secrets/<name>.age`.
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
    /** @example group: "authelia-main" */
    group: account.optional(),
    /**
     * Permissions in chmod's octal syntax; agenix's default is `"0400"`.
     * @example mode: "0440"
     */
    mode: z
      .string({ error: 'expected an octal mode like "0400"' })
      .regex(/^[0-7]{3,4}$/, { error: 'expected an octal mode like "0400"' })
      .optional(),
  },
  { error: "expected an object with options { file, owner, group, mode }" },
);

/** What `secret()` accepts as options. */
export type SecretOptions = Input<typeof secretOptionsSchema>;
