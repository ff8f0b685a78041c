/**
 * The repository's configs and their trees, for the whole-system tests: a config synthesised
 * in memory for any supported NixOS release, written to a temporary directory the way the
 * user's checkout holds it — with the machine's `hardware-configuration.nix` (the committed
 * example of it) and an (empty) encrypted file for every secret — so the stand-in NixOS
 * evaluates exactly what a machine would.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
// Relative: `test/` is not a workspace package.
import { nixpkgsUrl, onlyHost, type Homelab, type Release } from "../packages/homelab/src/index.ts";
import { synthesizeLab } from "../packages/synth/src/pipeline/synthesize.ts";
import { renderOptionsFor } from "../packages/synth/src/synth.ts";

/** A config of the repository and where its tree is committed. */
export interface RepositoryConfig {
  readonly name: string;
  /** Relative to the repository root. */
  readonly config: string;
  /** What the command writes to (its files' header lines name it). */
  readonly out: string;
  /** Where the tree is committed. */
  readonly committed: string;
  /** `nixosConfigurations.<host>` (a fleet's first host, by name). */
  readonly host: string;
  /** A fleet's hosts, sorted: every `nixosConfigurations.<host>` (absent: just `host`). */
  readonly hosts?: readonly string[];
}

export const REPO_ROOT = new URL("..", import.meta.url).pathname;

export const CONFIGS: readonly RepositoryConfig[] = [
  { name: "root", config: "homelab.config.ts", out: "server", committed: "test/golden/root-server", host: "server" },
  { name: "podman-media", config: "examples/podman-media/homelab.config.ts", out: "examples/podman-media/server", committed: "examples/podman-media/server", host: "hwc-server" },
  { name: "nspawn-traefik-service", config: "examples/nspawn-traefik-service/homelab.config.ts", out: "examples/nspawn-traefik-service/server", committed: "examples/nspawn-traefik-service/server", host: "tiny" },
  { name: "proxy-zoo", config: "examples/proxy-zoo/homelab.config.ts", out: "examples/proxy-zoo/server", committed: "examples/proxy-zoo/server", host: "gateway" },
  { name: "impermanent-nas", config: "examples/impermanent-nas/homelab.config.ts", out: "examples/impermanent-nas/server", committed: "examples/impermanent-nas/server", host: "nas" },
  { name: "fleet", config: "examples/fleet/homelab.config.ts", out: "examples/fleet/server", committed: "examples/fleet/server", host: "dns", hosts: ["dns", "nas", "proxy"] },
];

/**
 * Every `nixosConfigurations.<host>` of a config: a fleet's hosts, else its one host.
 * @example hostsOf(CONFIGS.find((c) => c.name === "fleet")!) // ["dns", "nas", "proxy"]
 */
export function hostsOf(config: RepositoryConfig): readonly string[] {
  return config.hosts ?? [config.host];
}

/** The homelab a config file exports. */
export async function loadLab(config: RepositoryConfig): Promise<Homelab> {
  const module = (await import(pathToFileURL(join(REPO_ROOT, config.config)).href)) as { default: Homelab | Promise<Homelab> };
  return await module.default;
}

/**
 * The same homelab, its hosts (every host of a fleet) on another NixOS release (and that
 * release's nixpkgs).
 * @example withRelease(lab, "25.11")
 */
export function withRelease(lab: Homelab, release: Release): Homelab {
  if (lab.fleet === undefined) onlyHost(lab);
  return { ...lab, hosts: lab.hosts.map((h) => ({ ...h, release, nixpkgs: nixpkgsUrl(release) })) };
}

const dirs: string[] = [];

/**
 * Synthesises `lab` (as `config` would be) into a fresh temporary directory, with the committed
 * tree's hand-written modules (hardware-configuration.nix, and any other the flake imports) and
 * an empty file for every secret; returns the directory.
 */
export function writeTreeOf(config: RepositoryConfig, lab: Homelab): string {
  const result = synthesizeLab(lab, renderOptionsFor(config.config, config.out));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`${config.config} has errors: ${JSON.stringify(errors, null, 2)}`);
  const dir = mkdtempSync(join(tmpdir(), `nixjs-tree-${config.name}-`));
  dirs.push(dir);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of result.files) write(path, text);
  for (const s of result.secrets) write(s.file, "");
  for (const module of lab.hosts.flatMap((h) => h.modules)) {
    const handWritten = join(REPO_ROOT, config.committed, module);
    if (existsSync(handWritten)) cpSync(handWritten, join(dir, module));
  }
  return dir;
}

/**
 * A copy of the committed tree with an empty file for every secret its `secrets.nix` lists
 * (the user's `.age` files, never committed here).
 */
export function committedTreeCopy(config: RepositoryConfig, secrets: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `nixjs-committed-${config.name}-`));
  dirs.push(dir);
  cpSync(join(REPO_ROOT, config.committed), dir, { recursive: true });
  for (const file of secrets) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), "");
  }
  return dir;
}

/** Removes every directory made so far (call in `afterAll`). */
export function removeTrees(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}
