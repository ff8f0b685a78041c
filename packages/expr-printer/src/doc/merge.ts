import { concat } from "./concat.ts";
import { group, priorityGroup, transparentGroup } from "./group.ts";
import { nest } from "./nest.ts";
import { hardspace, line, softSpace } from "./spacing.ts";
import { offset } from "./offset.ts";
import { OFFSET_SHIFT, Tag, type Doc } from "./types.ts";

/** Depth up to which {@link hardspaceThen} looks for the first spacing of a doc. */
const MAX_DEPTH = 64;

/**
 * A hard space followed by `doc`, merged as nixfmt's `fixup` merges them: when `doc` starts
 * (through groups, nests and concats) with a soft spacing, the space sinks into that spacing
 * — nothing-or-break becomes space-or-break (`line`), a space-or-break stays one — so that
 * the break happens inside `doc`'s group and leaves no space at the end of the line. Before
 * anything else, it stays a hard space.
 * @example hardspaceThen(group(concat([softline, "x:", line, "x"]))) // group(concat([line, "x:", line, "x"]))
 */
export function hardspaceThen(doc: Doc): Doc {
  return merged(doc, 0) ?? concat([hardspace, doc]);
}

function merged(d: Doc, depth: number): Doc | undefined {
  if (typeof d === "string" || depth > MAX_DEPTH) return undefined;
  switch (d.tag) {
    case Tag.Softline:
    case Tag.Line:
      return line;
    case Tag.SoftBreak:
    case Tag.SoftSpace:
      return softSpace;
    case Tag.Concat: {
      const parts = d.content as readonly Doc[];
      const first = parts.length > 0 ? merged(parts[0] as Doc, depth + 1) : undefined;
      return first === undefined ? undefined : concat([first, ...parts.slice(1)]);
    }
    case Tag.Nest: {
      const inner = merged(d.content as Doc, depth + 1);
      return inner === undefined ? undefined : nest(inner);
    }
    case Tag.Offset: {
      const inner = d.content === null ? undefined : merged(d.content as Doc, depth + 1);
      return inner === undefined ? undefined : offset(d.flags >>> OFFSET_SHIFT, inner);
    }
    case Tag.Group:
    case Tag.Priority:
    case Tag.Transparent: {
      const inner = merged(d.content as Doc, depth + 1);
      if (inner === undefined) return undefined;
      return d.tag === Tag.Group ? group(inner) : d.tag === Tag.Priority ? priorityGroup(inner) : transparentGroup(inner);
    }
    default:
      return undefined;
  }
}
