import { compareCodeUnits, relativePathProblem } from "./paths.ts";

/** Format version of {@link MANIFEST_FILE}; bumped only when old readers would misread it. */
export const MANIFEST_VERSION = 1;
const FORMAT = "nixjs-manifest";

/** What synth wrote last time: relative path → SHA-256 of the bytes it wrote. */
export interface Manifest {
  readonly version: typeof MANIFEST_VERSION;
  readonly files: ReadonlyMap<string, string>;
}

/** A manifest that cannot be read: what is wrong with it, for the message. */
export interface ManifestProblem {
  readonly problem: string;
}

/**
 * The manifest's text: pretty JSON, files sorted by code units, a trailing newline; nothing
 * that depends on the machine or the time, so it is as deterministic as the files it lists.
 * @example serializeManifest(new Map([["flake.nix", "ab12…"]]))
 */
export function serializeManifest(files: ReadonlyMap<string, string>): string {
  const entries = [...files].sort(([a], [b]) => compareCodeUnits(a, b));
  const body: Record<string, { sha256: string }> = {};
  for (const [path, hash] of entries) body[path] = { sha256: hash };
  const doc = { format: FORMAT, version: MANIFEST_VERSION, files: body };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Reads a manifest's text, checking every field (it is committed, so it can be edited or
 * merged by hand).
 * @example parseManifest(text) // { version: 1, files: Map { "flake.nix" => "ab12…" } }
 */
export function parseManifest(text: string): Manifest | ManifestProblem {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(doc) || doc["format"] !== FORMAT) {
    return { problem: `is not a nixjs manifest (no "format": "${FORMAT}")` };
  }
  const version = doc["version"];
  if (typeof version === "number" && version > MANIFEST_VERSION) {
    return { problem: `has format version ${version}; this nixjs reads version ${MANIFEST_VERSION} (upgrade nixjs)` };
  }
  if (version !== MANIFEST_VERSION) return { problem: `has an unknown format version ${JSON.stringify(version)}` };
  const files = doc["files"];
  if (!isRecord(files)) return { problem: `has no "files" object` };
  const out = new Map<string, string>();
  for (const [path, entry] of Object.entries(files)) {
    const pathProblem = relativePathProblem(path);
    if (pathProblem !== undefined) return { problem: `lists ${JSON.stringify(path)}, which ${pathProblem}` };
    const hash = isRecord(entry) ? entry["sha256"] : undefined;
    if (typeof hash !== "string" || !/^[0-9a-f]{64}$/.test(hash)) {
      return { problem: `has no valid "sha256" for ${JSON.stringify(path)}` };
    }
    out.set(path, hash);
  }
  return { version: MANIFEST_VERSION, files: out };
}

/** Narrows {@link parseManifest}'s result. */
export function isManifestProblem(value: Manifest | ManifestProblem): value is ManifestProblem {
  return "problem" in value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
