import { readFileSync } from "node:fs";

/** `--help`: usage, every option, the exit codes. */
export const HELP = `Usage: npx tsx synth [options]
       nixjs synth [options]

Reads homelab.config.ts, validates it, and writes the NixOS flake it describes into server/.
Nothing is written when validation fails or a file would be lost; the whole tree switches
at once (a synth interrupted at any point is finished or undone by the next one).

Options:
  --config <file>  the config module (default: homelab.config.ts)
  --out <dir>      the output directory (default: server)
  --check          write nothing; exit 1 and print a unified diff of every file that would
                   change, removals included (for CI)
  --dry-run        print what would change; write nothing
  --json           print diagnostics and the file plan as one JSON document on stdout
  --force          overwrite or delete generated files edited by hand, and files nixjs did
                   not write, instead of refusing
  --strict         treat warnings as errors
  -q, --quiet      print only errors
  -h, --help       print this help
  -v, --version    print the version

Exit codes:
  0  success (with --check: the output directory is up to date)
  1  --check found files that differ, or the config has validation errors
  2  usage error; the config could not be loaded; an I/O error; another synth holds the
     lock; or synth refused to overwrite or delete a file (it names the file; --force
     overrides)

Files synth keeps in the output directory:
  .nixjs-manifest.json  what synth wrote (path, sha256): commit it
  .nixjs.lock           held while a synth runs
  .nixjs-staging/       new files and the journal of a synth in progress
Colour is used on a terminal unless NO_COLOR is set.
`;

/**
 * The version of `@nixjs/synth`.
 * @example version() // "0.1.0"
 */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
