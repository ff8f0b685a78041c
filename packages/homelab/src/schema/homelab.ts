import { z, type Input } from "./zod.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { secretBackendProblems } from "./secret-backend.ts";
import { absolutePath, domain, hostName } from "./primitives.ts";
import { hostProblems, hostShape } from "./host.ts";

const namespace = z
  .string({ error: 'expected an option path like "hwc.server.containers"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/, { error: 'expected an option path like "hwc.server.containers"' });

/** Options of `homelab({...})`. */
export const homelabSchema = z.strictObject(
  {
    /** `networking.hostName` and `nixosConfigurations.<hostName>`. @example hostName: "server" */
    hostName,
    /** The domain routes' subdomains belong to. @example domain: "example.org" */
    domain,
    ...hostShape,
    /**
     * agenix: keys that decrypt on the host, and the recipients of `secrets.nix`.
     * @example agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"], recipients: { server: "ssh-ed25519 AAAA…" } }
     */
    agenix: z
      .strictObject(
        {
          /**
           * Host private keys agenix decrypts with. Default `["/etc/ssh/ssh_host_ed25519_key"]`.
           * @example identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"]
           */
          identityPaths: z.array(absolutePath).optional(),
          /**
           * Public keys (SSH or age) that secrets are encrypted to, by name.
           * @example recipients: { admin: "ssh-ed25519 AAAA… admin", server: "ssh-ed25519 AAAA… root@server" }
           */
          recipients: z
            .record(
              z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'expected a recipient name like "server"' }),
              z.string().regex(/^(ssh-ed25519 |ssh-rsa |ecdsa-sha2-nistp\d+ |sk-ssh-ed25519@openssh\.com |age1)\S+( [^\n]*)?$/, {
                error: 'expected a public key ("ssh-ed25519 AAAA…" or "age1…")',
              }),
              { error: "expected { name: publicKey }" },
            )
            .optional(),
        },
        { error: "expected { identityPaths, recipients }" },
      )
      .optional(),
    /**
     * sops-nix instead of agenix (give one of the two; agenix when neither): one sops-encrypted
     * file per secret (`format = "binary"`), its recipients in `.sops.yaml`, decrypted with the
     * host's SSH key (as an age key) or an age key file. The `secret()` API is the same.
     * @example sops: { recipients: { admin: "age1…", server: "age1…" } }
     */
    sops: z
      .strictObject(
        {
          /**
           * age public keys (`age1…`; an SSH key converts with `ssh-to-age`) every secret is
           * encrypted to, by name: the `key_groups` of `.sops.yaml`. The machine's own key
           * must be one of them.
           * @example recipients: { admin: "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", server: "age1…" }
           */
          recipients: z
            .record(
              z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'expected a recipient name like "server"' }),
              z.string().regex(/^age1[0-9a-z]+$/, { error: 'expected an age public key ("age1…"; convert an SSH key with ssh-to-age)' }),
              { error: "expected { name: agePublicKey }" },
            )
            .optional(),
          /**
           * `sops.age.keyFile`: an age private key on the machine to decrypt with (not in the
           * Nix store).
           * @example ageKeyFile: "/var/lib/sops-nix/key.txt"
           */
          ageKeyFile: absolutePath.optional(),
          /**
           * `sops.age.sshKeyPaths`: SSH ed25519 private keys converted to age keys to decrypt
           * with. Default `["/etc/ssh/ssh_host_ed25519_key"]`, or none when `ageKeyFile` is given.
           * @example sshKeyPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"]
           */
          sshKeyPaths: z.array(absolutePath).optional(),
        },
        { error: "expected { recipients, ageKeyFile, sshKeyPaths }" },
      )
      .optional(),
    /**
     * How the tree is laid out: `"flat"` (one module per container, the default), or
     * `"modules"` / `{ kind: "modules", namespace }`: per-container option modules under
     * `namespace` (seed 001's `hwc.server.containers.<name>.enable`).
     * @example layout: { kind: "modules", namespace: "hwc.server.containers" }
     */
    layout: z
      .union(
        [
          z.enum(["flat", "modules"]),
          z.strictObject({ kind: z.literal("flat") }),
          z.strictObject({
            kind: z.literal("modules"),
            namespace: namespace.optional(),
            /**
             * Further per-container options beside `enable`, `port` and `domain`: `"image"`
             * (Podman: `cfg.image`, default the configured image) and `"autoStart"` (NixOS
             * containers: `cfg.autoStart`), for a host module to set without `lib.mkForce`.
             * @example options: ["image", "autoStart"]
             */
            options: z.array(z.enum(["image", "autoStart"], { error: 'expected "image" or "autoStart"' })).optional(),
          }),
        ],
        { error: 'expected "flat", "modules" or { kind: "modules", namespace, options: ["image" | "autoStart", …] }' },
      )
      .optional(),
  },
  { error: "expected an object with homelab options" },
);

/** What `homelab()` accepts. */
export type HomelabOptions = Input<typeof homelabSchema>;

/**
 * Cross-field rules of `homelab()`: the release `nixpkgs` pins is a supported one, and the one
 * `nixos` names when both are given; a host-level route has `to`.
 */
export function homelabProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  return [...hostProblems(r), ...secretBackendProblems(r)];
}

