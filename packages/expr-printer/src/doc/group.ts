import { DocNode, Flag, Tag, type Doc } from "./types.ts";

function makeGroup(tag: Tag, content: Doc, expand: boolean): Doc {
  // Text alone has nothing to break, but a group of it printed in the middle of a line is
  // printed flat, which leaves nixfmt's indentation levels alone (see `write.ts`).
  if (typeof content === "string") {
    const w = content.length;
    return new DocNode(tag, content, w, w, w, expand ? Flag.Hard : 0);
  }
  const inner = content.flags;
  let flags = inner & (Flag.Hard | Flag.Breakable);
  if (expand) flags |= Flag.Hard;
  if (inner & Flag.HasPriority) {
    flags |= Flag.InnerPriority;
    if (tag === Tag.Transparent) flags |= Flag.HasPriority;
  }
  if (tag === Tag.Priority) flags |= Flag.HasPriority;
  return new DocNode(tag, content, content.width, content.head, content.tail, flags);
}

/**
 * A group: printed flat (every `line` a space, every `softline` nothing) when it fits in the
 * rest of the line, together with whatever follows it up to the next possible line break;
 * otherwise its own spacings break and its inner groups decide for themselves. A group that
 * contains a hard line break never fits. `expand` forces it to break.
 * @example group(concat(["[", nest(concat([line, "a"])), line, "]"])) // [ a ]
 */
export function group(content: Doc, expand = false): Doc {
  return makeGroup(Tag.Group, content, expand);
}

/**
 * A priority group (nixfmt's `Priority`): when the enclosing group does not fit, the engine
 * first tries to print everything before and after this group flat and only this one
 * broken — the last argument of `mkDerivation {` … `}` — trying priority groups from the
 * last to the first; if none works, the enclosing group breaks as usual.
 * @example group(concat(["f", line, priorityGroup(setDoc)]))
 */
export function priorityGroup(content: Doc): Doc {
  return makeGroup(Tag.Priority, content, false);
}

/**
 * A transparent group (nixfmt's `Transparent`): laid out like a group, but when its parent
 * looks for priority groups it looks through this one.
 * @example group(concat([transparentGroup(concat(["f", line, priorityGroup(a)])), line, b]))
 */
export function transparentGroup(content: Doc): Doc {
  return makeGroup(Tag.Transparent, content, false);
}
