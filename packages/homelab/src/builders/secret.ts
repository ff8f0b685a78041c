import { n } from "@nixjs/expr-printer";
import type { Secret } from "../model/index.ts";
import { secretName, secretOptionsSchema, type SecretOptions } from "../schema/secret.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

/**
 * A secret: a name and an encrypted file (default `secrets/<name>.age` under agenix,
 * `secrets/<name>.sops` under sops-nix), never a value. Use it in a container's `secrets`
 * (decrypted inside the guest, or on the host and mounted with `decrypt: "host"`), in Podman
 * `environmentFiles` or a service's `secrets` (decrypted on the host), and anywhere in a
 * `config`, where it stands for its `path`, the Nix expression `config.age.secrets.<name>.path`
 * (`config.sops.secrets.<name>.path` under sops-nix).
 *
 * One name may be declared by several systems with their own owner and mode (the host's
 * service reads it as `grafana`, a container's as root): one encrypted file, one declaration
 * per system.
 *
 * @example
 * const jwt = secret("authelia_jwtSecret", { owner: "authelia-main", group: "authelia-main", mode: "0440" });
 * container("authelia", { secrets: [jwt], config: { services: { authelia: { instances: { main: {
 *   secrets: { jwtSecretFile: jwt.path } } } } } } });
 * @example
 * const token = secret("cloudflare-token", { decrypt: "host" }); // one decryption, mounted into both
 * container("traefik", { secrets: [token] }); container("ddns", { secrets: [token] });
 */
export function secret(name: string, options: SecretOptions = {}): Secret {
  const site = captureSite(secret);
  // The stand-in keeps a usable `path`, so config code reading it goes on.
  const standIn = () => ({ name: "invalid", file: "secrets/invalid.age", path: n.select(n.id("config"), ["age", "secrets", "invalid", "path"]), site });
  return guarded("secret", standIn, () => {
    const opts = parseInput(secretOptionsSchema, options, { label: callLabel("secret", name), site }, undefined,
      argumentProblems(secretName, name, "name"),
    );
    return branded("secret", {
      kind: "secret",
      name,
      file: opts.file === undefined ? `secrets/${name}.age` : opts.file.replace(/^(\.\/)+/, ""),
      ...(opts.file === undefined ? { defaultFile: true as const } : {}),
      ...(opts.decrypt === "host" ? { decrypt: "host" as const } : {}),
      ...optional("owner", opts.owner),
      ...optional("group", opts.group),
      ...optional("mode", opts.mode),
      path: n.select(n.id("config"), ["age", "secrets", name, "path"]),
      site,
    } satisfies Secret);
  });
}
