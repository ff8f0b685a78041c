/** Turning what a config threw into words and a line of the config, never a raw stack. */
import { pathToFileURL } from "node:url";

/**
 * `Error: no such host`, with the config's absolute path (a compile error names it so)
 * replaced by the name the user gave.
 * @example describeThrown(new Error("x"), "/repo/homelab.config.ts", "homelab.config.ts") // "Error: x"
 */
export function describeThrown(error: unknown, absolutePath: string, displayName: string): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : `a non-Error value was thrown: ${String(error)}`;
  return raw.split(pathToFileURL(absolutePath).href).join(displayName).split(absolutePath).join(displayName);
}

/**
 * `homelab.config.ts:12:5` from the first stack frame in the config file, or `undefined`.
 * @example siteInConfig(error, "/repo/homelab.config.ts", "homelab.config.ts")
 */
export function siteInConfig(error: unknown, absolutePath: string, displayName: string): string | undefined {
  const stack = error instanceof Error ? error.stack ?? "" : "";
  const url = pathToFileURL(absolutePath).href;
  for (const line of stack.split("\n")) {
    for (const where of [url, absolutePath]) {
      const at = line.indexOf(`${where}:`);
      if (at < 0) continue;
      const match = /^:(\d+):(\d+)/.exec(line.slice(at + where.length));
      if (match) return `${displayName}:${match[1]}:${match[2]}`;
    }
  }
  return undefined;
}
