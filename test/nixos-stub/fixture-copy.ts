import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nixosStubDir } from "./eval-server.ts";

/** A change to one file of a fixture copy (a missing file reads as ""): new text, or `null` to delete it. */
export type Edit = (text: string) => string | null;

/**
 * Replaces `from` by `to`, and fails when `from` is absent: an edit that silently did nothing
 * would make a negative test pass for the wrong reason.
 * @example replace("privateUsers = \"pick\";", "privateUsers = \"65536\";")
 */
export function replace(from: string, to: string): Edit {
  return (text) => {
    if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not found`);
    return text.split(from).join(to);
  };
}

/** Deletes the file. @example { "secrets/n8n-env.age": remove } */
export const remove: Edit = () => null;

/** The path of a hand-written fixture tree. @example fixtureDir("seed000") */
export function fixtureDir(name: string): string {
  return join(nixosStubDir, "fixtures", name);
}

/**
 * Copies a fixture tree to a fresh temporary directory, applies `edits` (relative path → edit)
 * and returns the copy's path; `cleanup()` removes every copy made so far.
 * @example const dir = editedFixture("seed000", { "host.nix": replace("a", "b") });
 */
export function editedFixture(name: string, edits: Readonly<Record<string, Edit>>): string {
  const dir = mkdtempSync(join(tmpdir(), `nixos-stub-${name}-`));
  copies.push(dir);
  cpSync(fixtureDir(name), dir, { recursive: true });
  for (const [path, edit] of Object.entries(edits)) {
    const file = join(dir, path);
    const next = edit(existsSync(file) ? readFileSync(file, "utf8") : "");
    if (next === null) rmSync(file);
    else writeFileSync(file, next);
  }
  return dir;
}

const copies: string[] = [];

/** Removes every copy {@link editedFixture} made. @example afterAll(cleanup) */
export function cleanup(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}
