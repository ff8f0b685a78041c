/**
 * The literal-secret check on the files nixjs writes into the store for a container: the data
 * of its generated configuration files (`configFiles`, written with `pkgs.formats`) and the
 * values of its plain environment files (`envFiles`). Both are world-readable, so a password
 * among them is the same mistake as one in `config`. Read through the shape the model gives
 * them (`files`), where it has them.
 */
import type { Located } from "../../facts/located.ts";
import { atContainer } from "../../facts/located.ts";
import type { Container } from "../../model/index.ts";
import type { LiteralSecretFinding } from "../literal-secrets/index.ts";
import { classifyValue } from "../literal-secrets/index.ts";

/** The parts of a container's files the check reads. */
interface FilesView {
  readonly files?: {
    readonly configFiles?: readonly { readonly value: unknown }[];
    readonly envFiles?: readonly { readonly kind: string; readonly values?: { readonly [name: string]: unknown } }[];
  };
}

/** What the check does with a configuration value: walk it like a `config` (`checkConfig`). */
export type ConfigScan = (value: unknown, at: Located) => void;

/**
 * Scans a container's generated configuration files (with `scanConfig`) and reports every
 * literal secret among its plain environment files' values.
 * @example literalSecretsInFiles(app, scan, report) // reports containers.app.envFiles[0].values.API_TOKEN
 */
export function literalSecretsInFiles(c: Container, scanConfig: ConfigScan, report: (at: Located, f: LiteralSecretFinding) => void): void {
  const files = (c as FilesView).files;
  if (files === undefined) return;
  files.configFiles?.forEach((f, i) => scanConfig(f.value, atContainer(c, "configFiles", i, "value")));
  files.envFiles?.forEach((f, i) => {
    for (const [name, value] of Object.entries(f.values ?? {})) {
      if (typeof value !== "string" && typeof value !== "number") continue;
      const found = classifyValue([name], value, "environment");
      if (found !== undefined) report(atContainer(c, "envFiles", i, "values", name), found);
    }
  });
}
