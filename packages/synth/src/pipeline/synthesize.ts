import { NixParseError, NixValueError, parse, print } from "@nixjs/expr-printer";
import {
  compareCodeUnits,
  formatDiagnostic,
  formatSite,
  formatVia,
  neededSecretFiles,
  render,
  renderTextFiles,
  validate,
  type Diagnostic,
  type Homelab,
  type NeededSecretFile,
  type RenderOptions,
  type SourceSite,
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
  /** Hand-written modules the flake imports (relative to the output directory), to check they exist. */
  readonly modules: readonly HandWrittenModule[];
}

/** A hand-written module a host lists in `modules`. */
export interface HandWrittenModule {
  /** Relative to the output directory, as the flake imports it: `./hardware-configuration.nix`. */
  readonly path: string;
  readonly host: string;
  /** `file:line:column` of the `homelab()` call. */
  readonly site: string;
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
  const modules = lab.hosts.flatMap((h) => h.modules.map((path) => ({ path, host: h.name, get site() { return formatSite(h.site); } })));
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, files: new Map(), secrets, modules };
  try {
    // Validated just above, without errors: render need not validate again.
    const rendered = render(lab, { ...options, assumeValid: true });
    const paths = [...rendered.keys()].sort(compareCodeUnits);
    const nix = new Map<string, string>();
    for (const path of paths) nix.set(path, print(rendered.get(path)!));
    // Self-check, as nixfmt does: every file parses back. Only raw text (`n.raw`) can break it.
    const unparsable = [...nix].flatMap(([path, text]) => unparsableFile(lab, path, text));
    if (unparsable.length > 0) return { diagnostics: [...diagnostics, ...unparsable], files: new Map(), secrets, modules };
    // The files that are not Nix (sops' `.sops.yaml`), beside them in one sorted tree.
    const text = renderTextFiles(lab, options);
    const files = new Map([...nix, ...text].sort(([a], [b]) => compareCodeUnits(a, b)));
    return { diagnostics, files, secrets, modules };
  } catch (error) {
    if (!(error instanceof NixValueError)) throw error;
    diagnostics.push(renderErrorDiagnostic(lab, error));
    return { diagnostics, files: new Map(), secrets, modules };
  }
}

/**
 * An error for a generated file that does not parse, naming the file, the place and the part
 * of the config it comes from (its container or service; the homelab otherwise). The printer
 * writes only valid Nix, so the cause is raw text the user wrote (`n.raw`).
 */
function unparsableFile(lab: Homelab, path: string, text: string): Diagnostic[] {
  try {
    parse(text);
    return [];
  } catch (error) {
    if (!(error instanceof NixParseError)) throw error;
    const m = /^(containers|services)\/([^/.]+)/.exec(path);
    const kind = m?.[1] === "containers" ? ("container" as const) : m?.[1] === "services" ? ("service" as const) : undefined;
    const parts: readonly { readonly name: string; readonly site: SourceSite }[] =
      kind === undefined ? [] : lab.hosts.flatMap((h): readonly { readonly name: string; readonly site: SourceSite }[] => (kind === "container" ? h.containers : h.services));
    const owner = parts.find((x) => x.name === m?.[2]);
    const site = owner?.site ?? lab.site;
    return [{
      severity: "error",
      code: "unparsable-output",
      subject: owner === undefined || kind === undefined ? { kind: "homelab" } : { kind, name: owner.name },
      path: [],
      message: `${path} would not parse (${error.message}): raw Nix text in the config (n.raw) is not valid Nix there; fix it, or build the expression with n.* instead. Nothing was written`,
      site: formatSite(site),
    }];
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
    file: needed.file,
    get site() {
      return formatSite(needed.secret.site);
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
