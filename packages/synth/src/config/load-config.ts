import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Diagnostic, Homelab } from "@nixjs/homelab";

/** What loading the config gave. */
export type LoadedConfig =
  | { readonly kind: "loaded"; readonly lab: Homelab }
  /** A builder rejected its input (`HomelabInputError`): the user's config is invalid. */
  | { readonly kind: "invalid"; readonly diagnostics: readonly Diagnostic[] }
  /** The file is missing, does not compile, throws, or exports no homelab. */
  | { readonly kind: "failed"; readonly message: string; readonly site?: string };

/**
 * Imports the user's `homelab.config.ts` (TypeScript runs through tsx) and takes its default
 * export. Never throws: a builder's input error becomes diagnostics, anything else a message
 * with the line of the config that threw, never a raw stack.
 * @example await loadConfig("/repo/homelab.config.ts", "homelab.config.ts")
 */
export async function loadConfig(absolutePath: string, displayName: string): Promise<LoadedConfig> {
  if (!existsSync(absolutePath)) {
    return { kind: "failed", message: `config file not found: ${displayName} (pass another with --config <file>)` };
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(absolutePath).href)) as { default?: unknown };
  } catch (error) {
    return fromThrown(error, absolutePath, displayName);
  }
  let value: unknown;
  try {
    value = await module.default;
  } catch (error) {
    return fromThrown(error, absolutePath, displayName);
  }
  if (!isHomelabValue(value)) {
    const got = value === undefined ? "no default export" : `a default export that is not a homelab (${describe(value)})`;
    return { kind: "failed", message: `${displayName} has ${got}; it must \`export default homelab({ … })\`` };
  }
  return { kind: "loaded", lab: value };
}

/** Structural, so that a second copy of `@nixjs/homelab` (or a stub in tests) is accepted. */
function isHomelabValue(value: unknown): value is Homelab {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown; containers?: unknown; services?: unknown };
  return v.kind === "homelab" && Array.isArray(v.containers) && Array.isArray(v.services);
}

/**
 * A builder's input error carries every problem as `diagnostics` (detected by shape, not by
 * class, across package copies); its diagnostics' paths are relative to the call, so they
 * are prefixed with the call (`container("immich").ports[0]`).
 */
function fromThrown(error: unknown, absolutePath: string, displayName: string): LoadedConfig {
  const input = asInputError(error);
  if (input !== undefined) {
    const diagnostics = input.diagnostics.map((d) => {
      const path = input.builder === undefined ? d.path : d.path === "" ? input.builder : `${input.builder}.${d.path}`;
      return { ...d, path };
    });
    return { kind: "invalid", diagnostics };
  }
  // The message may name the file by its absolute path (a compile error does): name it as the user does.
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message = raw.split(pathToFileURL(absolutePath).href).join(displayName).split(absolutePath).join(displayName);
  const site = siteInConfig(error, absolutePath, displayName);
  return { kind: "failed", message: `${displayName} could not be loaded: ${message}`, ...(site ? { site } : {}) };
}

function asInputError(error: unknown): { diagnostics: readonly Diagnostic[]; builder?: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { diagnostics?: unknown; builder?: unknown };
  if (!Array.isArray(e.diagnostics) || e.diagnostics.length === 0) return undefined;
  const valid = e.diagnostics.every((d: unknown) => {
    const x = d as Partial<Diagnostic> | null;
    return typeof x === "object" && x !== null && (x.severity === "error" || x.severity === "warning") &&
      typeof x.message === "string" && typeof x.path === "string" && typeof x.site === "string";
  });
  if (!valid) return undefined;
  return { diagnostics: e.diagnostics as Diagnostic[], ...(typeof e.builder === "string" ? { builder: e.builder } : {}) };
}

/** `homelab.config.ts:12:5` from the first stack frame in the config file. */
function siteInConfig(error: unknown, absolutePath: string, displayName: string): string | undefined {
  const stack = error instanceof Error ? error.stack ?? "" : "";
  const url = pathToFileURL(absolutePath).href;
  for (const line of stack.split("\n")) {
    for (const where of [url, absolutePath]) {
      const at = line.indexOf(`${where}:`);
      if (at < 0) continue;
      const match = /^:(\d+):(\d+)/.exec(line.slice(at + where.length));
      if (match) return `${displayName}:${match[1]}:${match[2]}`;
    }
  }
  return undefined;
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
