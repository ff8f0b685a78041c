import { describe, expect, it } from "vitest";
import { parseCommand } from "./args.ts";

describe("parseCommand", () => {
  it("has defaults, and takes the command word synth optionally", () => {
    const defaults = { config: "homelab.config.ts", out: "server", mode: "write", json: false, force: false, quiet: false, strict: false };
    expect(parseCommand([])).toEqual({ kind: "synth", args: defaults });
    expect(parseCommand(["synth"])).toEqual({ kind: "synth", args: defaults });
  });

  it("reads every option", () => {
    expect(parseCommand(["synth", "--config", "c.ts", "--out=o", "--check", "--json", "--force", "-q", "--strict"])).toEqual({
      kind: "synth",
      args: { config: "c.ts", out: "o", mode: "check", json: true, force: true, quiet: true, strict: true },
    });
    expect(parseCommand(["--dry-run"])).toMatchObject({ args: { mode: "dry-run" } });
    expect(parseCommand(["--help"])).toEqual({ kind: "help" });
    expect(parseCommand(["-v"])).toEqual({ kind: "version" });
  });

  it.each([
    [["--bogus"], "Unknown option '--bogus'"],
    [["deploy"], "unexpected argument 'deploy'"],
    [["synth", "extra"], "unexpected argument 'extra'"],
    [["--check", "--dry-run"], "cannot be combined"],
    [["--config"], "argument missing"],
    [["--out="], "--out needs a path"],
    [["--check=yes"], "does not take an argument"],
  ])("%j is a usage error", (argv, message) => {
    const command = parseCommand(argv);
    expect(command.kind).toBe("usage-error");
    if (command.kind === "usage-error") expect(command.message).toContain(message);
  });
});
