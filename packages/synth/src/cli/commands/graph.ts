/**
 * `nixjs graph`: the topology of the config's homelab as SVG (laid out by ELK), Mermaid or
 * JSON, on stdout or into `--out`. It loads the config as synth does (the same errors, the same
 * messages) but neither validates nor synthesises: it draws what the config declares.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { GraphArgs } from "../args.ts";
import type { CommandIo } from "../main.ts";

/**
 * Runs `nixjs graph`: 0 when written, 1 for builder input errors, 2 for a config that does not
 * load or a file that cannot be written.
 * @example process.exitCode = await runGraph({ config: "homelab.config.ts", format: "svg", out: "topology.svg" }, { stdout: process.stdout, stderr: process.stderr })
 */
export async function runGraph(args: GraphArgs, io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { loadConfig } = await import("../../config/load-config.ts");
  const loaded = await loadConfig(resolve(cwd, args.config), args.config);
  if (loaded.kind === "failed") {
    io.stderr.write(`error: ${loaded.message}\n${loaded.site === undefined ? "" : `  at ${loaded.site}\n`}`);
    return 2;
  }
  if (loaded.kind === "invalid") {
    const { formatDiagnostics } = await import("../../report/diagnostics.ts");
    const { paint, useColor } = await import("../../report/color.ts");
    io.stderr.write(formatDiagnostics(loaded.diagnostics, paint(useColor(io.stderr.isTTY ?? false, io.env ?? process.env, false))));
    return 1;
  }
  const text = await render(args, loaded.lab);
  if (args.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    writeFileSync(resolve(cwd, args.out), text);
  } catch (error) {
    io.stderr.write(`error: cannot write ${args.out}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr.write(`graph: wrote ${args.out} (${args.format})\n`);
  return 0;
}

async function render(args: GraphArgs, lab: import("@nixjs/homelab").Homelab): Promise<string> {
  const { topologyJson, topologyMermaid } = await import("@nixjs/homelab");
  switch (args.format) {
    case "json":
      return topologyJson(lab);
    case "mermaid":
      return topologyMermaid(lab);
    case "svg":
      return (await import("../../graph/index.ts")).topologySvg(lab);
  }
}
