/**
 * A config is a program, and can fail in ways a module import does not report by itself: end
 * the process, await forever, throw from a callback after loading, reject builder input many
 * times over. The real command (`synth.ts` under tsx, as `npx tsx synth` runs it) in a child
 * process, for each: exit code, the exact message, no raw stack, and nothing written.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDirsPerTest } from "../../test-support/fixtures.ts";
import { REPO_ROOT, ROOT_SYNTH, runScript } from "../../test-support/spawn.ts";

const cwd = tempDirsPerTest();
/** No raw stack: no "    at fn (file:line)" frames. */
const STACK_FRAME = /^ {4}at (.+ \()?(file:\/\/|\/|node:)/m;
const HOMELAB = JSON.stringify(`${REPO_ROOT}packages/homelab/src/index.ts`);
/**
 * A lab without warnings (a boot loader, which the machine's hardware module would otherwise
 * bring): whether a late throw lands before or after validation, stderr is the error alone.
 */
const LAB = `homelab({ hostName: "x", domain: "example.org", stateVersion: "25.11", services: [service("boot", { config: { boot: { loader: { "systemd-boot": { enable: true } } } } })] })`;

/** A project whose config is `lines`, in a package of module type (top-level await allowed). */
function project(lines: readonly string[]): string {
  const dir = cwd();
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "homelab.config.ts"), [`import { container, homelab, secret, service } from ${HOMELAB};`, ...lines, ""].join("\n"));
  return dir;
}

function synth(dir: string, args: readonly string[] = []) {
  const r = runScript(ROOT_SYNTH, args, { cwd: dir });
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(existsSync(join(dir, "server"))).toBe(false);
  return r;
}

describe("a config that ends or stalls the process", () => {
  it("process.exit() while loading is an error naming the config and the line (exit 2), also for --check", () => {
    const dir = project(["process.exit(0);", `export default ${LAB};`]);
    const expected = "error: homelab.config.ts called process.exit(0) while loading; a config must not end the process: remove the call (throw an Error to stop with a message)\n  at homelab.config.ts:2:9\n";
    expect(synth(dir)).toMatchObject({ code: 2, stderr: expected });
    expect(synth(dir, ["--check"])).toMatchObject({ code: 2, stderr: expected });
  });

  it("process.exit() from a callback after loading is one too (exit 2, not 0)", () => {
    const dir = project(["setTimeout(() => process.exit(0), 0);", `export default ${LAB};`]);
    const r = synth(dir, ["--check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: homelab\.config\.ts called process\.exit\(0\) (after loading, while synth ran|while loading); a config must not end the process: remove the call\n {2}at homelab\.config\.ts:2:\d+\n$/);
  });

  it("a top-level await that never settles (exit 2, not Node's silent 13)", () => {
    const dir = project(["await new Promise(() => {});", `export default ${LAB};`]);
    expect(synth(dir)).toMatchObject({
      code: 2,
      stderr: "error: homelab.config.ts never finished loading: it waits for something that never happens (a top-level await on a promise nothing settles?); nothing was written\n",
    });
  });

  it("a throw from a timer or an unhandled rejection (exit 2, not 1, the code for drift)", () => {
    const thrown = synth(project(['setTimeout(() => { throw new Error("late"); }, 0);', `export default ${LAB};`]), ["--check"]);
    expect(thrown.code).toBe(2);
    expect(thrown.stderr).toMatch(/^error: homelab\.config\.ts threw (after loading, while synth ran|while loading): Error: late \(from a callback or a promise it started\)\n {2}at homelab\.config\.ts:2:26\n$/);
    const rejected = synth(project(['void Promise.reject(new TypeError("nope"));', `export default ${LAB};`]));
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/^error: homelab\.config\.ts threw (after loading, while synth ran|while loading): TypeError: nope \(from a callback or a promise it started\)\n {2}at homelab\.config\.ts:2:\d+\n$/);
  });
});

describe("builder input errors: all of one config at once", () => {
  it("six bad images and a bad secret in one run, each with its own call site (exit 1)", () => {
    const images = ["nginx", "redis", "postgres", "traefik", "alpine", "busybox"];
    const dir = project([
      `const images = ${JSON.stringify(images)};`,
      "const bad = secret(\"bad name\");",
      "export default homelab({",
      '  hostName: "x", domain: "example.org", stateVersion: "25.11",',
      "  containers: images.map((image, i) =>",
      "    container(`app${i}`, { backend: \"podman\", image })),",
      "});",
    ]);
    const r = synth(dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n");
    for (const [i, image] of images.entries()) {
      expect(lines).toContain(`    error[invalid-value] container("app${i}").image: the image has no tag: pin a version, e.g. "${image}:1.2.3"`);
    }
    expect(r.stderr).toContain('error[invalid-value] secret("bad name").name: expected a secret name');
    expect(r.stderr.match(/ at homelab\.config\.ts:7:5$/gm)).toHaveLength(6);
    expect(r.stderr).toContain("synth stopped: 7 errors, 0 warnings in homelab.config.ts; nothing was written");
  });

  it("a builder called inside a helper names the whole chain of calls", () => {
    const dir = project([
      "function app(name: string, port: number) {",
      '  return container(name, { ports: [port] });',
      "}",
      "export default homelab({",
      '  hostName: "x", domain: "example.org", stateVersion: "25.11",',
      "  containers: [app(\"a\", 80), app(\"b\", 70000)],",
      "});",
    ]);
    const r = synth(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      ['    error[invalid-value] container("b").ports[0]: expected a port 1–65535, got 70000', "      at homelab.config.ts:3:10", "      called from homelab.config.ts:7:30"].join("\n"),
    );
  });

  it("the config's own throw after a rejected call is reported with it", () => {
    const dir = project(['const s = secret("bad name");', 'if (s.name === "invalid") throw new Error("no secret");', `export default ${LAB};`]);
    const r = synth(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[invalid-value] secret("bad name").name');
    expect(r.stderr).toContain("error[config-load-failed] homelab.config.ts could not be loaded: Error: no secret");
  });
});
