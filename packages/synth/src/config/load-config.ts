import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { collectInputErrors, type Diagnostic, type Homelab, type HomelabInputError } from "@nixjs/homelab";
import { ExitCalled, interceptExit, markConfig } from "./exit-guard.ts";
import { compileConfig } from "./compile-config.ts";
import { describeThrown, siteInConfig } from "./thrown.ts";

/** What loading the config gave. */
export type LoadedConfig =
  | { readonly kind: "loaded"; readonly lab: Homelab }
  /** Builders rejected their input (`HomelabInputError`s): the user's config is invalid. */
  | { readonly kind: "invalid"; readonly diagnostics: readonly Diagnostic[] }
  /** The file is missing, does not compile, throws, ends the process, or exports no homelab. */
  | { readonly kind: "failed"; readonly message: string; readonly site?: string };

/**
 * Compiles the user's `homelab.config.ts` (see `compileConfig`: esbuild, whatever the package's
 * module type), imports it and takes its default export. Never throws. Builders collect their input errors meanwhile, so every rejected call
 * of the config is reported at once (each with its call site); anything else (a throw, a
 * `process.exit()`, a missing export) becomes one message naming the config file and, when it
 * can be found, the line of the config that caused it — never a raw stack.
 * @example await loadConfig("/repo/homelab.config.ts", "homelab.config.ts")
 */
export async function loadConfig(absolutePath: string, displayName: string): Promise<LoadedConfig> {
  if (!existsSync(absolutePath)) {
    return { kind: "failed", message: `config file not found: ${displayName} (pass another with --config <file>, or start a new one with \`nixjs init\`)` };
  }
  const compiled = await compileConfig(absolutePath);
  if (compiled.kind === "failed") {
    return { kind: "failed", message: `${displayName} could not be compiled: ${compiled.message}`, ...(compiled.site === undefined ? {} : { site: compiled.site }) };
  }
  // Line and column of the config in stacks (call sites, errors) are the TypeScript's own.
  process.setSourceMapsEnabled(true);
  const module = writeModule(compiled.code);
  const restore = interceptExit();
  markConfig({ absolutePath, displayName, loading: true });
  let collected: Awaited<ReturnType<typeof collectInputErrors<unknown>>>;
  try {
    collected = await collectInputErrors(async () => {
      const imported = (await import(module.url)) as { default?: unknown };
      return await imported.default;
    });
  } finally {
    markConfig({ absolutePath, displayName, loading: false });
    restore();
    module.remove();
  }
  const rejected = collected.errors.flatMap((e) => callDiagnostics(e));
  const { outcome } = collected;
  if (!outcome.ok) {
    const thrown = asInputError(outcome.error);
    if (thrown !== undefined) return { kind: "invalid", diagnostics: [...rejected, ...callDiagnostics(thrown)] };
    const failure = failed(outcome.error, absolutePath, displayName);
    // The rejected calls come first: the throw is often their consequence (a stand-in used).
    if (rejected.length > 0) return { kind: "invalid", diagnostics: [...rejected, asDiagnostic(failure, displayName)] };
    return failure;
  }
  if (rejected.length > 0) return { kind: "invalid", diagnostics: rejected };
  const value = outcome.value;
  if (!isHomelabValue(value)) {
    const got = value === undefined ? "no default export" : `a default export that is not a homelab (${describe(value)})`;
    return { kind: "failed", message: `${displayName} has ${got}; it must \`export default homelab({ … })\`` };
  }
  return { kind: "loaded", lab: value };
}

/**
 * The compiled module, written where Node can import it (with its source map inline) and
 * removed once imported: into a fresh directory of the system's temporary folder, never
 * beside the config (a checkout may be read-only, and nothing is left in the user's tree).
 * Its imports are absolute URLs, so where it lies does not change what it loads.
 */
function writeModule(code: string): { url: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-config-"));
  const file = join(dir, "homelab.config.mjs");
  writeFileSync(file, code);
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
    process.off("exit", remove);
  };
  // A config that never finishes loading ends the process before `finally` runs.
  process.on("exit", remove);
  return { url: pathToFileURL(file).href, remove };
}

/** Structural, so that a second copy of `@nixjs/homelab` (or a stub in tests) is accepted. */
function isHomelabValue(value: unknown): value is Homelab {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown; hosts?: unknown };
  return v.kind === "homelab" && Array.isArray(v.hosts);
}

/** A builder's input error's diagnostics (each names its call as its subject). */
function callDiagnostics(input: Pick<HomelabInputError, "diagnostics">): readonly Diagnostic[] {
  return input.diagnostics;
}

function failed(error: unknown, absolutePath: string, displayName: string): Extract<LoadedConfig, { kind: "failed" }> {
  const site = siteInConfig(error, absolutePath, displayName);
  const where = site === undefined ? {} : { site };
  if (error instanceof ExitCalled) {
    return {
      kind: "failed",
      message: `${displayName} called process.exit(${error.code ?? ""}) while loading; a config must not end the process: remove the call (throw an Error to stop with a message)`,
      ...where,
    };
  }
  return { kind: "failed", message: `${displayName} could not be loaded: ${describeThrown(error, absolutePath, displayName)}`, ...where };
}

function asDiagnostic(failure: Extract<LoadedConfig, { kind: "failed" }>, displayName: string): Diagnostic {
  return { severity: "error", code: "config-load-failed", subject: { kind: "homelab" }, path: [], message: failure.message, site: failure.site ?? displayName };
}

/** Anything with valid `diagnostics` (detected by shape, not class, across package copies). */
function asInputError(error: unknown): { diagnostics: readonly Diagnostic[] } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { diagnostics?: unknown };
  if (!Array.isArray(e.diagnostics) || e.diagnostics.length === 0) return undefined;
  const valid = e.diagnostics.every((d: unknown) => {
    const x = d as Partial<Diagnostic> | null;
    return typeof x === "object" && x !== null && (x.severity === "error" || x.severity === "warning") &&
      typeof x.message === "string" && Array.isArray(x.path) && typeof x.site === "string" &&
      typeof x.subject === "object" && x.subject !== null;
  });
  return valid ? { diagnostics: e.diagnostics as Diagnostic[] } : undefined;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") {
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === "string" ? `an object of kind "${kind}"` : "an object";
  }
  return typeof value;
}
