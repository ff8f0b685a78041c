/** ANSI styles, or identity functions when colour is off. */
export interface Paint {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty
 * (no-color.org) or when the output is JSON.
 * @example paint(useColor(process.stdout.isTTY, process.env, false)).red("error")
 */
export function paint(enabled: boolean): Paint {
  if (!enabled) return { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
  return { red: style(31, 39), yellow: style(33, 39), green: style(32, 39), cyan: style(36, 39), dim: style(2, 22), bold: style(1, 22) };
}

/** Whether to colour: a TTY, no `NO_COLOR`, not JSON. */
export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>, json: boolean): boolean {
  const noColor = env["NO_COLOR"];
  return isTTY && !json && (noColor === undefined || noColor === "");
}
