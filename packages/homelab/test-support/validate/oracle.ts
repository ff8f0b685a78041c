/**
 * A brute-force oracle for the conflict checks, written independently of `validate` (it
 * shares only the allocator, which has its own properties): every pair of parts is compared
 * directly, O(n²). Test-only; `validate.property.test.ts` compares the two.
 */
import { allocateAddresses } from "../../src/allocate/index.ts";
import { onlyHost, proxyOf, type Container, type Homelab, type Route } from "../../src/model/index.ts";

/** The codes the oracle decides. */
export const ORACLE_CODES = [
  "duplicate-name",
  "address-conflict",
  "address-host-local",
  "address-reserved",
  "address-overlap",
  "disabled-would-conflict",
  "port-conflict",
  "route-host-conflict",
  "route-port-unserved",
  "traefik-missing",
  "caddy-missing",
  "route-auth-unknown",
  "route-auth-self",
  "depends-on-unknown",
] as const;

/** What the oracle expects: for each finding, its code, path and the paths it conflicts with. */
export interface Expected {
  readonly code: string;
  readonly path: string;
  /** Paths of the other side(s) of a pairwise conflict; empty for single-part checks. */
  readonly partners: readonly string[];
}

const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
const cpath = (c: Container) => `containers${quote(c.name)}`;

