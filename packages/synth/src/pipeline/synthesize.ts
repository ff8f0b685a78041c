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
  type Host,
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
  /** A fleet's host names, sorted (what the summary names); absent for a homelab of one host. */
  readonly hosts?: readonly string[];
}

/** A hand-written module a host lists in `modules` (one entry per host that lists it). */
export interface HandWrittenModule {
  /** Relative to the output directory, as the flake imports it: `./hardware-configuration.nix`. */
  readonly path: string;
  readonly host: string;
  /** The host is one of a fleet (`homelab({ hosts })`): messages name it. */
  readonly fleet?: boolean;
  /** `file:line:column` of the `homelab()` call (of `host()` in a fleet). */
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
  const fleet = lab.fleet === undefined ? {} : { fleet: true };
  const modules = lab.hosts.flatMap((h) => h.modules.map((path) => ({ path, host: h.name, ...fleet, get site() { return formatSite(h.site); } })));
  const hosts = lab.fleet === undefined ? {} : { hosts: [...new Set(lab.hosts.map((h) => h.name))].sort(compareCodeUnits) };
  const empty = { files: new Map<string, string>(), secrets, modules, ...hosts };
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, ...empty };
  try {
    // Validated just above, without errors: render need not validate again.
    const rendered = render(lab, { ...options, assumeValid: true });
    const paths = [...rendered.keys()].sort(compareCodeUnits);
    const nix = new Map<string, string>();
    for (const path of paths) nix.set(path, print(rendered.get(path)!));
    // Self-check, as nixfmt does: every file parses back. Only raw text (`n.raw`) can break it.
    const unparsable = [...nix].flatMap(([path, text]) => unparsableFile(lab, path, text));
    if (unparsable.length > 0) return { diagnostics: [...diagnostics, ...unparsable], ...empty };
    // The files that are not Nix (sops' `.sops.yaml`), beside them in one sorted tree.
    const text = renderTextFiles(lab, options);
    const files = new Map([...nix, ...text].sort(([a], [b]) => compareCodeUnits(a, b)));
    return { diagnostics, files, secrets, modules, ...hosts };
  } catch (error) {
    if (!(error instanceof NixValueError)) throw error;
    diagnostics.push(renderErrorDiagnostic(lab, error, options));
    return { diagnostics, ...empty };
  }
}

/**
 * An error for a generated file that does not parse, naming the file, the place and the part
 * of the config it comes from (its container or service; the homelab otherwise). The printer
 * writes only valid Nix, so the cause is raw text the user wrote (`n.raw`). In a fleet the
 * file is under `hosts/<host>/`: the part is looked up on that host, and the finding names it.
 */
function unparsableFile(lab: Homelab, path: string, text: string): Diagnostic[] {
  try {
    parse(text);
    return [];
  } catch (error) {
    if (!(error instanceof NixParseError)) throw error;
    const m = /^(?:hosts\/([^/]+)\/)?(containers|services)\/([^/.]+)/.exec(path);
    const hostName = lab.fleet === undefined ? undefined : m?.[1] ?? /^hosts\/([^/]+)\//.exec(path)?.[1];
    const kind = m?.[2] === "containers" ? ("container" as const) : m?.[2] === "services" ? ("service" as const) : undefined;
    const hosts = hostName === undefined ? lab.hosts : lab.hosts.filter((h) => h.name === hostName);
    const parts: readonly { readonly name: string; readonly site: SourceSite }[] =
      kind === undefined ? [] : hosts.flatMap((h): readonly { readonly name: string; readonly site: SourceSite }[] => (kind === "container" ? h.containers : h.services));
    const owner = parts.find((x) => x.name === m?.[3]);
    const site = owner?.site ?? (hostName === undefined ? undefined : hosts[0]?.site) ?? lab.site;
    return [{
      severity: "error",
      code: "unparsable-output",
      ...(hostName === undefined ? {} : { host: hostName }),
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
 *
 * The path names no host: in a fleet, the part is looked for on the hosts whose own render
 * fails (each host rendered alone, only now that rendering the fleet failed), so that a
 * service every host has (`openssh`) is reported on the host that holds the bad value.
 */
function renderErrorDiagnostic(lab: Homelab, error: NixValueError, options: RenderOptions): Diagnostic {
  const under = (prefix: string): boolean =>
    error.path === prefix || error.path.startsWith(`${prefix}.`) || error.path.startsWith(`${prefix}[`);
  const hosts = lab.fleet === undefined ? lab.hosts : failingHosts(lab, options);
  const owners = hosts.flatMap((h) => [
    ...h.containers.map((c) => ({ host: h, prefix: `containers.${c.name}`, site: c.site, subject: { kind: "container" as const, name: c.name } })),
    ...h.services.map((x) => ({ host: h, prefix: `services.${x.name}`, site: x.site, subject: { kind: "service" as const, name: x.name } })),
  ]);
  const owner = owners.filter((o) => under(o.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  const host = lab.fleet === undefined ? undefined : owner?.host ?? (hosts.length === 1 ? hosts[0] : undefined);
  const site = owner?.site ?? host?.site ?? lab.site;
  const via = formatVia(site);
  return {
    severity: "error",
    code: "not-nix-value",
    ...(host === undefined ? {} : { host: host.name }),
    subject: owner?.subject ?? { kind: "homelab" },
    path: [error.path],
    message: `${error.reason}; change the value in the config`,
    site: formatSite(site),
    ...(via.length > 0 ? { via } : {}),
  };
}

/** The hosts of a fleet whose own render (the fleet narrowed to that host) throws a {@link NixValueError}. */
function failingHosts(lab: Homelab, options: RenderOptions): readonly Host[] {
  const failing = lab.hosts.filter((h) => {
    try {
      render({ ...lab, hosts: [h] }, { ...options, assumeValid: true });
      return false;
    } catch (error) {
      return error instanceof NixValueError;
    }
  });
  // Rendering one host alone may fail for another reason: then every host is a candidate.
  return failing.length > 0 ? failing : lab.hosts;
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
