/**
 * Secrets in plain text, wherever a config can hold one: NixOS configuration at any depth
 * (key names in any style, credential-shaped values, the literal parts of interpolated strings,
 * scripts and generated files), a Podman container's environment, labels and command line, the
 * configuration and environment files written for a container.
 * Everything written in TypeScript lands in the world-readable Nix store. The detector is
 * `../literal-secrets/`; this check walks the model and reports what it finds, except literals
 * the user declared public with `publicValue("…", "why")`.
 */
import { walkConfig } from "../../config/walk.ts";
import { atContainer, type Located } from "../../facts/located.ts";
import type { PodmanContainer } from "../../model/index.ts";
import type { CheckContext } from "../context.ts";
import { classifyCommandLine, classifyValue, type LiteralSecretFinding } from "../literal-secrets/index.ts";
import { contextOf, literalSecretsInExpr } from "./literal-secrets-expr.ts";
import { literalSecretsInFiles } from "./literal-secrets-files.ts";

const OPT_OUT = 'if it really is public, wrap it: publicValue("…", "why it is public")';

function report(ctx: CheckContext, at: Located, finding: LiteralSecretFinding): void {
  ctx.report.add(finding.severity, finding.code, at, `${finding.reason}: ${finding.fix}; ${OPT_OUT}`);
}

function checkConfig(ctx: CheckContext, value: unknown, at: Located): void {
  walkConfig(value, {
    scalar(v, keyPath) {
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "bigint") return;
      const f = classifyValue(keyPath, v, contextOf(keyPath));
      if (f !== undefined) report(ctx, { ...at, path: [...at.path, ...keyPath] }, f);
    },
    expr(e, keyPath) {
      for (const found of literalSecretsInExpr(e, keyPath)) report(ctx, { ...at, path: [...at.path, ...found.at] }, found.finding);
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
  for (const c of ctx.facts.enabled) {
    if (c.backend === "podman") checkPodman(ctx, c);
    literalSecretsInFiles(c, (value, at) => checkConfig(ctx, value, at), (at, f) => report(ctx, at, f));
  }
  for (const config of ctx.facts.configs) checkConfig(ctx, config.value, config.at);
}
