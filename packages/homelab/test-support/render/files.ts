/** Printing and writing rendered trees for render's Nix tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { print, type NixFile } from "@nixjs/expr-printer";
import { afterAll, beforeAll } from "vitest";
import { hostFacts } from "../../src/facts/host-facts.ts";
import { allSecrets } from "../../src/facts/secrets.ts";
import type { Homelab } from "../../src/model/index.ts";
import { render } from "../../src/render/index.ts";

/** Every file printed, in the map's (sorted) order. */
export function printAll(files: ReadonlyMap<string, NixFile>): Map<string, string> {
  return new Map([...files].map(([path, file]) => [path, print(file)]));
}

/**
 * Writes a printed tree to a fresh temporary directory, with an empty encrypted file for every
 * secret (agenix's `file` and sops-nix's `sopsFile` are path literals Nix resolves; sops-nix
 * hashes its), and returns the directory.
 */
export function writeTree(lab: Homelab, texts: ReadonlyMap<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "nixjs-render-"));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of texts) write(path, text);
  for (const host of lab.hosts) {
    const facts = hostFacts(lab, host);
    for (const s of allSecrets(facts.secrets)) write(facts.backend.file(s), "");
  }
  return dir;
}

/** A Nix string literal. */
export function nixString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "\\${");
}

/**
 * For a test suite: renders and prints `lab` once, writes the tree to a temporary directory
 * before the suite's tests (`ready` receives the texts and the directory) and removes it after.
 * @example
 * let texts: Map<string, string>, dir: string;
 * suiteTree(seed000(), (t, d) => { texts = t; dir = d; });
 */
export function suiteTree(
  lab: Homelab,
  ready: (texts: Map<string, string>, dir: string) => void,
  files: ReadonlyMap<string, NixFile> = render(lab),
): void {
  let dir: string | undefined;
  beforeAll(() => {
    const texts = printAll(files);
    dir = writeTree(lab, texts);
    ready(texts, dir);
  });
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
}
