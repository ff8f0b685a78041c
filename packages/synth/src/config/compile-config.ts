/**
 * A TypeScript config, compiled by esbuild into one ES module: the config and every file of
 * the user's it imports are bundled; every package it imports (`@nixjs/homelab`, anything from
 * `node_modules`) stays an import, rewritten to the absolute URL Node's resolution would have
 * chosen from the config's folder, so that synth and the config share one copy of each. The
 * result does not depend on the package's module type (`"type": "module"` or CommonJS): it is
 * always an ES module, and it needs no TypeScript loader (no tsx) to run.
 */
import { readFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildFailure, Message, Metafile, Plugin, PluginBuild } from "esbuild";

/** A compiled config: the module's text (with an inline source map) and the files it is made of. */
export type CompiledConfig =
  | {
      readonly kind: "compiled";
      /** An ES module; its source map names the original files by absolute URL. */
      readonly code: string;
      /** Absolute paths of the config and every local file it imports, sorted. */
      readonly inputs: readonly string[];
    }
  | {
      readonly kind: "failed";
      readonly message: string;
      /** `file:line:column` of the first error, relative to the working directory. */
      readonly site?: string;
      /** The files read before the failure (the config at least): what to watch for a fix. */
      readonly inputs: readonly string[];
    };

/** Options of {@link compileConfig}. */
export interface CompileOptions {
  /** Paths in messages are relative to it. Default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Export conditions for the packages the config imports, besides Node's own (`node`,
   * `import`, `default`). Default: those of this process (`--conditions`), and `@nixjs/source`
   * when nixjs itself runs from its sources.
   */
  readonly conditions?: readonly string[];
}

const SOURCE_EXTENSIONS = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
const LOADERS = { ts: "ts", mts: "ts", cts: "ts", tsx: "tsx", js: "js", mjs: "js", cjs: "js", jsx: "jsx" } as const;
/** A resolution our own plugin asked esbuild for (not to be intercepted again). */
const RESOLVING = Symbol("nixjs-resolving");

type Esbuild = typeof import("esbuild");
let compiler: Esbuild | undefined;

/**
 * Loads esbuild and starts its service (a Go process) without waiting for it, so that the
 * process starts while Node loads the rest of nixjs: a synth calls this first. Measured on the
 * root config, the service's start took ~65 ms of a ~420 ms synth when it came after the
 * rest; begun first, it overlaps with loading nixjs. `require`d, not imported: esbuild's API
 * is CommonJS, and an `import` of it costs a pass of Node's CommonJS export scanner.
 * @example warmCompiler(); const { synth } = await import("./synth.ts")
 */
export function warmCompiler(): Esbuild {
  if (compiler !== undefined) return compiler;
  compiler = createRequire(import.meta.url)("esbuild") as Esbuild;
  compiler.formatMessages([], { kind: "error" }).catch(() => undefined);
  return compiler;
}

/**
 * Compiles the config at `absolutePath`. Never throws for the user's mistakes: a syntax error,
 * an import of a file or a package that does not exist, come back as `failed` with the line.
 * @example const compiled = await compileConfig("/repo/homelab.config.ts")
 */
