/**
 * What a first deploy needs beyond the containers, so the flake does not fail NixOS's own
 * assertions on the machine: a root file system and a boot loader (the machine's
 * hardware-configuration.nix), and the key agenix decrypts with.
 */
import { definedAt } from "../../config/defined.ts";
import { atHomelab, type CheckContext } from "../context.ts";

const SSH_HOST_KEY = /\/ssh_host_[a-z0-9]+_key$/;
/** nixos-generate-config's output: file systems and boot, never OpenSSH. */
const HARDWARE_MODULE = /(^|\/)hardware-configuration\.nix$/;

/** True when a config nixjs sees (a host service's) sets `path`. */
function hostConfigSets(ctx: CheckContext, path: readonly string[]): boolean {
  return ctx.facts.configs.some((c) => c.system.kind === "host" && definedAt(c.value, path) !== undefined);
}

export function checkDeploy(ctx: CheckContext): void {
  const { host, lab } = ctx;
  // An input module (disko) may give the file systems: only a flake with no module at all is flagged.
  if (host.modules.length === 0 && (host.flake?.modules.length ?? 0) === 0 && !hostConfigSets(ctx, ["fileSystems"]) && !hostConfigSets(ctx, ["boot", "loader"])) {
    ctx.report.warning(
      "deploy-no-hardware",
      atHomelab(host, "modules"),
      `nothing gives ${host.name} a root file system and a boot loader, so NixOS will refuse to build it: copy the machine's hardware configuration into the output directory (nixos-generate-config --show-hardware-config > hardware-configuration.nix) and add modules: ["./hardware-configuration.nix"]`,
    );
  }
  const usesSecrets = ctx.facts.secrets.some((u) => u.enabled);
  const sshKeys = host.identityPaths.filter((p) => SSH_HOST_KEY.test(p));
  if (!usesSecrets || sshKeys.length === 0 || hostConfigSets(ctx, ["services", "openssh", "enable"])) return;
  // The backend's own words: agenix's identityPaths, or sops-nix's SSH keys.
  const [tool, option] = lab.secrets.backend === "sops" ? ["sops-nix", ["sops", "sshKeyPaths"]] : ["agenix", ["agenix", "identityPaths"]];
  // agenix.identityPaths is the host's own option (`host()`'s in a fleet); sops is the homelab's.
  const owner = lab.secrets.backend === "sops" ? lab : host;
  const message = `${tool} decrypts with ${sshKeys.join(", ")}, an SSH host key, and nothing nixjs writes creates it (OpenSSH generates host keys only when services.openssh is enabled): enable it in a host module or a service's config (services.openssh.enable = true${sshKeys.some((k) => !k.startsWith("/etc/ssh/")) ? `, with services.openssh.hostKeys pointing at ${sshKeys[0]}` : ""}), or point ${option.join(".")} at a key the machine has`;
  // A hand-written module other than the generated hardware one may enable OpenSSH unseen.
  if (host.modules.some((m) => !HARDWARE_MODULE.test(m)) || (host.flake?.modules ?? []).some((m) => m.kind !== "path")) {
    ctx.report.note("identity-not-created", atHomelab(owner, ...option), `${message}. (A hand-written module may already do this; nixjs cannot see into it.)`);
  } else {
    ctx.report.warning("identity-not-created", atHomelab(owner, ...option), message);
  }
}
