import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";

/**
 * A file's top-level bindings in commented groups with a blank line between groups, the way
 * seed 000 lays out a container file ("# Traefik routing", "# Container").
 * @example new Sections().add("Container", [n.bind("containers.x.autoStart", true)]).toAttrs()
 */
export class Sections {
  readonly #bindings: NixBinding[] = [];

  /** Adds a group; `comment` goes above its first binding. An empty group is dropped. */
  add(comment: string | readonly string[] | undefined, bindings: readonly NixBinding[]): this {
    const [first, ...rest] = bindings;
    if (first === undefined) return this;
    const comments = [
      ...(comment === undefined ? [] : typeof comment === "string" ? [comment] : comment),
      ...(first.comments ?? []),
    ];
    const trivia = {
      ...(comments.length > 0 ? { comments } : {}),
      ...(this.#bindings.length > 0 ? { blankLineBefore: true } : {}),
    };
    const lead =
      first.kind === "binding"
        ? n.bind(first.path, first.value, trivia)
        : n.inherit(first.names, first.from, trivia);
    this.#bindings.push(lead, ...rest);
    return this;
  }

  get isEmpty(): boolean {
    return this.#bindings.length === 0;
  }

  toAttrs(): NixExpr {
    return n.attrs(this.#bindings);
  }
}

/** Non-empty lines of a free-text description, for `#` comments. */
export function descriptionLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
}
