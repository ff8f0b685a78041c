/**
 * Child script of `container.test.ts` (run as `node --allow-natives-syntax --import tsx …`):
 * builds containers of every backend and shape, and prints, as JSON, how many distinct field
 * lists they have and how many distinct V8 hidden classes (maps). Objects with the same fields
 * in the same order should share one hidden class; when they do not, every property read of
 * the model in `validate` and `render` becomes megamorphic (see `builders/container.ts`).
 */
import { container, traefikRoute } from "../../src/index.ts";

const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

const built: object[] = [];
for (let i = 0; i < 300; i++) {
  const name = `c${i}`;
  const route = traefikRoute({ subdomain: name, port: 8000 });
  if (i % 3 === 0) {
    const addresses = i % 2 === 0 ? { hostAddress: `10.1.0.${i % 250}`, localAddress: `10.2.0.${i % 250}` } : {};
    built.push(container(name, { ...addresses, ports: [8000], route, ...(i % 5 === 0 ? { description: "d" } : {}) }));
  } else if (i % 3 === 1) {
    built.push(container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", ports: ["8000:80"], route }));
  } else {
    built.push(container(name, { network: "host", ports: [{ port: 10_000 + i, address: "127.0.0.1" }] }));
  }
}
const classes: object[] = [];
for (const c of built) if (!classes.some((k) => haveSameMap(k, c))) classes.push(c);
const fieldLists = new Set(built.map((c) => Object.keys(c).join(",")));
process.stdout.write(`${JSON.stringify({ containers: built.length, fieldLists: fieldLists.size, hiddenClasses: classes.length })}\n`);
