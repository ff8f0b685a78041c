import type { TemplateName } from "../args.ts";

const WHAT: Record<TemplateName, string> = {
  "nspawn-traefik": "NixOS containers (systemd-nspawn) behind Traefik, with Authelia in front of private routes",
  "podman-caddy": "Podman containers behind Caddy",
};

/**
 * The README of a new homelab repository: what is where, the commands, and the steps from
 * here to a deployed server (recipients and `.age` files, the hardware configuration, the
 * first `nixos-rebuild switch` of the flake).
 * @example initReadme({ name: "my-homelab", template: "nspawn-traefik", hostName: "server" })
 */
export function initReadme(options: { readonly name: string; readonly template: TemplateName; readonly hostName: string }): string {
  const host = options.hostName;
  return `# ${options.name}

A NixOS homelab: ${WHAT[options.template]}, secrets encrypted with agenix. It is described
in \`homelab.config.ts\`; [nixjs](https://www.npmjs.com/package/@nixjs/synth) checks that
description as a whole and writes the NixOS flake it stands for into \`server/\`.

| command | what it does |
|---|---|
| \`npm run synth\` | validate the config and write \`server/\` (only the files that change) |
| \`npm run diff\` | show what the next synth would change, as a diff |
| \`npm run check\` | exit 1 when \`server/\` is out of date (for CI) |
| \`npm run watch\` | synth again on every save |
| \`npm run typecheck\` | type-check the config strictly (\`tsc\`) |

## Next steps

1. **Install and synthesise.** \`npm install\`, then \`npm run synth\`. It writes \`server/\`
   and warns about every secret whose encrypted file does not exist yet.
2. **Your keys.** In \`homelab.config.ts\`, replace the example \`agenix.recipients\` with your
   own SSH public key and the server's host key (\`ssh-keyscan -t ed25519 <server>\`), and the
   example domain and e-mail with yours. Run \`npm run synth\` again: it rewrites
   \`server/secrets/secrets.nix\`, the recipients file of the agenix CLI.
3. **The secrets.** For each warning, create the \`.age\` file with the command it prints,
   e.g. \`cd server/secrets && agenix -e <name>.age\`. nixjs never writes, reads or deletes a
   \`.age\` file. After changing recipients, re-encrypt them: \`agenix -r\`.
4. **The hardware.** On the server, \`nixos-generate-config --show-hardware-config >
   hardware-configuration.nix\`; copy that file into \`server/\` and uncomment
   \`modules: ["./hardware-configuration.nix"]\` in the config. synth never touches a file it
   did not write.
5. **Commit.** A flake only sees files git tracks: \`git init\` (if this is not a repository
   yet), \`git add server/\` (and every file a synth creates), commit.
6. **Deploy.** With flakes enabled (\`nix.settings.experimental-features = [ "nix-command"
   "flakes" ]\` on the machine that builds), lock the flake's inputs once,
   \`nix flake lock ./server\` (commit \`server/flake.lock\`), then on the server, or with
   \`--target-host\` from your machine:

   \`\`\`sh
   sudo nixos-rebuild switch --flake ./server#${host}
   \`\`\`

After that, the loop is: edit \`homelab.config.ts\`, \`npm run diff\`, \`npm run synth\`, commit,
\`nixos-rebuild switch\`. \`server/.nixjs-manifest.json\` records what synth wrote: commit it
too; synth refuses to overwrite a generated file you edited by hand (\`--force\` does).
`;
}
