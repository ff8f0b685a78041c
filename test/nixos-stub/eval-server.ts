import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
// Relative: `test/` is not a workspace package, so the bare `@nixjs/testkit` does not resolve here.
import { NixError, runNix } from "../../packages/testkit/src/index.ts";

/** Absolute path of the stand-in NixOS (this folder), without a trailing slash. */
export const nixosStubDir: string = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");

/**
 * An attribute path below `config`: either Nix attribute-path text (`age.secrets."n8n-env".path`,
 * quote segments that are not identifiers) or the segments themselves
 * (`["age", "secrets", "n8n-env", "path"]`, no quoting needed).
 */
export type ConfigPath = string | readonly string[];

/** The NixOS releases the stand-in models (test/nixos-stub/releases.nix), oldest first. */
export const nixosReleases = ["25.11", "26.05"] as const;

/** A NixOS release the stand-in models. @example const release: NixosRelease = "26.05"; */
export type NixosRelease = (typeof nixosReleases)[number];

/** Options of {@link evalServer}, {@link evalServerAssertions} and {@link evalServerOutputs}. */
export interface EvalServerOptions {
  /**
   * The NixOS release to evaluate the flake as. Default: the release its `inputs.nixpkgs.url`
   * names (`github:NixOS/nixpkgs/nixos-26.05` → "26.05"); a URL naming another release (or
   * unstable) is an error listing the supported ones.
   * @example evalServerAssertions(dir, "server", { release: "25.11" })
   */
  readonly release?: NixosRelease;
  /**
   * First check the whole system as building it would: failed assertions of the host and of
   * every container guest, then every value forced (a type error anywhere fails). Default `true`;
   * `false` evaluates only the requested paths (faster to read a failing tree piece by piece).
   * @example evalServer(dir, "homelab", { name: "networking.hostName" }, { check: false })
   */
  readonly check?: boolean;
  /**
   * More NixOS modules for the host, as Nix expression text (relative paths resolve against
   * `serverDir`): e.g. declarations of the options a user's hand-written module sets.
   * @example { extraModules: ['{ lib, ... }: { options.my.flag = lib.mkEnableOption "flag"; }'] }
   */
  readonly extraModules?: readonly string[];
}

/**
 * The checked system's warnings: the host's first, then each guest's prefixed with its path
 * (`containers.adguard.config: …`), file names relative to the server directory.
 */
export interface ServerCheck {
  readonly warnings: readonly string[];
}

/**
 * Evaluating the flake failed. `message` is Nix's error made readable: the NixOS-like text
 * ("The option `x' does not exist", "Failed assertions: …"), file names relative to the server
 * directory; `stderr` is Nix's own output.
 */
export class ServerEvalError extends Error {
  override readonly name = "ServerEvalError";
  constructor(
    readonly nixMessage: string,
    readonly stderr: string,
    readonly host: string,
    /** What was evaluated; default `nixosConfigurations.<host>`. */
    what = `nixosConfigurations.${host}`,
  ) {
    super(`evaluating ${what} failed:\n${nixMessage}`);
  }
}

const identifier = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** A Nix string literal of `text` (JSON escapes are Nix escapes once `${` is escaped too). */
function nixString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "\\${");
}

