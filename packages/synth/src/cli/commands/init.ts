/**
 * `nixjs init [dir] [--template …]`: a new homelab repository, as `cdk init` starts an app. It
 * writes every file or none: when one exists already it names them all, writes nothing and
 * exits 2 (a file written meanwhile by someone else is never overwritten either: each file is
 * created exclusively). It installs nothing: the next steps it prints start with
 * `npm install`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative, resolve, sep } from "node:path";
import type { InitArgs, TemplateName } from "../args.ts";
import { packageName, scaffold } from "../init/scaffold.ts";
import type { CommandIo } from "../main.ts";
import { packageRoot } from "../package-root.ts";

/**
 * Runs `nixjs init`: 0 when the repository was written; 2 when a file exists already (nothing
 * is written), the directory cannot be made, or a write fails.
 * @example process.exitCode = await runInit({ dir: "my-homelab", template: "nspawn-traefik" }, { stdout: process.stdout, stderr: process.stderr })
 */
export async function runInit(args: InitArgs, io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const root = resolve(cwd, args.dir);
  const shown = display(cwd, root);
  if (existsSync(root) && !statSync(root).isDirectory()) {
    io.stderr.write(`error: ${shown} exists and is not a directory\n`);
    return 2;
  }
  const config = readFileSync(join(packageRoot(), "templates", args.template, "homelab.config.ts"), "utf8");
  const files = scaffold(args.template, {
    name: packageName(basename(root)),
    config,
    hostName: hostNameOf(config),
    versions: devDependencies(),
  });
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    io.stderr.write(
      [
        `error: nixjs init never overwrites a file, and ${existing.length === 1 ? "this one exists" : "these exist"} in ${shown}:`,
        ...existing.map((p) => `  ${p}`),
        `Nothing was written. It would have written: ${[...files.keys()].join(", ")}.`,
        `Start in an empty directory, e.g. \`nixjs init my-homelab\`.`,
        "",
      ].join("\n"),
    );
    return 2;
  }
  const written: string[] = [];
  try {
    mkdirSync(root, { recursive: true });
    for (const [path, text] of files) {
      writeFileSync(join(root, path), text, { flag: "wx" });
      written.push(path);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const wrote = written.length === 0 ? "nothing was written" : `written before it: ${written.join(", ")}`;
    io.stderr.write(`error: could not write ${shown}: ${e.code === "EEXIST" ? `${relative(root, e.path ?? "")} appeared meanwhile` : e.message} (${wrote})\n`);
    return 2;
  }
  io.stdout.write(nextSteps(shown, args.template, written));
  return 0;
}

function nextSteps(shown: string, template: TemplateName, written: readonly string[]): string {
  const cd = shown === "." ? [] : [`  cd ${shown.includes(" ") ? JSON.stringify(shown) : shown}`];
  return [
    `Created a nixjs homelab (template ${template}) in ${shown === "." ? "this directory" : `${shown}/`}:`,
    ...written.map((p) => `  ${p}`),
    "",
    "Next:",
    ...cd,
    "  npm install",
    "  npm run synth      # writes server/; warns about each secret to create",
    "",
    "Then README.md: your keys, the secrets, the hardware configuration and the first deploy.",
    "",
  ].join("\n");
}

/** `hostName: "…"` of a template's config (the README's `nixos-rebuild --flake ./server#…`). */
function hostNameOf(config: string): string {
  return /\bhostName: "([^"]+)"/.exec(config)?.[1] ?? "server";
}

/**
 * The dev dependencies of a new repository: the nixjs packages at the versions installed with
 * this command (`^` ranges), and the TypeScript that type-checks the config.
 */
function devDependencies(): Record<string, string> {
  const require = createRequire(join(packageRoot(), "package.json"));
  const versionOf = (name: string): string => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  const own = (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  return {
    "@nixjs/expr-printer": `^${versionOf("@nixjs/expr-printer")}`,
    "@nixjs/homelab": `^${versionOf("@nixjs/homelab")}`,
    "@nixjs/synth": `^${own}`,
    "@types/node": "^20.12.0",
    typescript: "^5.9.3",
  };
}

/** Relative to cwd with `/`, `.` for cwd itself. */
function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.split(sep).join("/");
}
