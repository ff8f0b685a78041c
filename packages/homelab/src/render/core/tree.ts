import { n, type NixAttrName, type NixBinding, type NixExpr, type NixTrivia } from "@nixjs/expr-printer";
import { structuralKey } from "./structural-key.ts";

interface Entry {
  readonly name: NixAttrName;
  value: NixExpr | AttrTree;
  trivia?: NixTrivia;
}

/**
 * An attribute set under construction, kept in insertion order (the renderer chooses an order
 * that reads well; nothing here sorts). When emitted, chains of single-entry sets collapse
 * into attribute paths, as a Nix maintainer writes them:
 * `tls.certResolver = "le";`, `bindMounts."/key".isReadOnly = true;`.
 * @example
 * const t = new AttrTree();
 * t.set(["networking", "firewall", "allowedTCPPorts"], n.list([80]));
 * t.toAttrs(); // { networking.firewall.allowedTCPPorts = [ 80 ]; }
 */
export class AttrTree {
  readonly #entries = new Map<string, Entry>();

  get size(): number {
    return this.#entries.size;
  }

  /** Sets the value at `path`, creating intermediate sets; comments go on the first name. */
  set(path: readonly NixAttrName[], value: NixExpr | AttrTree, trivia?: NixTrivia): this {
    const [head, ...rest] = path;
    if (head === undefined) throw new RangeError("AttrTree.set: empty path");
    const key = nameKey(head);
    const existing = this.#entries.get(key);
    if (rest.length === 0) {
      if (existing !== undefined) throw new Error(`AttrTree: ${describe(head)} is set twice`);
      this.#entries.set(key, { name: head, value, ...(trivia === undefined ? {} : { trivia }) });
      return this;
    }
    let child: AttrTree;
    if (existing === undefined) {
      child = new AttrTree();
      this.#entries.set(key, { name: head, value: child, ...(trivia === undefined ? {} : { trivia }) });
    } else if (existing.value instanceof AttrTree) {
      child = existing.value;
      if (trivia !== undefined && existing.trivia === undefined) existing.trivia = trivia;
    } else {
      throw new Error(`AttrTree: ${describe(head)} is both a value and a set`);
    }
    child.set(rest, value);
    return this;
  }

  /** The sub-tree at `path`, created when missing. */
  at(path: readonly NixAttrName[]): AttrTree {
    let tree: AttrTree = this;
    for (const name of path) {
      const key = nameKey(name);
      const existing = tree.#entries.get(key);
      if (existing === undefined) {
        const child = new AttrTree();
        tree.#entries.set(key, { name, value: child });
        tree = child;
      } else if (existing.value instanceof AttrTree) {
        tree = existing.value;
      } else {
        throw new Error(`AttrTree: ${describe(name)} is a value, not a set`);
      }
    }
    return tree;
  }

  /**
   * The bindings of this set, single-entry chains collapsed into attribute paths, and members
   * bound to the variable of their own name (`domain = domain;`) written as one `inherit`
   * first, as `toNix` does and a Nix author would (the same thing in a set that is not `rec`).
   */
  toBindings(): NixBinding[] {
    const out: NixBinding[] = [];
    const inherited: string[] = [];
    for (const entry of this.#entries.values()) {
      if (isSelfReference(entry)) {
        inherited.push(entry.name as string);
        continue;
      }
      const path: NixAttrName[] = [entry.name];
      let value = entry.value;
      while (value instanceof AttrTree && value.#entries.size === 1) {
        const only = [...value.#entries.values()][0] as Entry;
        if (only.trivia !== undefined) break;
        path.push(only.name);
        value = only.value;
      }
      const expr = value instanceof AttrTree ? value.toAttrs() : value;
      out.push(n.bind(path, expr, entry.trivia));
    }
    if (inherited.length > 0) out.unshift(n.inherit(inherited.sort(byCodeUnits)));
    return out;
  }

  toAttrs(): NixExpr {
    return n.attrs(this.toBindings());
  }
}

/**
 * One binding for `tree` under `path`, collapsing like {@link AttrTree.toBindings}:
 * `age.secrets.x.file = …;` for a single entry, `age.secrets = { … };` otherwise.
 */
export function bindTree(path: readonly NixAttrName[], tree: AttrTree, trivia?: NixTrivia): NixBinding {
  const wrapper = new AttrTree();
  wrapper.set(path, tree, trivia);
  const [only] = wrapper.toBindings();
  return only as NixBinding;
}

/** `name = name;`: a member bound to the variable of its own name, without comments. */
function isSelfReference({ name, value, trivia }: Entry): boolean {
  return (
    typeof name === "string" &&
    trivia === undefined &&
    !(value instanceof AttrTree) &&
    value.kind === "ident" &&
    value.name === name
  );
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nameKey(name: NixAttrName): string {
  return typeof name === "string" ? `s:${name}` : `e:${structuralKey(name)}`;
}

function describe(name: NixAttrName): string {
  return typeof name === "string" ? JSON.stringify(name) : "a dynamic attribute";
}