/** Splits `a."b.c".d` into segments, rejecting anything that is not an attribute path. */
function segmentsOf(path: ConfigPath): readonly string[] {
  if (typeof path !== "string") return path;
  const segments: string[] = [];
  const token = /\s*(?:([A-Za-z_][A-Za-z0-9_'-]*)|"((?:[^"\\$]|\\.|\$(?!\{))*)")\s*(\.|$)/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const found = token.exec(path);
    if (found === null) throw new Error(`not a Nix attribute path: ${JSON.stringify(path)} (at ${at})`);
    segments.push(found[1] ?? (JSON.parse(`"${found[2] ?? ""}"`) as string));
    at = token.lastIndex;
    if (found[3] === "." && at === path.length) throw new Error(`not a Nix attribute path: ${JSON.stringify(path)}`);
  }
  if (segments.length === 0) throw new Error("empty attribute path");
  return segments;
}

function selectFrom(base: string, path: ConfigPath): string {
  return [base, ...segmentsOf(path).map((s) => (identifier.test(s) ? s : nixString(s)))].join(".");
}

function stubCall(serverDir: string, host: string | null, options: EvalServerOptions): string {
  const modules = (options.extraModules ?? []).map((m) => `(\n${m}\n)`).join("\n");
  return (
    `import (/. + ${nixString(`${nixosStubDir}/eval-flake.nix`)}) {\n` +
    `  flakeDir = /. + ${nixString(serverDir)};\n` +
    (host === null ? "" : `  host = ${nixString(host)};\n`) +
    (options.release === undefined ? "" : `  release = ${nixString(options.release)};\n`) +
    `  extraModules = [\n${modules}\n];\n}`
  );
}

/**
 * The Nix source {@link evalServer} runs (for batching several servers with `evalAll`):
 * an expression whose strict JSON value holds the requested values under their keys.
 * @example evalAll([serverEvalSource(rootDir, "homelab", paths), serverEvalSource(podmanDir, "server", paths)])
 */
export function serverEvalSource(
  serverDir: string,
  host: string,
  attrPaths: Readonly<Record<string, ConfigPath>>,
  options: EvalServerOptions = {},
): string {
  const dir = resolve(serverDir);
  const keys = Object.keys(attrPaths).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = keys
    .map((key) => `  ${nixString(key)} = s.toJSONable (${selectFrom("s.config", attrPaths[key] ?? "")});`)
    .join("\n");
  const values = `{\n${fields}\n}`;
  const body = options.check === false ? values : `builtins.seq (builtins.length s.check.warnings) ${values}`;
  return `let\n  s = ${stubCall(dir, host, options)};\nin\n${body}\n`;
}

/** File names relative to the server directory (and the stand-in's), as a person reads them. */
function relative(text: string, serverDir: string): string {
  return text.split(`${serverDir}/`).join("").split(`${nixosStubDir}/`).join("nixos-stub/");
}

/** Nix's stderr as the NixOS-like message a test can match and a person can read. */
function readable(stderr: string, serverDir: string): string {
  const lines = stderr
    .split("\n")
    .filter((line) => !line.startsWith("(use '--show-trace'") && !line.startsWith("trace: "))
    .map((line) => (/^error:( |$)/.test(line) ? line.slice(7) : line.replace(/^ {7}/, "")));
  return relative(lines.join("\n"), serverDir).trim();
}

function run(source: string, serverDir: string, host: string, what?: string): unknown {
  try {
    return JSON.parse(runNix(["--eval", "--strict", "--json"], source, { cwd: serverDir }));
  } catch (error) {
    if (error instanceof NixError) throw new ServerEvalError(readable(error.stderr, serverDir), error.stderr, host, what);
    throw error;
  }
}

/**
 * Evaluates a generated `server/` flake with the real nix-instantiate — `outputs` called with
 * stand-in inputs (self, nixpkgs with `lib.nixosSystem`, agenix, sops-nix, impermanence, disko,
 * colmena, deploy-rs), modules evaluated by the stand-in NixOS of `test/nixos-stub/` in the
 * flake's release (see {@link EvalServerOptions.release}) — and returns the requested `config` values of
 * `nixosConfigurations.<host>` as JSON, in one Nix call. Paths inside the flake come back as
 * `"./relative"` strings, packages as their (fake) store paths. Unless `check: false`, the whole
 * system is checked first (see {@link EvalServerOptions.check}). Throws {@link ServerEvalError}.
 * @example
 * const v = evalServer("server", "homelab", {
 *   authelia: "containers.traefik.config.services.traefik.dynamicConfigOptions.http.services.authelia.loadBalancer.servers",
 *   jwt: "containers.authelia.config.age.secrets.authelia-jwt.path",
 * });
 * expect(v.authelia).toEqual([{ url: "http://10.10.10.9:9091" }]);
 * expect(v.jwt).toBe("/run/agenix/authelia-jwt");
 */
export function evalServer<K extends string>(
  serverDir: string,
  host: string,
  attrPaths: Readonly<Record<K, ConfigPath>>,
  options: EvalServerOptions = {},
): Record<K, unknown> {
  const dir = resolve(serverDir);
  return run(serverEvalSource(dir, host, attrPaths, options), dir, host) as Record<K, unknown>;
}

/**
 * Checks the whole system as `nixos-rebuild build` would at evaluation time: assertions of the
 * host and of every container guest (all failures in one NixOS-like "Failed assertions:"
 * message), then every value forced. Returns the warnings. Throws {@link ServerEvalError}.
 * @example expect(evalServerAssertions("server", "homelab").warnings).toEqual([]);
 */
export function evalServerAssertions(serverDir: string, host: string, options: EvalServerOptions = {}): ServerCheck {
  const dir = resolve(serverDir);
  const source = `(${stubCall(dir, host, options)}).check\n`;
  const { warnings } = run(source, dir, host) as ServerCheck;
  return { warnings: warnings.map((w) => relative(w, dir)) };
}

/**
 * Evaluates values of the flake's `outputs` (not of one host): e.g. colmena's
 * `colmenaHive.deploymentConfig` or `colmenaHive.toplevel.<node>`, deploy-rs' `deploy.nodes` or
 * `checks.x86_64-linux.deploy-schema`, with the stand-in inputs of the flake's release. Values
 * come back as {@link evalServer}'s do; a derivation-shaped value (a toplevel, a deploy-rs check)
 * is forced to its store path, which performs its check. Throws {@link ServerEvalError}.
 * @example
 * const v = evalServerOutputs(dir, { server: "colmenaHive.deploymentConfig.server.targetHost" });
 * expect(v.server).toBe("server.lan");
 */
export function evalServerOutputs<K extends string>(
  serverDir: string,
  attrPaths: Readonly<Record<K, ConfigPath>>,
  options: EvalServerOptions = {},
): Record<K, unknown> {
  const dir = resolve(serverDir);
  const keys = Object.keys(attrPaths).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = keys
    .map((key) => `  ${nixString(key)} = s.toJSONable (${selectFrom("s.outputs", attrPaths[key as K] ?? "")});`)
    .join("\n");
  const source = `let\n  s = ${stubCall(dir, null, options)};\nin\n{\n${fields}\n}\n`;
  return run(source, dir, "", "the flake's outputs") as Record<K, unknown>;
}

/**
 * The machine's own `hardware-configuration.nix` as a module (root file system, boot loader),
 * which every non-container NixOS needs and nixjs never writes: pass it in `extraModules` to
 * evaluate a generated tree the way the user's machine would.
 * @example evalServerAssertions(dir, "server", { extraModules: [hardwareConfiguration] })
 */
export const hardwareConfiguration: string = `{ ... }: {
  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
  fileSystems."/boot" = { device = "/dev/disk/by-label/ESP"; fsType = "vfat"; };
  boot.loader.systemd-boot.enable = true;
}`;
