import { describe, expect, it } from "vitest";
import { parseCommand } from "./args.ts";

const defaults = { config: "homelab.config.ts", out: "server", mode: "write", json: false, force: false, quiet: false, strict: false };

describe("parseCommand", () => {
  it("has defaults, and takes the command word synth optionally", () => {
    expect(parseCommand([])).toEqual({ kind: "synth", args: defaults });
    expect(parseCommand(["synth"])).toEqual({ kind: "synth", args: defaults });
    // The command word may follow options, and an option's value is never a command word.
    expect(parseCommand(["-q", "synth"])).toEqual({ kind: "synth", args: { ...defaults, quiet: true } });
    expect(parseCommand(["--out", "watch"])).toEqual({ kind: "synth", args: { ...defaults, out: "watch" } });
  });

  it("reads every option of synth", () => {
    expect(parseCommand(["synth", "--config", "c.ts", "--out=o", "--check", "--json", "--force", "-q", "--strict"])).toEqual({
      kind: "synth",
      args: { config: "c.ts", out: "o", mode: "check", json: true, force: true, quiet: true, strict: true },
    });
    expect(parseCommand(["--dry-run"])).toMatchObject({ args: { mode: "dry-run" } });
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["-v"])).toEqual({ kind: "version" });
  });

  it("check is synth --check", () => {
    expect(parseCommand(["check", "--out", "o", "--json"])).toEqual({ kind: "synth", args: { ...defaults, out: "o", mode: "check", json: true } });
  });

  it("reads diff, watch and init", () => {
    expect(parseCommand(["diff", "--config", "c.ts", "--strict"])).toEqual({ kind: "diff", args: { config: "c.ts", out: "server", strict: true, quiet: false } });
    expect(parseCommand(["watch", "--out", "o", "--force", "-q"])).toEqual({ kind: "watch", args: { config: "homelab.config.ts", out: "o", force: true, strict: false, quiet: true } });
    expect(parseCommand(["init"])).toEqual({ kind: "init", args: { dir: ".", template: "nspawn-traefik" } });
    expect(parseCommand(["init", "lab", "--template", "podman-caddy"])).toEqual({ kind: "init", args: { dir: "lab", template: "podman-caddy" } });
    expect(parseCommand(["init", "-t", "podman-caddy", "lab"])).toEqual({ kind: "init", args: { dir: "lab", template: "podman-caddy" } });
  });

  it("reads graph: the format from --format, else from --out's extension, else svg", () => {
    expect(parseCommand(["graph"])).toEqual({ kind: "graph", args: { config: "homelab.config.ts", format: "svg" } });
    expect(parseCommand(["graph", "--out", "docs/topology.svg"])).toEqual({ kind: "graph", args: { config: "homelab.config.ts", out: "docs/topology.svg", format: "svg" } });
    expect(parseCommand(["graph", "--out", "t.MMD"])).toMatchObject({ args: { format: "mermaid" } });
    expect(parseCommand(["graph", "--out", "t.json", "--config", "c.ts"])).toEqual({ kind: "graph", args: { config: "c.ts", out: "t.json", format: "json" } });
    // --format wins over the extension, and needs none.
    expect(parseCommand(["graph", "--out", "t.txt", "-f", "mermaid"])).toMatchObject({ args: { out: "t.txt", format: "mermaid" } });
    expect(parseCommand(["--format", "json", "graph"])).toMatchObject({ kind: "graph", args: { format: "json" } });
    expect(parseCommand(["help", "graph"])).toEqual({ kind: "help", command: "graph" });
  });

  it("help: --help of a command, `help <command>`, and the list of commands", () => {
    expect(parseCommand(["diff", "--help"])).toEqual({ kind: "help", command: "diff" });
    expect(parseCommand(["help", "watch"])).toEqual({ kind: "help", command: "watch" });
    expect(parseCommand(["help"])).toEqual({ kind: "help" });
    expect(parseCommand(["init", "-h"])).toEqual({ kind: "help", command: "init" });
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["deploy"], "unknown command 'deploy' (the commands are init, synth, check, diff, watch, graph)"],
    [["help", "deploy"], "unknown command 'deploy'"],
    [["synth", "extra"], "unexpected argument 'extra'"],
    [["diff", "extra"], "unexpected argument 'extra'"],
    [["--check", "--dry-run"], "cannot be combined"],
    [["check", "--dry-run"], "Unknown option '--dry-run'"],
    [["diff", "--json"], "Unknown option '--json'"],
    [["watch", "--check"], "Unknown option '--check'"],
    [["--config"], "argument missing"],
    [["--out="], "--out needs a path"],
    [["--check=yes"], "does not take an argument"],
    [["init", "a", "b"], "unexpected argument 'b'"],
    [["init", "--template", "k8s"], "unknown template 'k8s' (the templates are nspawn-traefik, podman-caddy)"],
    [["init", "--config", "x.ts"], "Unknown option '--config'"],
    [["graph", "--format", "png"], "unknown format 'png' (the formats are svg, mermaid, json)"],
    [["graph", "--out", "topology.png"], "cannot tell the format of topology.png from its extension (.svg, .mmd, .json): give --format svg|mermaid|json"],
    [["graph", "--out="], "--out needs a path"],
    [["graph", "--check"], "Unknown option '--check'"],
    [["graph", "extra"], "unexpected argument 'extra'"],
  ])("%j is a usage error", (argv, message) => {
    const command = parseCommand(argv);
    expect(command.kind).toBe("usage-error");
    if (command.kind === "usage-error") expect(command.message).toContain(message);
  });
});
