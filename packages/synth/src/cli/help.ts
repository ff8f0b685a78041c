import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CommandName } from "./args.ts";
import { packageRoot } from "./package-root.ts";

const EXIT_CODES = `Exit codes:
  0  success (with --check: the output directory is up to date)
  1  --check found files that differ, or the config has validation errors
  2  usage error; the config could not be loaded; an I/O error; another synth holds the
     lock; or synth refused to overwrite or delete a file (it names the file; --force
     overrides)
`;

const TARGET_OPTIONS = `  --config <file>  the config module (default: homelab.config.ts)
  --out <dir>      the output directory (default: server)`;

/** `nixjs --help`: every command, and where to read more. */
export const HELP = `Usage: nixjs <command> [options]

Commands:
  init [dir]   start a new homelab repository (package.json, tsconfig.json, a commented
               homelab.config.ts, .gitignore, README.md): --template nspawn-traefik
               (default) or podman-caddy
  synth        validate homelab.config.ts and write the NixOS flake it describes into
               server/ (the default command: \`nixjs\` alone is \`nixjs synth\`)
  check        synth --check: write nothing; exit 1 with a diff when server/ is stale (CI)
  diff         show what synth would change, as a unified diff per file; exit 0 either way
  watch        synth again on every change of the config or a file it imports

Run \`nixjs <command> --help\` for a command's options.
Options of every command:
  -h, --help       print the help (of the command, when one is given)
  -v, --version    print the version

${EXIT_CODES}
Colour is used on a terminal unless NO_COLOR is set.
`;

/** `nixjs synth --help`: usage, every option, the exit codes. */
export const SYNTH_HELP = `Usage: nixjs synth [options]
       npx tsx synth [options]   (inside the nixjs repository, from its sources)

Reads homelab.config.ts, validates it, and writes the NixOS flake it describes into server/.
Nothing is written when validation fails or a file would be lost; the whole tree switches
at once (a synth interrupted at any point is finished or undone by the next one).

Options:
${TARGET_OPTIONS}
  --check          write nothing; exit 1 and print a unified diff of every file that would
                   change, removals included (for CI; also \`nixjs check\`)
  --dry-run        print what would change; write nothing
  --json           print diagnostics and the file plan as one JSON document on stdout
  --force          overwrite or delete generated files edited by hand, and files nixjs did
                   not write, instead of refusing
  --strict         treat warnings as errors
  -q, --quiet      print only errors
  -h, --help       print this help
  -v, --version    print the version

${EXIT_CODES}
Files synth keeps in the output directory:
  .nixjs-manifest.json  what synth wrote (path, sha256): commit it
  .nixjs.lock           held while a synth runs
  .nixjs-staging/       new files and the journal of a synth in progress
Colour is used on a terminal unless NO_COLOR is set.
`;

/** `nixjs check --help`. */
export const CHECK_HELP = `Usage: nixjs check [options]

The same as \`nixjs synth --check\`: writes nothing; prints every file of server/ that differs
from what synth would write, with a unified diff, and exits 1 when one does (the CI gate).

Options:
${TARGET_OPTIONS}
  --json           print the result as one JSON document on stdout
  --strict         treat warnings as errors
  -q, --quiet      print only errors and the list of differing files
  -h, --help       print this help

${EXIT_CODES}`;

/** `nixjs diff --help`. */
export const DIFF_HELP = `Usage: nixjs diff [options]

Shows what \`nixjs synth\` would change in server/: a unified diff per file (git's a/ and b/
prefixes, removals included) on stdout, a summary on stderr. Writes nothing. Exits 0 whether
or not anything differs (\`nixjs check\` is the CI gate). Files edited by hand are shown too,
with a note: synth refuses to overwrite them unless given --force.

Options:
${TARGET_OPTIONS}
  --strict         treat warnings as errors
  -q, --quiet      print only errors and the diff
  -h, --help       print this help

Exit codes:
  0  the diff was shown (empty when server/ is up to date)
  1  the config has validation errors
  2  usage error; the config could not be loaded; an I/O error; another synth holds the lock
Colour is used on a terminal unless NO_COLOR is set.
`;

/** `nixjs watch --help`. */
export const WATCH_HELP = `Usage: nixjs watch [options]

Runs \`nixjs synth\` now and again on every change of the config or of any local file it
imports (found by following its imports; the set is updated after every run), a short while
after the last change. Each run prints its diagnostics and a one-line summary. A config that
does not load or validate leaves server/ untouched until it is fixed. Ctrl-C stops: a synth
that is running finishes first (a second Ctrl-C ends it at once; what it left is recovered),
so no lock or staging area stays behind.

Options:
${TARGET_OPTIONS}
  --force          as synth --force, on every run
  --strict         treat warnings as errors
  -q, --quiet      print only errors and the summaries
  -h, --help       print this help

Exit codes:
  0  stopped with Ctrl-C (SIGINT) or SIGTERM
  2  usage error
`;

/** `nixjs init --help`. */
export const INIT_HELP = `Usage: nixjs init [dir] [--template nspawn-traefik | podman-caddy]

Starts a new homelab repository in dir (default: the current directory; created when
missing): package.json (an ES module package with the nixjs packages as dev dependencies and
the scripts synth, check, diff and watch), a strict tsconfig.json, homelab.config.ts from the
template (commented, and synthesises as it is), .gitignore and a README with the next steps.
It never overwrites a file: when one exists, it lists what it would have written, writes
nothing and exits 2.

Templates:
  nspawn-traefik   NixOS containers (systemd-nspawn) behind Traefik, Authelia forward-auth,
                   agenix secrets (the default)
  podman-caddy     Podman containers behind Caddy, agenix secrets

Options:
  -t, --template <name>  the template (default: nspawn-traefik)
  -h, --help             print this help

Exit codes:
  0  the repository was written
  2  usage error; a file already exists (nothing was written); an I/O error
`;

/**
 * The help of `command`, or the list of commands.
 * @example helpText("diff").startsWith("Usage: nixjs diff")
 */
export function helpText(command?: CommandName): string {
  switch (command) {
    case undefined:
      return HELP;
    case "synth":
      return SYNTH_HELP;
    case "check":
      return CHECK_HELP;
    case "diff":
      return DIFF_HELP;
    case "watch":
      return WATCH_HELP;
    case "init":
      return INIT_HELP;
  }
}

/**
 * The version of `@nixjs/synth`.
 * @example version() // "0.1.0"
 */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
