/**
 * nixjs as a user installs it. The public packages are packed (`pnpm pack`, which builds them)
 * and installed with npm from the tarballs into a fresh project outside the workspace, once;
 * then, in that project, through the installed `nixjs` bin: `init`, `synth` (every file parsed
 * by the real nix-instantiate), the generated tsconfig type-checking the config with 0 errors,
 * the same with a CommonJS package.json and with the podman-caddy template, `diff`, `check`
 * and `watch`. And the built packages against the sources in the workspace: the same bytes.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAll } from "../../packages/testkit/src/index.ts";
import { readTree } from "../../packages/synth/test-support/fixtures.ts";
import { packAndInstall, PUBLIC_PACKAGES, REPO, run, userEnv, type PackedInstall } from "../../packages/synth/test-support/packed-install.ts";
import { WatchSession } from "./watch-session.ts";

let install: PackedInstall;
beforeAll(() => {
  install = packAndInstall();
}, 900_000);
afterAll(() => {
  if (install !== undefined) rmSync(install.root, { recursive: true, force: true });
});

const npx = (args: readonly string[], cwd: string, allow: readonly number[] = []) => run("npx", args, cwd, { allow });
/** The installed bin, run directly (in a subfolder of the project, where npx would not look). */
const nixjs = (args: readonly string[], cwd: string, allow: readonly number[] = []) => run(join(install.project, "node_modules/.bin/nixjs"), args, cwd, { allow });
/** A new repository in a subfolder of the project (its node_modules are the project's). */
function newRepository(name: string, synth = true): string {
  nixjs(["init", name], install.project);
  const dir = join(install.project, name);
  if (synth) nixjs(["synth", "-q"], dir);
  return dir;
}
const generated = (dir: string) => readTree(join(dir, "server"), (p) => p === ".nixjs-manifest.json");
const NO_STACK = /^ {4}at (.+ \()?(file:\/\/|\/|node:)/m;

describe("the tarballs", () => {
  it("hold the build, the README and the LICENSE (the bin and templates for synth): no sources, tests or tsconfig", () => {
    for (const pkg of PUBLIC_PACKAGES) {
      const entries = run("tar", ["-tzf", install.tarballs[pkg]], install.root).stdout.trim().split("\n").map((e) => e.replace(/^package\//, ""));
      const allowed = (e: string): boolean =>
        ["package.json", "README.md", "LICENSE"].includes(e) ||
        /^dist\/.+\.(js|js\.map|d\.ts)$/.test(e) ||
        (pkg === "homelab" && e === "dist/THIRD-PARTY-LICENSES.txt") ||
        (pkg === "synth" && (e === "bin/nixjs.js" || /^templates\/[a-z-]+\/homelab\.config\.ts$/.test(e)));
      expect(entries.filter((e) => !allowed(e)), pkg).toEqual([]);
      for (const needed of ["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"]) expect(entries, `${pkg}: ${needed}`).toContain(needed);
      expect(entries.some((e) => /\.test\.|test-support|\.tsbuildinfo/.test(e)), pkg).toBe(false);
    }
    // zod's runtime is bundled into homelab; its licence goes with it.
    const notices = run("tar", ["-xzOf", install.tarballs.homelab, "package/dist/THIRD-PARTY-LICENSES.txt"], install.root).stdout;
    expect(notices).toMatch(/^zod \d+\.\d+\.\d+ \(bundled into dist\/\)\n\nMIT License\n/m);
  });

  it("have manifests with real version ranges, exports of the build only, fast-check an optional peer", () => {
    const manifest = (pkg: (typeof PUBLIC_PACKAGES)[number]) => JSON.parse(run("tar", ["-xzOf", install.tarballs[pkg], "package/package.json"], install.root).stdout);
    for (const pkg of PUBLIC_PACKAGES) {
      const m = manifest(pkg);
      expect(JSON.stringify(m), pkg).not.toMatch(/workspace:|@nixjs\/source|src\//);
      expect(m.exports["."], pkg).toEqual({ types: "./dist/index.d.ts", import: "./dist/index.js" });
      expect(m.license).toBe("MIT");
    }
    const version = manifest("synth").version as string;
    expect(manifest("synth").dependencies).toMatchObject({ "@nixjs/expr-printer": `^${version}`, "@nixjs/homelab": `^${version}` });
    expect(manifest("synth").bin).toEqual({ nixjs: "./bin/nixjs.js" });
    const homelab = manifest("homelab");
    expect(homelab.exports["./testing"]).toEqual({ types: "./dist/testing/index.d.ts", import: "./dist/testing/index.js" });
    expect(homelab.peerDependencies).toEqual({ "fast-check": "^4.0.0" });
    expect(homelab.peerDependenciesMeta).toEqual({ "fast-check": { optional: true } });
    expect(manifest("expr-printer").dependencies).toBeUndefined();
  });
});

describe("a new repository, through the installed bin", () => {
  it("npx nixjs init, npx nixjs synth: every file parses; tsc --noEmit with the generated tsconfig: 0 errors", () => {
    const dir = install.project;
    const init = npx(["nixjs", "init"], dir);
    expect(init.stdout).toContain("Created a nixjs homelab (template nspawn-traefik) in this directory:");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).type).toBe("module");
    const synth = npx(["nixjs", "synth"], dir);
    expect(synth.stdout).toMatch(/^synth: \d+ written, 0 unchanged, 0 removed in server\/ \(\d+\.\d\d s\)$/m);
    // Only the warnings every new repository gets, the README's next steps: the .age files and
    // the machine's hardware-configuration.nix are the user's to create.
    const expected = /warning\[(missing-secret-file|deploy-no-hardware)\]/;
    expect(synth.stderr.split("\n").filter((l) => /^\s+(error|warning)\[/.test(l) && !expected.test(l))).toEqual([]);
    expect(synth.stderr).toContain("warning[deploy-no-hardware]");
    const tree = generated(dir);
    expect([...tree.keys()]).toEqual(expect.arrayContaining(["flake.nix", "host.nix", "secrets/secrets.nix", "containers/authelia.nix"]));
    for (const [path, text] of tree) expect(text.startsWith("# Generated by nixjs from homelab.config.ts; edit that file and run `nixjs synth` to regenerate.\n"), path).toBe(true);
    parseAll([...tree.values()]);
    npx(["tsc", "--noEmit"], dir);
    // The libraries' declarations themselves are clean under these settings.
    npx(["tsc", "--noEmit", "--skipLibCheck", "false"], dir);
  });

  it("with a CommonJS package.json (as `npm init -y` writes): the same bytes, and still 0 type errors", () => {
    const dir = install.project;
    const before = readTree(join(dir, "server"));
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    delete manifest.type;
    writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(join(dir, "server"), { recursive: true });
    const synth = npx(["nixjs", "synth"], dir);
    expect(synth.stderr).not.toMatch(/^error/m);
    expect(readTree(join(dir, "server"))).toEqual(before);
    npx(["tsc", "--noEmit"], dir);
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ ...manifest, type: "module" }, null, 2)}\n`);
  });

  it("--template podman-caddy: synth parses, 0 type errors", () => {
    const init = npx(["nixjs", "init", "podman", "--template", "podman-caddy"], install.project);
    expect(init.stdout).toContain("Created a nixjs homelab (template podman-caddy) in podman/:");
    // Run from the folder with node_modules (as npx needs): the config and tree by path.
    npx(["nixjs", "synth", "--config", "podman/homelab.config.ts", "--out", "podman/server"], install.project);
    const tree = generated(join(install.project, "podman"));
    expect([...tree.keys()]).toEqual(expect.arrayContaining(["flake.nix", "containers/n8n.nix", "containers/postgres.nix"]));
    parseAll([...tree.values()]);
    npx(["tsc", "--noEmit", "-p", "podman"], install.project);
  });

  it("graph: the installed bin draws the new homelab with elkjs as installed from the registry", () => {
    const dir = newRepository("graphed", false);
    const svg = nixjs(["graph"], dir).stdout;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).toContain('<g class="host" data-id="host/server">');
    expect(nixjs(["graph", "--out", "topology.mmd"], dir).stderr).toBe("graph: wrote topology.mmd (mermaid)\n");
    expect(readFileSync(join(dir, "topology.mmd"), "utf8")).toMatch(/^flowchart LR\n {2}subgraph h0\["server<br>/);
  });

  it("init refuses to overwrite (exit 2, nothing written)", () => {
    const before = readFileSync(join(install.project, "homelab.config.ts"), "utf8");
    const again = npx(["nixjs", "init", "--template", "podman-caddy"], install.project, [2]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("error: nixjs init never overwrites a file");
    expect(readFileSync(join(install.project, "homelab.config.ts"), "utf8")).toBe(before);
  });

  it("diff shows a change as a unified diff (exit 0, no colour off a terminal); check fails on it; synth brings it up to date", () => {
    const dir = newRepository("diff-lab");
    expect(nixjs(["diff"], dir).stdout).toBe("");
    const config = readFileSync(join(dir, "homelab.config.ts"), "utf8");
    writeFileSync(join(dir, "homelab.config.ts"), config.replace("ports: [2283],", "ports: [2283, 2284],"));
    const diff = nixjs(["diff"], dir);
    expect(diff.stdout).toMatch(/^--- a\/server\/containers\/immich\.nix\n\+\+\+ b\/server\/containers\/immich\.nix\n@@ /);
    expect(diff.stdout).toContain("+          2284\n");
    expect(diff.stdout).not.toContain("\u001b[");
    expect(diff.stderr).toMatch(/^diff: 1 file differs in server\/ \(1 to write, 0 to remove\)/m);
    expect(nixjs(["check"], dir, [1]).status).toBe(1);
    nixjs(["synth"], dir);
    expect(nixjs(["check"], dir).status).toBe(0);
    expect(nixjs(["diff"], dir).stdout).toBe("");
  });

  it("watch: a change is synthesised; a broken config leaves the tree untouched; a fix recovers; Ctrl-C leaves no lock or staging", async () => {
    const dir = newRepository("watch-lab");
    const configPath = join(dir, "homelab.config.ts");
    const config = readFileSync(configPath, "utf8");
    const session = new WatchSession(join(install.project, "node_modules/.bin/nixjs"), [], dir);
    await session.next(/^watch: synth done; watching homelab\.config\.ts; Ctrl-C to stop\n/m);

    // A new container, in a file of its own that the config imports: both are watched now.
    writeFileSync(join(dir, "whoami.ts"), 'import { container } from "@nixjs/homelab";\nexport const whoami = container("whoami", { ports: [8080] });\n');
    writeFileSync(configPath, `import { whoami } from "./whoami.ts";\n${config.replace("  containers: [\n", "  containers: [\n    whoami,\n")}`);
    const added = await session.next(/^watch: synth done; watching 2 files \(homelab\.config\.ts, whoami\.ts\); Ctrl-C to stop\n/m);
    expect(added).toMatch(/^watch: homelab\.config\.ts changed\n/m);
    expect(added).toContain("created server/containers/whoami.nix");
    expect(existsSync(join(dir, "server/containers/whoami.nix"))).toBe(true);

    // Broken (in the imported file): the error with its line; the tree stays as it was.
    const before = readTree(join(dir, "server"));
    writeFileSync(join(dir, "whoami.ts"), 'import { container } from "@nixjs/homelab";\nexport const whoami = container("whoami", { ports: [8080] }));\n');
    const broken = await session.next(/^watch: synth failed \(exit 2\); watching 2 files .*\n/m);
    expect(broken).toMatch(/^watch: whoami\.ts changed\n/m);
    expect(broken).toContain("error: homelab.config.ts could not be compiled: ");
    expect(broken).toContain("  at whoami.ts:2:61\n");
    expect(broken).not.toMatch(NO_STACK);
    expect(readTree(join(dir, "server"))).toEqual(before);

    // An invalid value (a builder's error): reported with its call site; still untouched.
    writeFileSync(join(dir, "whoami.ts"), 'import { container } from "@nixjs/homelab";\nexport const whoami = container("whoami", { ports: [80800] });\n');
    const invalid = await session.next(/^watch: the config has errors, nothing was written; watching 2 files .*\n/m);
    expect(invalid).toContain('error[invalid-value] container("whoami").ports[0]: expected a port 1–65535, got 80800');
    expect(invalid).toContain("at whoami.ts:2:23");
    expect(readTree(join(dir, "server"))).toEqual(before);

    // Fixed, and the container removed again: the config alone is watched again.
    writeFileSync(configPath, config);
    const fixed = await session.next(/^watch: synth done; watching homelab\.config\.ts; Ctrl-C to stop\n/m);
    expect(fixed).toContain("deleted server/containers/whoami.nix");
    expect(existsSync(join(dir, "server/containers/whoami.nix"))).toBe(false);

    expect(await session.stop("SIGINT")).toBe(0);
    expect(session.output).toMatch(/^watch: stopped\n$/m);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(false);
    expect(existsSync(join(dir, "server/.nixjs-staging"))).toBe(false);
    expect(nixjs(["check"], dir).status).toBe(0);
  });
});

describe("watch, stopped while a synth writes", () => {
  it("Ctrl-C waits for the synth; a second Ctrl-C ends it, and what it left is recovered: no lock or staging", async () => {
    const dir = newRepository("interrupted-lab", false);
    // The synth the watch starts stops before its 6th disk change (holding the lock, staging the
    // new files) and waits there.
    const session = new WatchSession(join(install.project, "node_modules/.bin/nixjs"), [], dir, { NIXJS_INTERNAL_PAUSE_AT: "6" });
    await session.next(/^nixjs-paused 6 \d+ /m);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(true);
    process.kill(Number(/^nixjs-paused 6 (\d+) /m.exec(session.output)![1]), 0); // the synth is alive
    const exited = session.stop("SIGINT");
    await session.next(/^watch: stopping when the running synth has finished \(Ctrl-C again to end it now\)\n/m);
    void session.stop("SIGINT");
    expect(await exited).toBe(0);
    expect(session.output).toMatch(/^watch: stopped\n$/m);
    expect(existsSync(join(dir, "server/.nixjs.lock"))).toBe(false);
    expect(existsSync(join(dir, "server/.nixjs-staging"))).toBe(false);
    // It had not committed: nothing of it is in place, and the next synth writes everything.
    expect(existsSync(join(dir, "server/flake.nix"))).toBe(false);
    nixjs(["synth", "-q"], dir);
    expect(nixjs(["check"], dir).status).toBe(0);
  });
});

describe("the built packages against the sources", () => {
  const timeless = (text: string): string => text.replace(/\(\d+\.\d\d s\)/g, "(t)");
  const bin = join(REPO, "packages/synth/bin/nixjs.js");
  const sources = join(REPO, "synth.ts");
  const tsx = (args: readonly string[], allow: readonly number[] = []) => run("npx", ["tsx", sources, ...args], REPO, { allow });
  const built = (args: readonly string[], allow: readonly number[] = []) => run(process.execPath, [bin, ...args], REPO, { env: userEnv(), allow });

  it.each([
    ["homelab.config.ts", ".packaging-test/root"],
    ["examples/podman-media/homelab.config.ts", ".packaging-test/podman-media"],
    ["examples/nspawn-traefik-service/homelab.config.ts", ".packaging-test/nspawn-traefik-service"],
  ])("synth of %s: the same bytes, the same output", (config, out) => {
    const tree = join(REPO, out);
    try {
      const a = tsx(["synth", "--config", config, "--out", out]);
      const fromSources = readTree(tree);
      rmSync(tree, { recursive: true });
      const b = built(["synth", "--config", config, "--out", out]);
      expect(readTree(tree)).toEqual(fromSources);
      expect(timeless(b.stdout)).toBe(timeless(a.stdout));
      expect(b.stderr).toBe(a.stderr);
    } finally {
      rmSync(join(REPO, ".packaging-test"), { recursive: true, force: true });
    }
  });

  it("the same diagnostics, call sites and exit code for a config with errors; the same help", () => {
    const dir = join(REPO, ".packaging-test");
    try {
      run("mkdir", ["-p", dir], REPO);
      writeFileSync(join(dir, "lib.ts"), 'import { container } from "@nixjs/homelab";\nexport const app = (port: number) => container("app", { ports: [port] });\n');
      writeFileSync(
        join(dir, "bad.config.ts"),
        'import { homelab, secret } from "@nixjs/homelab";\nimport { app } from "./lib.ts";\nconst s = secret("bad name");\nexport default homelab({ hostName: "x", domain: "example.org", stateVersion: "25.05", containers: [app(70000)] });\n',
      );
      const args = ["synth", "--config", ".packaging-test/bad.config.ts", "--out", ".packaging-test/out"];
      const a = tsx(args, [1]);
      const b = built(args, [1]);
      expect(b.status).toBe(1);
      expect(b.stderr).toBe(a.stderr);
      expect(b.stderr).toContain("at .packaging-test/lib.ts:2:38\n      called from .packaging-test/bad.config.ts:4:100");
      expect(built(["--help"]).stdout).toBe(tsx(["--help"]).stdout);
      expect(built(["diff", "--help"]).stdout).toBe(tsx(["diff", "--help"]).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
