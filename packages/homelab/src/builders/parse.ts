/**
 * Runs a builder's schema once and turns every zod issue into a {@link Diagnostic} naming the
 * field and the call site; throws one {@link HomelabInputError} listing all of them.
 */
import type { Zod } from "../schema/zod.ts";
import { HomelabInputError } from "../errors/input-error.ts";
import type { DiagnosticCode } from "../diagnostics/codes.ts";
import type { ModelPath } from "../diagnostics/path.ts";
import type { Subject } from "../diagnostics/subject.ts";
import { formatSite, formatVia, type Diagnostic, type SourceSite } from "../model/index.ts";
import { protoKeyProblems, type InputProblem } from "../schema/problems.ts";
import { describeValue, knownKeysAt, suggest } from "./issues.ts";

/** Who is parsing: `container("immich")` at its call site. */
export interface CallInfo {
  readonly label: string;
  readonly site: SourceSite;
  /** The builder's name (`container`), when the label does not start with it. */
  readonly builder?: string;
  /** The call's name argument, for grouping its diagnostics with the part it makes. */
  readonly name?: string;
}

/** One problem of a call, before it becomes a diagnostic of the call. */
interface Found {
  readonly code: DiagnosticCode;
  readonly path: ModelPath;
  readonly message: string;
}

type Issue = Zod.core.$ZodIssue;

/** Default texts for issues whose schema has no message of its own. */
function defaultMessage(issue: Zod.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      switch (issue.expected) {
        case "object":
        case "record":
          return "expected an object";
        case "array":
          return "expected a list";
        case "string":
          return "expected a string";
        case "number":
        case "int":
          return "expected a number";
        case "boolean":
          return "expected true or false";
        default:
          return `expected ${issue.expected}`;
      }
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "too_big":
      return `expected at most ${String(issue.maximum)}`;
    case "too_small":
      return `expected at least ${String(issue.minimum)}`;
    default:
      return undefined;
  }
}

/** The branch of a union the input was meant for: the one that failed below its root. */
function unionBranch(issue: Extract<Issue, { code: "invalid_union" }>): readonly Issue[] | undefined {
  const deep = issue.errors.filter(
    (branch) => !(branch.length === 1 && branch[0]!.code === "invalid_type" && branch[0]!.path.length === 0),
  );
  return deep.length === 1 ? deep[0] : undefined;
}

function toDiagnostics(schema: Zod.ZodType, issues: readonly Issue[], prefix: readonly PropertyKey[], out: Found[]): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union") {
      const branch = unionBranch(issue);
      if (branch !== undefined) {
        toDiagnostics(schema, branch, path, out);
        continue;
      }
    }
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const hint = suggest(key, known);
        out.push({
          code: "unknown-option",
          path: modelPath([...path, key]),
          message: `unknown option "${key}"${hint === undefined ? "" : `; did you mean "${hint}"?`}`,
        });
      }
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    const missing = issue.code === "invalid_type" && input === undefined;
    // A bad record key: the key schema's own message says what a key must be.
    const text = issue.code === "invalid_key" && issue.issues[0] !== undefined ? issue.issues[0].message : issue.message;
    const message = missing
      ? `required option missing: ${text}`
      : "input" in issue && text.startsWith("expected")
        ? `${text}, got ${describeValue(input)}`
        : text;
    out.push({
      code: missing ? "missing-option" : issue.code === "invalid_type" ? "invalid-type" : "invalid-value",
      path: modelPath(path),
      message,
    });
  }
}

/**
 * Parses `input` with `schema`; on failure (or when `extra` finds problems) throws one
 * {@link HomelabInputError} with every problem. `extra` runs on the raw input even when the
 * schema fails (it must check the types it relies on), so cross-field mistakes and a bad name
 * argument are reported in the same run. `leading` problems (a bad name argument) come first.
 */
export function parseInput<S extends Zod.ZodType>(
  schema: S,
  input: unknown,
  call: CallInfo,
  extra?: (raw: unknown) => readonly InputProblem[],
  leading: readonly InputProblem[] = [],
): Zod.output<S> {
  const result = schema.safeParse(input, { reportInput: true, error: defaultMessage });
  const problems = [...protoKeyProblems(input), ...(extra === undefined ? [] : extra(input))];
  if (result.success && leading.length === 0 && problems.length === 0) return result.data;
  const found: Found[] = leading.map(fromProblem);
  if (!result.success) toDiagnostics(schema, result.error.issues, [], found);
  found.push(...problems.map(fromProblem));
  if (found.length === 0) return (result as { data: Zod.output<S> }).data;
  // Only a failing call reads its site: reading one formats the captured stack (see captureSite).
  const site = formatSite(call.site);
  const via = formatVia(call.site);
  const subject = callSubject(call);
  const diagnostics: Diagnostic[] = found.map((f) => ({
    severity: "error",
    code: f.code,
    subject,
    path: f.path,
    message: f.message,
    site,
    ...(via.length > 0 ? { via } : {}),
  }));
  throw new HomelabInputError(call.label, site, diagnostics);
}

/**
 * The subject of a call's diagnostics: the builder and the name it was given, read from the
 * label (`container("immich")`) unless the call says.
 */
function callSubject(call: CallInfo): Subject {
  const m = /^([A-Za-z]+)\((".*")\)$/s.exec(call.label);
  const builder = call.builder ?? m?.[1] ?? call.label.replace(/\(.*$/s, "");
  const name = call.name ?? (m?.[2] === undefined ? undefined : (JSON.parse(m[2]) as string));
  return { kind: "call", builder, label: call.label, ...(name === undefined ? {} : { name }) };
}

function fromProblem(p: InputProblem): Found {
  return { code: p.code ?? "invalid-value", path: p.path, message: p.message };
}

/** zod's path keys as a model path (symbols, which no option has, as text). */
function modelPath(path: readonly PropertyKey[]): ModelPath {
  return path.map((k) => (typeof k === "symbol" ? String(k) : k));
}

/** Problems of a positional argument (a name) checked with its own schema. */
export function argumentProblems(schema: Zod.ZodType, value: unknown, name: string): InputProblem[] {
  const result = schema.safeParse(value, { reportInput: true, error: defaultMessage });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: [name],
    message: `${issue.message}, got ${describeValue(value)}`,
  }));
}
