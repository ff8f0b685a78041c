/**
 * Every NixOS configuration value a host's parts hold, with the system that evaluates it, and
 * one scan of each: the secrets it uses (secret values, and selections of the backend's secret
 * paths inside AST nodes) and its references to the host's configuration.
 */
import { visitExprs, type NixExpr } from "@nixjs/expr-printer";
import { walkConfig } from "../config/walk.ts";
import type { ModelPath } from "../diagnostics/path.ts";
import { isHostRef } from "../model/brand.ts";
import type { Host } from "../model/homelab.ts";
import type { HostRef } from "../model/refs.ts";
import type { SecretBackend } from "../secrets/backend.ts";
import { atContainer, atService, type Located } from "./located.ts";
import { HOST_SYSTEM, type SecretSystem } from "./systems.ts";

/** One configuration value of the model and where it is evaluated. */
export interface ScannedConfig {
  /** The value, as the user wrote it. */
  readonly value: unknown;
  /** The system that evaluates it: a container's guest, or the host. */
  readonly system: SecretSystem;
  /** Where the value is (its subject, the path of the option holding it, the call site). */
  readonly at: Located;
  /** Secret names it uses, with the path of each use. */
  readonly secretUses: readonly { readonly name: string; readonly path: ModelPath }[];
  /** References to the host's configuration, with the path of each. */
  readonly refs: readonly { readonly ref: HostRef; readonly path: ModelPath }[];
}

function scan(value: unknown, system: SecretSystem, at: Located, backend: SecretBackend): ScannedConfig {
  const secretUses: { name: string; path: ModelPath }[] = [];
  const refs: { ref: HostRef; path: ModelPath }[] = [];
  const inAst = (root: NixExpr, path: ModelPath): void =>
    visitExprs(root, (e) => {
      if (isHostRef(e)) {
        refs.push({ ref: e, path });
        return false;
      }
      const name = e.kind === "select" ? backend.recognises(e) : undefined;
      if (name !== undefined) secretUses.push({ name, path });
      return true;
    });
  walkConfig(value, { secret: (s, path) => secretUses.push({ name: s.name, path }), expr: inAst }, at.path);
  return { value, system, at, secretUses, refs };
}

/**
 * The configurations of a host's enabled parts: each NixOS container's guest `config` (its own
 * system) and its `extraOptions` (options of the host's `containers.<name>`), each host
 * service's `config`.
 * @example scannedConfigs(host, agenix).flatMap((c) => c.secretUses)
 */
export function scannedConfigs(host: Host, backend: SecretBackend): ScannedConfig[] {
  const out: ScannedConfig[] = [];
  for (const c of host.containers) {
    if (!c.enable || c.backend !== "nspawn") continue;
    out.push(scan(c.config, { kind: "guest", container: c.name }, atContainer(c, "config"), backend));
    out.push(scan(c.extraOptions, HOST_SYSTEM, atContainer(c, "extraOptions"), backend));
  }
  for (const s of host.services) if (s.enable) out.push(scan(s.config, HOST_SYSTEM, atService(s, "config"), backend));
  return out;
}
