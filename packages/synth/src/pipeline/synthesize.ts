import { NixValueError, print } from "@nixjs/expr-printer";
import {
  compareCodeUnits,
  formatDiagnostic,
  formatSite,
  formatVia,
  neededSecretFiles,
  render,
  validate,
  type Diagnostic,
  type Homelab,
  type NeededSecretFile,
  type RenderOptions,
} from "@nixjs/homelab";

/** An encrypted file the deployed system needs (path relative to the output directory). */
export interface SecretFile {
  readonly name: string;
  readonly file: string;
  /** `file:line:column` of the part that declares it. */
  readonly site: string;
  /** The command that creates it, given the output directory as the user names it. */
  readonly createHint: (out: string) => string;
}

/** A homelab turned into text: the files (when it is valid) and every finding. */
export interface Synthesized {
  /** Validation findings, errors and warnings. */
  readonly diagnostics: readonly Diagnostic[];
  /** Relative path → file text, sorted by path; empty when a diagnostic is an error. */
  readonly files: ReadonlyMap<string, string>;
  readonly secrets: readonly SecretFile[];
}

/** The header's command when none is given: the installed `nixjs` command. */
const DEFAULT_RENDER_OPTIONS: RenderOptions = { command: "nixjs synth" };

/**
 * Validates, renders and prints a homelab, in memory. Never throws for a bad config: a value
 * that cannot be written as Nix becomes an error diagnostic.
 * @example const { files, diagnostics } = synthesizeLab(lab)
 */
export function synthesizeLab(lab: Homelab, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Synthesized {
  const diagnostics: Diagnostic[] = [...validate(lab)];
  const secrets = neededSecretFiles(lab).map(secretFile);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, files: new Map(), secrets };
  try {
    // Validated just above, without errors: render need not validate again.
    const rendered = render(lab, { ...options, assumeValid: true });
    const paths = [...rendered.keys()].sort(compareCodeUnits);
    const files = new Map<string, string>();
    for (const path of paths) files.set(path, print(rendered.get(path)!));
    return { diagnostics, files, secrets };
  } catch (error) {
    if (!(error instanceof NixValueError)) throw error;
    diagnostics.push(renderErrorDiagnostic(lab, error));
    return { diagnostics, files: new Map(), secrets };
  }
}

/**
 * A value the renderer could not write, as a diagnostic on the user's field: `error.path` is
 * a model path (`containers.immich.config.services.immich.host`), and the site is the call of
 * the builder that holds it (the container or service), not `homelab()`. Builders check their
 * values already; one that still fails here got through a gap, so the message says so.
 */
function renderErrorDiagnostic(lab: Homelab, error: NixValueError): Diagnostic {
  const under = (prefix: string): boolean =>
    error.path === prefix || error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`);
  const owners = lab.hosts.flatMap((h) => [
    ...h.containers.map((c) => ({ prefix: `containers.${c.name}`, site: c.site, subject: { kind: "container" as const, name: c.name } })),
    ...h.services.map((x) => ({ prefix: `services.${x.name}`, site: x.site, subject: { kind: "service" as const, name: x.name } })),
  ]);
  const owner = owners.filter((o) => under(o.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const site = owner?.site ?? lab.site;
  const via = formatVia(site);
  return {
    severity: "error",
    code: "not-nix-value",
    subject: owner?.subject ?? { kind: "homelab" },
    path: [error.path],
    message: `${error.reason}; change the value in the config`,
    site: formatSite(site),
    ...(via.length > 0 ? { via } : {}),
  };
}

/**
 * The site is formatted when read, which only a missing file's warning does: formatting a
 * builder's site formats its captured stack (see `captureSite` in `@nixjs/homelab`).
 */
function secretFile(needed: NeededSecretFile): SecretFile {
  return {
    name: needed.secret.name,
    file: needed.secret.file,
    get site() {
      return formatSite(needed.at.site);
    },
    createHint: needed.createHint,
  };
}

/** The homelab has errors: nothing can be generated. */
export class SynthValidationError extends Error {
  override readonly name = "SynthValidationError";
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(errors.map((d) => formatDiagnostic(d)).join("\n"));
    this.diagnostics = diagnostics;
  }
}

/**
 * The in-memory synth (as cdk8s's `Testing.synth`): the files the writing synth would
 * produce, path → text, without touching the disk. Throws {@link SynthValidationError} when
 * validation reports errors.
 * @example synthInMemory(lab).get("flake.nix")?.startsWith("# Generated")
 */
export function synthInMemory(lab: Homelab, options: RenderOptions = DEFAULT_RENDER_OPTIONS): ReadonlyMap<string, string> {
  const result = synthesizeLab(lab, options);
  if (result.diagnostics.some((d) => d.severity === "error")) throw new SynthValidationError(result.diagnostics);
  return result.files;
}
