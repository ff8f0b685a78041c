import type { NixBinding } from "../ast/index.ts";
import { formatAttrName, isIdentifier, LITERAL_NAMES } from "../lexical/index.ts";
import { problem } from "./problem.ts";
import { staticName } from "./shape.ts";

/** The part of `Set<string>` the check uses. */
interface SeenNames {
  has(name: string): boolean;
  add(name: string): unknown;
}

/** A linear-scan set for the few names of a typical attribute set. */
class SmallSet implements SeenNames {
  private readonly names: string[] = [];
  has(name: string): boolean {
    return this.names.includes(name);
  }
  add(name: string): void {
    this.names.push(name);
  }
}

/**
 * A defined attribute: `null` for a value, a map for an attribute set it may merge into, a
 * set literal not entered yet.
 */
type Slot = Map<string, Slot> | null | Pending;

function display(names: readonly string[]): string {
  return names.map((n) => (isIdentifier(n) ? n : formatAttrName(n))).join(".");
}

/**
 * Checks the bindings of a set or `let` the way Nix's parser does, so the printed text
 * parses: no dynamic names in `inherit` (nor as the first name in `let`), and no attribute
 * defined twice. Attribute-set literals merge with paths into them (`a = { b = 1; }; a.c =
 * 2;` is fine), anything else conflicts (`a = x; a.b = 1;`, `inherit a; a.b = 1;`).
 * Dynamic names are only known at evaluation, so they are never conflicts here.
 *
 * `scope` is set for `let` and `rec { }`, whose names are variables in scope: binding
 * `true`, `false` or `null` there would change what those literals mean in it. (Quoted
 * names parse there too, they just cannot be referred to.)
 */
export function checkBindings(bindings: readonly NixBinding[], inLet: boolean, scope: boolean): void {
  // A set of names is faster than pairwise comparison only for larger sets.
  const seen: SeenNames = bindings.length > 16 ? new Set<string>() : new SmallSet();
  let collision = false;
  for (const b of bindings) {
    if (b.kind === "binding") {
      if (b.path.length === 0) problem(b, ".path", "an attribute path needs at least one name");
      const first = staticName(b.path[0]);
      if (first === undefined) {
        if (inLet) problem(b, ".path[0]", "dynamic attribute names are not allowed in let");
        continue;
      }
      if (scope) checkBinder(first, b, ".path[0]");
      if (seen.has(first)) collision = true;
      else seen.add(first);
      continue;
    }
    b.names.forEach((name, k) => {
      const s = staticName(name);
      if (s === undefined) problem(b, `.names[${k}]`, "dynamic attribute names are not allowed in inherit");
      if (scope) checkBinder(s, b, `.names[${k}]`);
      if (seen.has(s)) collision = true;
      else seen.add(s);
    });
  }
  if (collision) checkMerges(bindings);
}

function checkBinder(name: string, at: object, suffix: string): void {
  if (LITERAL_NAMES.has(name)) {
    problem(at, suffix, `binding \`${name}\` in a let or rec { } would shadow the literal \`${name}\` in its scope`);
  }
}

/** One set being checked: its defined names, its bindings, the next binding to check. */
interface Frame {
  readonly map: Map<string, Slot>;
  readonly list: readonly NixBinding[];
  readonly prefix: readonly string[];
  next: number;
}

/**
 * A set literal bound at the top of the checked set, not entered yet: its names are only
 * needed if a later binding reaches into it (`a = { … }; a.c = 1;`). In a module that merges
 * `containers.a = { … }` and `containers.b = { … }`, entering every container's whole
 * configuration would cost as much as printing it.
 */
class Pending {
  constructor(
    readonly list: readonly NixBinding[],
    readonly prefix: readonly string[],
  ) {}
}

/**
 * The slow path, only when two bindings start with the same name: a trie of defined
 * attributes. Bindings are entered in source order through an explicit stack (no recursion,
 * however deep the set literals nest), so the binding reported is the later one, as Nix
 * reports it. Set literals at the top are entered when a later binding reaches into them.
 */
function checkMerges(bindings: readonly NixBinding[]): void {
  insert(new Map(), bindings, [], true);
}

/** Enters `list` into `root`; with `lazy`, set literals bound by `list` itself are {@link Pending}. */
function insert(root: Map<string, Slot>, list: readonly NixBinding[], prefix: readonly string[], lazy: boolean): void {
  const stack: Frame[] = [{ map: root, list, prefix, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.list.length) {
      stack.pop();
      continue;
    }
    const b = frame.list[frame.next++] as NixBinding;
    const { map, prefix } = frame;
    if (b.kind === "inherit") {
      b.names.forEach((name, k) => {
        const s = staticName(name);
        if (s === undefined) return;
        if (map.has(s)) problem(b, `.names[${k}]`, `attribute '${display([...prefix, s])}' is already defined`);
        map.set(s, null);
      });
      continue;
    }
    let cur = map;
    const names = [...prefix];
    for (let k = 0; k < b.path.length; k++) {
      const s = staticName(b.path[k] as NonNullable<(typeof b.path)[number]>);
      if (s === undefined) break;
      names.push(s);
      const existing = cur.get(s);
      if (k < b.path.length - 1) {
        if (existing === null) {
          problem(b, `.path[${k}]`, `attribute '${display(names)}' is already defined as a value that is not an attribute set literal`);
        }
        if (existing === undefined) {
          const fresh = new Map<string, Slot>();
          cur.set(s, fresh);
          cur = fresh;
        } else cur = existing instanceof Pending ? expand(cur, s, existing) : existing;
        continue;
      }
      const isSet = b.value.kind === "attrs";
      if (existing === undefined) {
        if (!isSet) cur.set(s, null);
        else if (lazy && stack.length === 1) cur.set(s, new Pending(b.value.bindings, names));
        else {
          const fresh = new Map<string, Slot>();
          cur.set(s, fresh);
          stack.push({ map: fresh, list: b.value.bindings, prefix: names, next: 0 });
        }
      } else if (existing !== null && isSet) {
        const into = existing instanceof Pending ? expand(cur, s, existing) : existing;
        stack.push({ map: into, list: b.value.bindings, prefix: names, next: 0 });
      } else {
        problem(b, `.path[${k}]`, `attribute '${display(names)}' is already defined`);
      }
    }
  }
}

/** Enters a pending set literal (all of it, depth-first) into a map that replaces it. */
function expand(owner: Map<string, Slot>, name: string, pending: Pending): Map<string, Slot> {
  const map = new Map<string, Slot>();
  owner.set(name, map);
  insert(map, pending.list, pending.prefix, false);
  return map;
}
