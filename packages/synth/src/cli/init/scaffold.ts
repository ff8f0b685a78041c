/**
 * The files of a new homelab repository (`nixjs init`), as path → text: pure, given the
 * template's config text and the versions to depend on.
 */
import type { TemplateName } from "../args.ts";
import { initReadme } from "./readme.ts";

/** What the scaffold depends on, besides the template. */
export interface ScaffoldOptions {
  /** The package's name: the directory's name, made a valid npm name. */
  readonly name: string;
  /** The template's `homelab.config.ts`. */
  readonly config: string;
  /** The host name the template's config uses (for the README's deploy command). */
  readonly hostName: string;
  /** Version ranges of the dev dependencies, by package name. */
  readonly versions: Readonly<Record<string, string>>;
}

/**
 * Every file `nixjs init` writes, in the order it writes them.
 * @example scaffold("podman-caddy", { name: "my-homelab", config, hostName: "server", versions }).get("package.json")
 */
export function scaffold(template: TemplateName, options: ScaffoldOptions): ReadonlyMap<string, string> {
  return new Map([
    ["package.json", packageJson(options)],
    ["tsconfig.json", TSCONFIG],
    ["homelab.config.ts", options.config],
    [".gitignore", GITIGNORE],
    ["README.md", initReadme({ name: options.name, template, hostName: options.hostName })],
  ]);
}

/**
 * `package.json`: an ES module package (as the config is written), private (a homelab is not
 * published), the nixjs packages and the TypeScript to check the config with as dev
 * dependencies, and one script per command.
 */
function packageJson(options: ScaffoldOptions): string {
  const manifest = {
    name: options.name,
    version: "0.1.0",
    private: true,
    description: "A NixOS homelab, described in homelab.config.ts; `npm run synth` writes its flake into server/",
    type: "module",
    scripts: {
      synth: "nixjs synth",
      check: "nixjs check",
      diff: "nixjs diff",
      watch: "nixjs watch",
      typecheck: "tsc",
    },
    devDependencies: Object.fromEntries(Object.entries(options.versions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * `tsconfig.json`: the strictest settings nixjs itself is written with, for the config and the
 * files it imports; nothing is emitted (nixjs compiles the config when it loads it).
 */
const TSCONFIG = `// Type-checks homelab.config.ts (and any file it imports) as strictly as nixjs itself is
// written: \`npm run typecheck\`, or your editor. Nothing is emitted: nixjs compiles the config
// itself whenever it loads it.
{
  "compilerOptions": {
    "target": "ES2023",
    "lib": ["ES2023"],
    // nixjs bundles the config (as esbuild does): packages resolve as for a bundler, and the
    // config is an ES module whatever package.json's "type" says.
    "module": "preserve",
    "moduleResolution": "bundler",
    "types": ["node"],
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "verbatimModuleSyntax": true,
    "isolatedModules": true,
    "allowImportingTsExtensions": true,
    "resolveJsonModule": true,
    "skipLibCheck": true,
    "noEmit": true
  },
  "include": ["**/*.ts"],
  "exclude": ["node_modules", "server"]
}
`;

/** `.gitignore`: dependencies and synth's transient files; `server/` is committed. */
const GITIGNORE = `node_modules/
# synth's transient files (server/.nixjs-manifest.json, its record of what it wrote, is committed)
.nixjs-staging/
.nixjs.lock*
# server/ itself is committed: a flake only sees the files git tracks.
`;

/**
 * A valid npm package name from a directory's name: lower case, accents dropped, runs of
 * other characters made `-`, never empty.
 * @example packageName("My Homelab!") // "my-homelab"
 */
export function packageName(dirName: string): string {
  const name = dirName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9._~-]+/g, "-").replace(/^[-._~]+|[-._~]+$/g, "");
  return name === "" ? "homelab" : name.slice(0, 214);
}
