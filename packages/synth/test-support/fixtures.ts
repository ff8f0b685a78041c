/**
 * Helpers for synth's tests: temporary directories, a stand-in config stage that yields a
 * given file map (so the pipeline is tested without render), reading a tree back, and the
 * command run in-process with captured output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { secretBackend, type Diagnostic, type Secret } from "@nixjs/homelab";
import { main } from "../src/cli/main.ts";
import { compareCodeUnits } from "../src/paths.ts";
import type { SecretFile } from "../src/pipeline/synthesize.ts";
import type { SynthesizeOutcome, SynthOptions } from "../src/synth.ts";

/** A fresh directory under the system's temp dir; removed by the returned cleanup. */
export function tempDir(prefix = "nixjs-synth-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file: a function that makes a fresh temporary directory, every one of which is
 * removed after each test. Call once at the top level of the file.
 * @example const cwd = tempDirsPerTest(); it("…", () => { const dir = cwd(); … });
 */
export function tempDirsPerTest(prefix?: string): () => string {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
  });
  return () => {
    const t = tempDir(prefix);
    cleanups.push(t.cleanup);
    return t.dir;
  };
}

/**
 * A secret file as the pipeline reports it for an agenix homelab, without a config: its
 * create hint is agenix's own (`cd server/secrets && agenix -e x.age`).
 * @example agenixSecretFile("jwt", "secrets/authelia-jwt.age", "homelab.config.ts:4:13")
 */
export function agenixSecretFile(name: string, file: string, site: string): SecretFile {
  const backend = secretBackend({ secrets: { backend: "agenix", recipients: {} } });
  return { name, file, site, createHint: (out) => backend.createHint({ name, file } as Secret, out, "secrets/secrets.nix") };
}

/** What a stand-in config produces. */
export interface FakeConfig {
  readonly files: Readonly<Record<string, string>>;
  readonly diagnostics?: readonly Diagnostic[];
  readonly secrets?: readonly SecretFile[];
}

/** A config stage that returns `config` as if a homelab had been rendered and printed. */
export function fakeSynthesize(config: FakeConfig): NonNullable<SynthOptions["synthesize"]> {
  return async (): Promise<SynthesizeOutcome> => ({
    kind: "ok",
    synthesized: {
      files: new Map(Object.entries(config.files).sort(([a], [b]) => compareCodeUnits(a, b))),
      diagnostics: config.diagnostics ?? [],
      secrets: config.secrets ?? [],
    },
  });
}

/** Every regular file under `dir` (relative path → text), sorted; `skip` filters by path. */
export function readTree(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    const abs = rel === "" ? dir : join(dir, rel);
    for (const name of readdirSync(abs).sort(compareCodeUnits)) {
      const path = rel === "" ? name : `${rel}/${name}`;
      if (skip(path)) continue;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path), "utf8"));
    }
  };
  walk("");
  return new Map([...out].sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** Every directory under `dir`, relative, sorted. */
export function listDirs(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(rel === "" ? dir : join(dir, rel), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      out.push(path);
      walk(path);
    }
  };
  walk("");
  return out.sort(compareCodeUnits);
}

/** The command's output and exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main(argv)` in-process in `cwd` with a stand-in config and captured output. */
export async function runCli(
  argv: readonly string[],
  options: { cwd: string; config?: FakeConfig; env?: Record<string, string>; tty?: boolean },
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const tty = options.tty ?? false;
  const code = await main(argv, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (t: string) => (stdout += t), isTTY: tty },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty },
    ...(options.config ? { synthesize: fakeSynthesize(options.config) } : {}),
  });
  return { code, stdout, stderr };
}
