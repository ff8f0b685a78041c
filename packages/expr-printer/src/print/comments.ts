import type { NixTrivia } from "../ast/index.ts";
import { concat, emptyline, hardline, lines, text, type Doc } from "../doc/index.ts";
import { stringProblem } from "../lexical/index.ts";
import { problem } from "./problem.ts";

/**
 * `# text` lines. A comment string with line breaks becomes several lines; CR counts as a
 * line break (Nix ends a `#` comment at CR too, so an embedded CR would turn the rest of the
 * comment into code). Trailing spaces are dropped; an empty line is a bare `#`.
 */
export function commentLines(comments: readonly string[], at: object, suffix: string): Doc[] {
  const out: Doc[] = [];
  comments.forEach((comment, i) => {
    const reason = stringProblem(comment);
    if (reason !== undefined) problem(at, `${suffix}[${i}]`, `comment ${reason}`);
    for (const raw of comment.split(/\r\n|\r|\n/)) {
      const line = raw.trimEnd();
      out.push(line === "" ? "#" : text(`# ${line}`), hardline);
    }
  });
  return out;
}

/**
 * Items of a set, `let` or list, one per line: each preceded by its comments, and by a
 * blank line when it asks for one (not before the first item). `trivia[i]` is the object
 * carrying item i's trivia (a binding, a commented list item), or undefined.
 */
export function itemLines(
  docs: readonly Doc[],
  trivia: readonly (NixTrivia | undefined)[] | null,
  separator: Doc,
): Doc {
  if (trivia === null && separator === hardline) return lines(docs);
  const out: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    const t = trivia === null ? undefined : trivia[i];
    if (i > 0) out.push(t?.blankLineBefore === true ? emptyline : separator);
    if (t?.comments !== undefined && t.comments.length > 0) {
      out.push(...commentLines(t.comments, t, ".comments"));
    }
    out.push(docs[i] as Doc);
  }
  return concat(out);
}
