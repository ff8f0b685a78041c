/**
 * Runs a builder's schema once and turns every zod issue into a {@link Diagnostic} naming the
 * field and the call site; throws one {@link HomelabInputError} listing all of them.
 */
import type { Zod } from "../schema/zod.ts";
import { HomelabInputError } from "../errors/input-error.ts";
import { formatSite, formatVia, type Diagnostic, type SourceSite } from "../model/index.ts";
import { protoKeyProblems, type InputProblem } from "../schema/problems.ts";
import { describeValue, formatPath, knownKeysAt, suggest } from "./issues.ts";

/** Who is parsing: `container("immich")` at its call site. */
export interface CallInfo {
  readonly label: string;
  readonly site: SourceSite;
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

function toDiagnostics(
  schema: Zod.ZodType,
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
  site: string,
  out: Diagnostic[],
): void {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union") {
      const branch = unionBranch(issue);
      if (branch !== undefined) {
        toDiagnostics(schema, branch, path, site, out);
        continue;
      }
    }
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const hint = suggest(key, known);
        out.push({
          severity: "error",
          code: "unknown-option",
          path: formatPath([...path, key]),
          message: `unknown option "${key}"${hint === undefined ? "" : `; did you mean "${hint}"?`}`,
          site,
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
      severity: "error",
      code: missing ? "missing-option" : issue.code === "invalid_type" ? "invalid-type" : "invalid-value",
      path: formatPath(path),
      message,
      site,
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
  // Only a failing call reads its site: reading one formats the captured stack (see captureSite).
  const site = formatSite(call.site);
  const found: Diagnostic[] = leading.map((p) => problemDiagnostic(p, site));
  if (!result.success) toDiagnostics(schema, result.error.issues, [], site, found);
  for (const p of problems) found.push(problemDiagnostic(p, site));
  const via = formatVia(call.site);
  const diagnostics = via.length === 0 ? found : found.map((d) => ({ ...d, via }));
  if (diagnostics.length > 0) throw new HomelabInputError(call.label, site, diagnostics);
  return (result as { data: Zod.output<S> }).data;
}

function problemDiagnostic(p: InputProblem, site: string): Diagnostic {
  return { severity: "error", code: p.code ?? "invalid-value", path: formatPath(p.path), message: p.message, site };
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