export async function compileConfig(absolutePath: string, options: CompileOptions = {}): Promise<CompiledConfig> {
  const cwd = options.cwd ?? process.cwd();
  const dir = dirname(absolutePath);
  const loaded = new Set<string>([absolutePath]);
  const meta = new Map<string, string>();
  const { build } = warmCompiler();
  try {
    const result = await build({
      entryPoints: [absolutePath],
      // Never written: it only anchors the source map's paths.
      outfile: join(dir, "homelab.config.nixjs.mjs"),
      absWorkingDir: dir,
      write: false,
      bundle: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node}`,
      // Node's own resolution, not a bundler's: no `module` field or condition.
      mainFields: ["main"],
      conditions: [...(options.conditions ?? defaultConditions())],
      sourcemap: "external",
      sourcesContent: false,
      metafile: true,
      logLevel: "silent",
      plugins: [packagesStayImports(), ownImportMeta(loaded, meta)],
    });
    const js = result.outputFiles.find((f) => f.path.endsWith(".mjs"))!.text;
    const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith(".map"))!.text) as { sources: string[]; mappings: string };
    map.sources = map.sources.map((s) => pathToFileURL(resolve(dir, s)).href);
    // The values of the files' `import.meta` go on a first line of their own: every mapping
    // moves down one line.
    const declarations = [...meta].map(([name, value]) => `${name} = ${value}`);
    const head = declarations.length === 0 ? "" : `var ${declarations.join(", ")};`;
    map.mappings = `;${map.mappings}`;
    const inline = Buffer.from(JSON.stringify(map)).toString("base64");
    const inputs = inputsOf(result.metafile, dir);
    return { kind: "compiled", code: `${head}\n${js}\n//# sourceMappingURL=data:application/json;base64,${inline}\n`, inputs };
  } catch (error) {
    const messages = (error as Partial<BuildFailure>).errors;
    if (!Array.isArray(messages) || messages.length === 0) throw error;
    return { kind: "failed", ...describeErrors(messages, dir, cwd), inputs: [...loaded].sort() };
  }
}

/** `--conditions` of this process, and `@nixjs/source` when this file is the TypeScript source. */
function defaultConditions(): string[] {
  const conditions: string[] = [];
  const args = [...process.execArgv, ...(process.env["NODE_OPTIONS"]?.split(/\s+/) ?? [])];
  args.forEach((arg, i) => {
    const m = /^(?:--conditions|-C)(?:=(.+))?$/.exec(arg);
    const value = m === null ? undefined : m[1] ?? args[i + 1];
    if (value !== undefined) conditions.push(value);
  });
  if (import.meta.url.endsWith(".ts")) conditions.push("@nixjs/source");
  return [...new Set(conditions)];
}

/**
 * A bare import (`@nixjs/homelab`, `zod`) stays an import, to the absolute URL of the file it
 * resolves to (a `file:` URL stays as written); a bare import that resolves into the user's own files (a `paths` alias) is
 * bundled like a relative one. A package that cannot be found is an error at its line.
 */
function packagesStayImports(): Plugin {
  return {
    name: "nixjs-packages-stay-imports",
    setup(b: PluginBuild) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === RESOLVING || isBuiltin(args.path) || isAbsolute(args.path)) return undefined;
        // A `file:` URL is what Node imports as it is (esbuild does not read URLs): stays one.
        if (args.path.startsWith("file:")) return { path: args.path, external: true };
        const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: RESOLVING });
        if (found.errors.length > 0 || found.path === "") {
          const name = packageName(args.path);
          return { errors: [{ text: `cannot find package "${name}" (is it installed? npm install --save-dev ${name})` }] };
        }
        if (!isPackageFile(found.path, packageName(args.path))) return { path: found.path };
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

/**
 * Every bundled file keeps its own `import.meta.url` (`filename`, `dirname`): a config that
 * reads `new URL("./keys/host.pub", import.meta.url)` finds the file beside itself, not beside
 * the compiled module. Each occurrence becomes a variable of the very same length (so that no
 * column moves: call sites and errors stay exact), whose value {@link compileConfig} declares.
 * Records every file it loads (the watch command's module graph).
 */
function ownImportMeta(loaded: Set<string>, meta: Map<string, string>): Plugin {
  return {
    name: "nixjs-own-import-meta",
    setup(b: PluginBuild) {
      b.onLoad({ filter: SOURCE_EXTENSIONS }, (args) => {
        if (args.path.split(sep).includes("node_modules")) return undefined;
        loaded.add(args.path);
        const extension = /\.([a-z]+)$/.exec(args.path)![1] as keyof typeof LOADERS;
        const values = { url: pathToFileURL(args.path).href, filename: args.path, dirname: dirname(args.path) };
        const index = loaded.size;
        const contents = readFileSync(args.path, "utf8").replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (expression, field: keyof typeof values) => {
          // `__nixjs` + u/f/d + the file's number, padded to the expression's length.
          const prefix = `__nixjs${field[0]}`;
          const name = `${prefix}${String(index).padStart(expression.length - prefix.length, "0")}`;
          meta.set(name, JSON.stringify(values[field]));
          return name;
        });
        return { contents, loader: LOADERS[extension] };
      });
    },
  };
}

/** The name of the package a bare import names: `@scope/name` or `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Whether `file` belongs to package `name`: it is under `node_modules`, or its package.json says so. */
function isPackageFile(file: string, name: string): boolean {
  if (file.split(sep).includes("node_modules")) return true;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown };
      return manifest.name === name;
    } catch {
      if (dirname(dir) === dir) return false;
    }
  }
}

function inputsOf(metafile: Metafile, dir: string): string[] {
  return Object.keys(metafile.inputs)
    .filter((p) => !p.includes(":"))
    .map((p) => resolve(dir, p))
    .sort();
}

/** esbuild's errors as one message (and the first error's site), paths relative to `cwd`. */
function describeErrors(messages: readonly Message[], dir: string, cwd: string): { message: string; site?: string } {
  const where = (m: Message): string | undefined => {
    const l = m.location;
    if (l === null) return undefined;
    const file = relative(cwd, resolve(dir, l.file)).split(sep).join("/");
    return `${file}:${l.line}:${l.column + 1}`;
  };
  const lines = messages.map((m) => {
    const at = where(m);
    return at === undefined ? m.text : `${at}: ${m.text}`;
  });
  const first = where(messages[0]!);
  return {
    message: messages.length === 1 ? messages[0]!.text : `${messages.length} errors:\n${lines.map((l) => `  ${l}`).join("\n")}`,
    ...(first === undefined ? {} : { site: first }),
  };
}
