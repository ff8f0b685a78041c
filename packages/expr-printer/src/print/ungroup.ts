import { Tag, type Doc } from "../doc/index.ts";

/**
 * The content of a plain group (sets and lists build grouped docs), for the places where
 * nixfmt uses the unwrapped term and puts it in a group of another kind, such as a priority
 * group.
 */
export function ungroup(doc: Doc): Doc {
  return typeof doc !== "string" && doc.tag === Tag.Group ? (doc.content as Doc) : doc;
}
