import type { NixFile } from "@nixjs/expr-printer";
import type { Diagnostic, Homelab } from "../model/index.ts";
import { validate } from "../validate/index.ts";
import { formatDiagnostic } from "../diagnostics/format.ts";
import { compareCodeUnits } from "../util/order.ts";
import { hostContext } from "./core/host-context.ts";
import { DEFAULT_COMMAND, DEFAULT_CONFIG_FILE, headerLine } from "./core/header.ts";
import { renderFleet } from "./fleet/index.ts";
import { renderFlat } from "./flat.ts";
import { renderModules } from "./modules/index.ts";
import { localSecretPaths } from "./secret-paths.ts";

/** Options of {@link render}. */
export interface RenderOptions {
  /**
   * The config file the tree is generated from, as the user names it (for the header line of
   * every file). Default `"homelab.config.ts"`.
   * @example render(lab, { configFile: "examples/podman-media/homelab.config.ts" })
   */
  readonly configFile?: string;
  /**
   * The command that regenerates the tree (header line). Default `"nixjs synth"`.
   * @example render(lab, { command: "nixjs synth --config lab.ts" })
   */
  readonly command?: string;
  /**
   * The caller has run `validate(lab)` and found no errors (synth does, to print the
   * diagnostics first): skip running it again. Default `false`.
   * @example if (!hasErrors(validate(lab))) files = render(lab, { assumeValid: true });
   */
  readonly assumeValid?: boolean;
}

/**
 * `render` refused a homelab `validate` finds errors in; `diagnostics` lists them.
 * @example try { render(lab) } catch (e) { if (e instanceof RenderError) report(e.diagnostics) }
 */
export class RenderError extends Error {
  override readonly name = "RenderError";
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(
      `render: the homelab has ${diagnostics.length} error(s); fix them first:\n${diagnostics
        .map((d) => `  ${d.code} ${formatDiagnostic(d)}`)
        .join("\n")}`,
    );
  }
}

/**
 * Renders a validated homelab to the files of its `server/` tree: relative path → Nix AST
 * (print each with `print` of `@nixjs/expr-printer`), sorted by path. Pure: writes nothing,
 * and the result depends only on the lab (never on declaration order). Throws a
 * {@link RenderError} if `validate(lab)` reports errors.
 *
 * Layouts: `flat` (seed 000: `flake.nix`, `host.nix`, `containers/<name>.nix`,
 * `services/<name>.nix`, `secrets/secrets.nix`) and `modules` (seed 001: per container
 * `containers/<name>/{options,index}.nix`, routes under `containers/<proxy>/routes/`,
 * `profiles/server.nix`). A fleet (`homelab({ hosts })`) is laid out per host: `hosts/<name>/…`
 * in the layout's shape with a `default.nix`, and at the root `flake.nix`, `fleet.nix`,
 * `common.nix` and the secrets' rules file (see `render/fleet/`).
 * @example
 * for (const [path, file] of render(lab)) writeFileSync(join("server", path), print(file));
 */
export function render(lab: Homelab, options: RenderOptions = {}): ReadonlyMap<string, NixFile> {
  if (options.assumeValid !== true) {
    const errors = validate(lab).filter((d) => d.severity === "error");
    if (errors.length > 0) throw new RenderError(errors);
  }
  const header = headerLine(options.configFile ?? DEFAULT_CONFIG_FILE, options.command ?? DEFAULT_COMMAND);
  const files = new Map<string, NixFile>();
  if (lab.fleet !== undefined) {
    for (const [path, file] of renderFleet(lab, header)) files.set(path, file);
  } else {
    for (const host of lab.hosts) {
      const ctx = hostContext(lab, host, header, "");
      const hostFiles = lab.layout.kind === "modules" ? renderModules(ctx, lab.layout.namespace) : renderFlat(ctx);
      // A secret's `path` as the backend names it (unchanged under agenix).
      for (const [path, file] of hostFiles) files.set(path, localSecretPaths(ctx.backend, file));
    }
  }
  const sorted = [...files.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  return new Map(sorted);
}
