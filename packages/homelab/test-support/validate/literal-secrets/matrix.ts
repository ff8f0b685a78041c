/**
 * Row builders for the detection matrix: one row per case, with a short note saying what it
 * exercises and the severity it must get (`"none"` for the cases that must not be flagged).
 */
import type { KeyPath, TemplatePart, ValueContext } from "../../../src/validate/literal-secrets/types.ts";

export type Expect = "error" | "warning" | "none";

export type Case =
  | { readonly kind: "value"; readonly path: KeyPath; readonly value: string | number | bigint; readonly context: ValueContext }
  | { readonly kind: "template"; readonly path: KeyPath; readonly parts: readonly TemplatePart[]; readonly context: ValueContext }
  /** `index`: the argument that must be reported (positive rows). */
  | { readonly kind: "command"; readonly args: readonly string[]; readonly index?: number };

export interface Row {
  readonly note: string;
  readonly expect: Expect;
  readonly case: Case;
}

/** An opaque interpolation (a reference). */
export const REF = { opaque: true } as const;

const PODMAN_ENV = ["virtualisation", "oci-containers", "containers", "app", "environment"];
const PODMAN_LABELS = ["virtualisation", "oci-containers", "containers", "app", "labels"];
const SCRIPT = ["systemd", "services", "app", "script"];

/** Dotted option path to a key path; `[n]` segments become list indices, `"…"` quotes a name with dots. */
export function pathOf(dotted: string): KeyPath {
  const out: (string | number)[] = [];
  for (const m of dotted.matchAll(/"([^"]*)"|\[(\d+)\]|([^.[\]"]+)/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3]!);
  }
  return out;
}

/** A Podman environment variable. */
export const env = (key: string, value: string | number, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: { kind: "value", path: [...PODMAN_ENV, key], value, context: "environment" },
});

/** NixOS option data at a dotted path. */
export const cfg = (dotted: string, value: string | number | bigint, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: { kind: "value", path: pathOf(dotted), value, context: "config" },
});

/** A container label. */
export const label = (key: string, value: string, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: { kind: "value", path: [...PODMAN_LABELS, key], value, context: "label" },
});

/** The text of a script or generated file. */
export const script = (text: string, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: { kind: "value", path: SCRIPT, value: text, context: "script" },
});

/** An interpolated string. */
export const tpl = (dotted: string, parts: readonly TemplatePart[], context: ValueContext, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: { kind: "template", path: pathOf(dotted), parts, context },
});

/** A command line; `index` is the argument holding the secret (positive rows). */
export const cmd = (args: readonly string[], index: number | undefined, note: string, expect: Expect = "error"): Row => ({
  note,
  expect,
  case: index === undefined ? { kind: "command", args } : { kind: "command", args, index },
});
