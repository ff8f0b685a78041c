/**
 * The literal-secret check inside the Nix expressions a `config` holds (`n.attrs`, `n.call`,
 * `n.let`, `n.str` …): every string is read under the attribute names that lead to it, so an
 * `n.attrs({ password: "…" })` is judged like the plain `{ password: "…" }`, and in the context
 * it lands in — the text of a script or file when it is an argument of a writer
 * (`pkgs.writeText`, `writeShellScript`, `writeShellApplication { text }`, `runCommand`, …)
 * or an attribute that holds one (`script`, `text`, `extraConfig`, `ExecStart`).
 * Interpolations are references (a secret's `path`, `config.…`), never literals.
 */
import { childExprs, type NixAttrName, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import type { ModelPath } from "../../diagnostics/path.ts";
import { classifyTemplate, type LiteralSecretFinding, type TemplatePart, type ValueContext } from "../literal-secrets/index.ts";

/** Options whose text is a script or a file's content: read line by line. */
export const SCRIPT_KEYS: ReadonlySet<string> = new Set([
  "script", "preStart", "postStart", "preStop", "postStop", "reload", "text", "extraConfig", "extraCommands",
  "extraStopCommands", "shellInit", "interactiveShellInit", "loginShellInit", "initExtra", "ExecStart", "ExecStartPre",
  "ExecStartPost", "ExecStop", "ExecReload", "globalConfig", "buildCommand", "checkPhase",
]);
/** Attribute sets of process environment variables. */
const ENVIRONMENT_KEYS: ReadonlySet<string> = new Set(["environment", "environmentVariables", "Environment", "env", "variables", "sessionVariables"]);

/**
 * Nix functions whose string arguments become a script or a file in the store: nixpkgs'
 * trivial builders (`writeText`, `writeTextFile`, `writeShellScript(Bin)`, `writeScript(Bin)`,
 * `writeShellApplication`), `pkgs.writers.write*` (`writeBash`, `writePython3`, `writeYAML` …),
 * `runCommand*` (its last argument is the build script), `builtins.toFile`.
 */
const WRITERS = /^write[A-Z][A-Za-z0-9]*$|^(toFile|runCommand|runCommandLocal|runCommandCC|runCommandNoCC)$/;

/**
 * Where a value at `keyPath` sits: a script's text, an environment variable, or option data.
 * @example contextOf(["systemd", "services", "app", "script"]) // "script"
 * @example contextOf(["systemd", "services", "app", "environment", "TOKEN"]) // "environment"
 */
export function contextOf(keyPath: ModelPath): ValueContext {
  const key = keyPath[keyPath.length - 1];
  if (typeof key === "string" && SCRIPT_KEYS.has(key)) return "script";
  return keyPath.slice(0, -1).some((k) => typeof k === "string" && ENVIRONMENT_KEYS.has(k)) ? "environment" : "config";
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

/** An attribute name as the rules read it: static names as written, a dynamic one as nothing they know. */
function nameOf(name: NixAttrName): string {
  if (typeof name === "string") return name;
  if (name.kind === "string" && name.parts.every((p) => typeof p === "string")) return name.parts.join("");
  return "${…}";
}

/** A string or attribute set to read, with the names that lead to it and where it lands. */
interface Frame {
  readonly e: NixExpr;
  /** The names the rules read (attribute paths, and `let` names). */
  readonly keyPath: ModelPath;
  /** The attribute path a finding is reported at (through attribute sets only). */
  readonly at: ModelPath;
  readonly context: ValueContext;
}

/**
 * Every literal secret inside `root`, an AST node at `keyPath` of a config, with the path it
 * sits at. Iterative: a deep expression does not exhaust the stack.
 * @example literalSecretsInExpr(n.attrs({ password: "hunter2" }), ["services", "app", "settings"]) // [{ at: [..., "password"], finding }]
 */
export function literalSecretsInExpr(root: NixExpr, keyPath: ModelPath): { readonly at: ModelPath; readonly finding: LiteralSecretFinding }[] {
  const out: { at: ModelPath; finding: LiteralSecretFinding }[] = [];
  const stack: Frame[] = [{ e: root, keyPath, at: keyPath, context: contextOf(keyPath) }];
  const bindings = (list: readonly NixBinding[], f: Frame, extendsAt: boolean): void => {
    for (let i = list.length - 1; i >= 0; i--) {
      const b = list[i]!;
      if (b.kind !== "binding") continue;
      const names = b.path.map(nameOf);
      const path = [...f.keyPath, ...names];
      stack.push({ e: b.value, keyPath: path, at: extendsAt ? [...f.at, ...names] : f.at, context: contextOf(path) });
    }
  };
  while (stack.length > 0) {
    const f = stack.pop()!;
    const e = f.e;
    switch (e.kind) {
      case "string":
      case "indentedString": {
        const parts: TemplatePart[] = e.parts.map((p) => (typeof p === "string" ? p : { opaque: true as const }));
        const finding = classifyTemplate(f.keyPath, parts, f.context);
        if (finding !== undefined) out.push({ at: f.at, finding });
        break;
      }
      case "attrs":
        bindings(e.bindings, f, true);
        continue;
      case "let":
        stack.push({ ...f, e: e.body });
        bindings(e.bindings, f, false);
        continue;
      case "apply":
        if (WRITERS.test(calleeName(e.fn) ?? "")) {
          // The file's text, and a writer's attribute set (`{ name; text; }`) read as a script's.
          for (let i = e.args.length - 1; i >= 0; i--) stack.push({ ...f, e: e.args[i]!, context: "script" });
          continue;
        }
        break;
      default:
        break;
    }
    const kids = childExprs(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ ...f, e: kids[i]! });
  }
  return out;
}