function ipToNumber(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

interface Item { path: string; key: string[] }

/** Pairwise: `i` is flagged when some `j ≠ i` clashes with it. */
function pairwise(code: string, items: readonly Item[], clash: (a: Item, b: Item) => boolean, out: Expected[]): void {
  items.forEach((a, i) => {
    const partners = items.filter((b, j) => j !== i && clash(a, b)).map((b) => b.path);
    if (partners.length > 0) out.push({ code, path: a.path, partners });
  });
}

export function oracle(lab: Homelab): Expected[] {
  const out: Expected[] = [];
  const host = onlyHost(lab);
  const traefik = proxyOf(host, "traefik");
  const caddy = proxyOf(host, "caddy");
  const all = host.containers;
  const on = all.filter((c) => c.enable);

  // Names.
  const named: Item[] = all.map((c) => ({ path: cpath(c), key: [c.name] }));
  if (traefik?.mode === "container") named.push({ path: "traefik", key: ["traefik"] });
  const nameItems = named.filter((n) => n.path !== "traefik");
  nameItems.forEach((a) => {
    const partners = named.filter((b) => b !== a && b.key[0] === a.key[0]).map((b) => b.path);
    if (partners.length > 0) out.push({ code: "duplicate-name", path: a.path, partners });
  });
  pairwise("duplicate-name", host.services.map((s) => ({ path: `services${quote(s.name)}`, key: [s.name] })), (a, b) => a.key[0] === b.key[0], out);

  // Addresses of enabled containers: given ones, or the allocator's for the first private
  // container of a name. The pool only governs allocation: a given address outside it is
  // fine unless it lies in Podman's networks; host sides may be shared.
  const [base, prefix] = host.network.pool.split("/") as [string, string];
  const lo = ipToNumber(base);
  const hi = lo + 2 ** (32 - Number(prefix)) - 1;
  const allocated = allocateAddresses(host);
  const podmanBridged = on.filter((c) => c.backend === "podman" && c.network !== "host");
  const podmanNets = [
    ...(podmanBridged.some((c) => c.backend === "podman" && c.networks.length === 0) ? [[ipToNumber("10.88.0.0"), 16] as const] : []),
    ...(podmanBridged.some((c) => c.backend === "podman" && c.networks.length > 0) ? [[ipToNumber("10.89.0.0"), 16] as const] : []),
  ];
  const owner = new Set<string>();
  const locals: Item[] = [];
  const hosts: Item[] = [];
  const offLocals: Item[] = [];
  const offHosts: Item[] = [];
  for (const c of all) {
    if (c.backend !== "nspawn" || c.network !== "private") continue;
    const first = !owner.has(c.name);
    owner.add(c.name);
    if (c.enable) {
      for (const field of ["hostAddress", "localAddress"] as const) {
        const given = c[field];
        if (given === undefined) continue;
        const v = ipToNumber(given);
        const octet = Math.floor(v / 2 ** 24);
        const inPool = v >= lo && v <= hi;
        if (v === lo || v === hi || octet === 0 || octet === 127 || octet >= 224) out.push({ code: "address-reserved", path: `${cpath(c)}.${field}`, partners: [] });
        else if (!inPool && podmanNets.some(([b, p]) => v >= b && v < b + 2 ** (32 - p))) out.push({ code: "address-overlap", path: `${cpath(c)}.${field}`, partners: [] });
      }
    } else if (first && c.localAddress === undefined || first && c.hostAddress === undefined) {
      if (!allocated.has(c.name)) out.push({ code: "disabled-would-conflict", path: cpath(c), partners: [] });
    }
    for (const field of ["hostAddress", "localAddress"] as const) {
      const effective = c[field] ?? (first ? allocated.get(c.name)?.[field] : undefined);
      if (effective === undefined) continue;
      const item = { path: `${cpath(c)}.${field}`, key: [effective, cpath(c)] };
      if (field === "localAddress") (c.enable ? locals : offLocals).push(item);
      else (c.enable ? hosts : offHosts).push(item);
    }
  }
  pairwise("address-conflict", locals, (a, b) => a.key[0] === b.key[0], out);
  for (const l of locals) {
    // Own hostAddress counts too: compare against every host side, including the same container's.
    const partners = hosts.filter((h) => h.key[0] === l.key[0]).map((h) => h.path);
    if (partners.length > 0) out.push({ code: "address-host-local", path: l.path, partners });
  }
  // A disabled container is noted where enabling it would clash with an enabled one.
  for (const l of offLocals) {
    const partners = [...locals, ...hosts].filter((x) => x.key[0] === l.key[0]).map((x) => x.path);
    if (partners.length > 0) out.push({ code: "disabled-would-conflict", path: l.path, partners });
  }
  for (const h of offHosts) {
    const partners = locals.filter((x) => x.key[0] === h.key[0]).map((x) => x.path);
    if (partners.length > 0) out.push({ code: "disabled-would-conflict", path: h.path, partners });
  }

  // Host listeners.
  const listeners: Item[] = [];
  const listen = (path: string, protocol: string, address: string, port: number) => listeners.push({ path, key: [protocol, address, String(port)] });
  if (traefik) {
    listen("traefik.entryPoints.web", "tcp", "0.0.0.0", 80);
    listen(`traefik.entryPoints.${traefik.entryPoint}`, "tcp", "0.0.0.0", 443);
  }
  if (caddy) {
    listen("caddy.httpPort", "tcp", "0.0.0.0", caddy.httpPort ?? 80);
    listen("caddy.httpsPort", "tcp", "0.0.0.0", caddy.httpsPort ?? 443);
    listen("caddy.http3", "udp", "0.0.0.0", caddy.httpsPort ?? 443);
  }
  for (const c of on) {
    if (c.backend === "nspawn" && c.network === "host") c.ports.forEach((p, i) => listen(`${cpath(c)}.ports[${i}]`, p.protocol, p.address, p.port));
    if (c.backend === "nspawn" && c.network === "private") c.forwardPorts.forEach((f, i) => listen(`${cpath(c)}.forwardPorts[${i}]`, f.protocol, "0.0.0.0", f.hostPort));
    if (c.backend === "podman" && c.network !== "host") c.ports.forEach((p, i) => listen(`${cpath(c)}.ports[${i}]`, p.protocol, p.hostAddress, p.hostPort));
    if (c.backend === "podman" && c.network === "host") c.runtime.listens.forEach((p, i) => listen(`${cpath(c)}.listens[${i}]`, p.protocol, p.address, p.port));
  }
  for (const s of host.services) if (s.enable) s.ports.forEach((p, i) => listen(`services${quote(s.name)}.ports[${i}]`, p.protocol, p.address, p.port));
  const clash = (a: Item, b: Item) => a.key[0] === b.key[0] && a.key[2] === b.key[2] && (a.key[1] === b.key[1] || a.key[1] === "0.0.0.0" || b.key[1] === "0.0.0.0");
  pairwise("port-conflict", listeners, clash, out);
  // A disabled container's would-be listeners are noted where they meet an enabled one's.
  for (const c of all) {
    if (c.enable) continue;
    const would: Item[] = [];
    const add = (path: string, protocol: string, address: string, port: number) => would.push({ path, key: [protocol, address, String(port)] });
    if (c.backend === "nspawn" && c.network === "host") c.ports.forEach((p, i) => add(`${cpath(c)}.ports[${i}]`, p.protocol, p.address, p.port));
    if (c.backend === "nspawn" && c.network === "private") c.forwardPorts.forEach((f, i) => add(`${cpath(c)}.forwardPorts[${i}]`, f.protocol, "0.0.0.0", f.hostPort));
    if (c.backend === "podman" && c.network !== "host") c.ports.forEach((p, i) => add(`${cpath(c)}.ports[${i}]`, p.protocol, p.hostAddress, p.hostPort));
    for (const w of would) {
      const partners = listeners.filter((l) => clash(w, l)).map((l) => l.path);
      if (partners.length > 0) out.push({ code: "disabled-would-conflict", path: w.path, partners });
    }
  }

  // Routes.
  const routes: { c: Container; r: Route; item: Item }[] = [];
  for (const c of on) {
    c.routes.forEach((r, i) => {
      const h = r.match.host;
      const name = h.kind === "fqdn" ? h.name : `${h.name}.${lab.domain}`;
      // Identical matchers on one proxy and entry point clash (the generators make routes
      // without paths, clients or priorities; the property test covers those).
      const proxy = r.proxy ?? (host.proxies.length === 1 ? host.proxies[0]!.kind : "");
      const entryPoint = proxy === "traefik" ? (r.entryPoint ?? (traefik?.entryPoint ?? "")) : "";
      routes.push({ c, r, item: { path: `${cpath(c)}.routes[${i}]`, key: [name, proxy, entryPoint] } });
    });
  }
  pairwise("route-host-conflict", routes.map((x) => x.item), (a, b) => a.key.every((k, i) => k === b.key[i]), out);
  for (const { c, r, item } of routes) {
    const port = r.target.kind === "attached" ? r.target.port : -1;
    const auth = r.middlewares[0]?.kind === "forwardAuth" ? r.middlewares[0].provider : undefined;
    if (r.proxy === "traefik" && !traefik) out.push({ code: "traefik-missing", path: item.path, partners: [] });
    if (r.proxy === "caddy" && !caddy) out.push({ code: "caddy-missing", path: item.path, partners: [] });
    const served =
      c.backend === "nspawn" ? c.ports.some((p) => p.protocol === "tcp" && p.port === port)
      : c.network === "host" ? c.runtime.listens.length === 0 || c.runtime.listens.some((p) => p.protocol === "tcp" && p.port === port)
      : c.ports.some((p) => p.protocol === "tcp" && p.hostPort === port);
    if (!served) out.push({ code: "route-port-unserved", path: item.path, partners: [] });
    if (auth !== undefined) {
      if (auth === c.name) out.push({ code: "route-auth-self", path: item.path, partners: [] });
      else if (!on.some((p) => p.name === auth && p.backend === "nspawn" && p.forwardAuth !== undefined)) out.push({ code: "route-auth-unknown", path: item.path, partners: [] });
    }
  }

  // dependsOn.
  for (const c of on) {
    if (c.backend !== "podman") continue;
    c.dependsOn.forEach((d, i) => {
      const ok = d !== c.name && on.some((o) => o.name === d && o.backend === "podman");
      if (!ok) out.push({ code: "depends-on-unknown", path: `${cpath(c)}.dependsOn[${i}]`, partners: [] });
    });
  }
  return out;
}
