/**
 * The path of `target` inside `root`, written like `body.bindings[3].value.items[0]`
 * (`"(root)"` for the root itself), or `undefined` if it is not there. Depth-first with an
 * explicit stack and a visited set: the tree may be 10,000 levels deep and may share
 * subtrees. Only runs when printing fails, so it may be slow.
 * @example astPath(file, badNode) // "body.bindings[0].value"
 */
export function astPath(root: object, target: object): string | undefined {
  if (root === target) return "(root)";
  const objects: object[] = [root];
  const paths: string[] = [""];
  const seen = new Set<object>([root]);
  while (objects.length > 0) {
    const obj = objects.pop() as object;
    const path = paths.pop() as string;
    const entries = Array.isArray(obj)
      ? obj.map((v, i) => [`[${i}]`, v] as const)
      : Object.keys(obj).map((k) => [path === "" ? k : `.${k}`, (obj as Record<string, unknown>)[k]] as const);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [step, value] = entries[i] as readonly [string, unknown];
      if (typeof value !== "object" || value === null || seen.has(value)) continue;
      if (value === target) return path + step;
      seen.add(value);
      objects.push(value);
      paths.push(path + step);
    }
  }
  return undefined;
}
