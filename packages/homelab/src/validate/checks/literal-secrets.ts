/**
 * Secrets in plain text, wherever a config can hold one: NixOS configuration at any depth
 * (key names in any style, credential-shaped values, the literal parts of interpolated strings,
 * scripts and generated files), a Podman container's environment, labels and command line.
 * Everything written in TypeScript lands in the world-readable Nix store. The detector is
 * `../literal-secrets/`; this check walks the model and reports what it finds, except literals
 * the user declared public with `publicValue("…", "why")`.
 */
import { visitExprs, type NixExpr } from "@nixjs/expr-printer";
import { walkConfig } from "../../config/walk.ts";
import type { ModelPath } from "../../diagnostics/path.ts";
import { atContainer, type Located } from "../../facts/located.ts";
import type { PodmanContainer } from "../../model/index.ts";
import type { CheckContext } from "../context.ts";
import { classifyCommandLine, classifyTemplate, classifyValue, type LiteralSecretFinding, type TemplatePart, type ValueContext } from "../literal-secrets/index.ts";

const OPT_OUT = 'if it really is public, wrap it: publicValue("…", "why it is public")';

function report(ctx: CheckContext, at: Located, finding: LiteralSecretFinding): void {
  ctx.report.add(finding.severity, finding.code, at, `${finding.reason}: ${finding.fix}; ${OPT_OUT}`);
}

/** Options whose text is a script or a file's content: read line by line. */
const SCRIPT_KEYS: ReadonlySet<string> = new Set([
  "script", "preStart", "postStart", "preStop", "postStop", "reload", "text", "extraConfig", "extraCommands",
  "extraStopCommands", "shellInit", "interactiveShellInit", "loginShellInit", "initExtra", "ExecStart", "ExecStartPre",
  "ExecStartPost", "ExecStop", "ExecReload", "globalConfig",
]);
/** Attribute sets of process environment variables. */
const ENVIRONMENT_KEYS: ReadonlySet<string> = new Set(["environment", "environmentVariables", "Environment", "env", "variables", "sessionVariables"]);
/** Nix functions whose string arguments become a script or a file in the store. */
const WRITERS = /^write(Text|TextFile|ShellScript|ShellScriptBin|Script|ScriptBin|TextDir)$|^(writeShellApplication|toFile)$/;

/** Where a value at `keyPath` sits: a script's text, an environment variable, or option data. */
function contextOf(keyPath: ModelPath): ValueContext {
  const key = keyPath[keyPath.length - 1];
  if (typeof key === "string" && SCRIPT_KEYS.has(key)) return "script";
  return keyPath.slice(0, -1).some((k) => typeof k === "string" && ENVIRONMENT_KEYS.has(k)) ? "environment" : "config";
}

function partsOf(parts: readonly (string | NixExpr)[]): TemplatePart[] {
  return parts.map((p) => (typeof p === "string" ? p : { opaque: true as const }));
}

/** The last name of an applied function: `pkgs.writeText` → `writeText`. */
function calleeName(e: NixExpr): string | undefined {
  if (e.kind === "ident") return e.name;
  if (e.kind === "select") {
    const last = e.path[e.path.length - 1];
    return typeof last === "string" ? last : undefined;
  }
  return undefined;
}

/** Every string inside an AST node the user wrote, read in the context it lands in. */
function inExpr(root: NixExpr, keyPath: ModelPath, context: ValueContext, found: (f: LiteralSecretFinding) => void): void {
  const scripts = new Set<NixExpr>();
  visitExprs(root, (e) => {
    if (e.kind === "apply" && WRITERS.test(calleeName(e.fn) ?? "")) for (const a of e.args) scripts.add(a);
    if (e.kind !== "string" && e.kind !== "indentedString") return true;
    const f = classifyTemplate(keyPath, partsOf(e.parts), scripts.has(e) ? "script" : context);
    if (f !== undefined) found(f);
    return true;
  });
}

function checkConfig(ctx: CheckContext, value: unknown, at: Located): void {
  walkConfig(value, {
    scalar(v, keyPath) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") return;
      const f = classifyValue(keyPath, v, contextOf(keyPath));
      if (f !== undefined) report(ctx, { ...at, path: [...at.path, ...keyPath] }, f);
    },
    expr(e, keyPath) {
      inExpr(e, keyPath, contextOf(keyPath), (f) => report(ctx, { ...at, path: [...at.path, ...keyPath] }, f));
    },
  });
}

function isPublic(c: PodmanContainer, path: readonly (string | number)[]): boolean {
  return c.publicPaths.some((p) => p.length === path.length && p.every((k, i) => k === path[i]));
}

function checkPodman(ctx: CheckContext, c: PodmanContainer): void {
  for (const [field, context] of [["environment", "environment"], ["labels", "label"]] as const) {
    for (const [name, value] of Object.entries(c[field])) {
      if (isPublic(c, [field, name])) continue;
      const f = classifyValue([name], value, context);
      if (f !== undefined) report(ctx, atContainer(c, field, name), f);
    }
  }
  const commands: [field: "cmd" | "extraOptions" | "entrypoint", args: readonly string[]][] = [
    ["cmd", c.cmd],
    ["extraOptions", c.extraOptions],
    ["entrypoint", c.entrypoint === undefined ? [] : [c.entrypoint]],
  ];
  for (const [field, args] of commands) {
    for (const { index, finding } of classifyCommandLine(args)) {
      const at = field === "entrypoint" ? [field] : [field, index];
      if (!isPublic(c, at)) report(ctx, atContainer(c, ...at), finding);
    }
  }
}

export function checkLiteralSecrets(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) if (c.backend === "podman") checkPodman(ctx, c);
  for (const config of ctx.facts.configs) checkConfig(ctx, config.value, config.at);
}
