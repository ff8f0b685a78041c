/**
 * One conflict injected into a homelab: a new container that clashes with an existing part,
 * and the two sides a checker must name.
 */
import fc from "fast-check";
import { container } from "../builders/container.ts";
import { route } from "../builders/route.ts";
import { formatSite, onlyHost, proxyOf, type Homelab, type Protocol } from "../model/index.ts";
import { arbConflictFreeHomelab } from "./clean.ts";
import { extendHomelab } from "./extend.ts";

/** One side of a conflict: a model path (as `formatPath` prints it) and the call site of its builder. */
export interface ConflictSide {
  readonly path: string;
  readonly site: string;
}

/** A homelab with one injected conflict: its diagnostic code and both sides. */
export interface InjectedConflict {
  readonly lab: Homelab;
  readonly code: "duplicate-name" | "address-conflict" | "address-host-local" | "port-conflict" | "route-host-conflict";
  /** `[injected, existing]`. */
  readonly sides: readonly [ConflictSide, ConflictSide];
}

interface HostListener {
  readonly path: string;
  readonly site: string;
  readonly protocol: Protocol;
  readonly port: number;
}

/** Host sockets of the enabled parts, written independently of the checker's own list. */
function listenersOf(lab: Homelab): HostListener[] {
  const out: HostListener[] = [];
  const host = onlyHost(lab);
  const traefik = proxyOf(host, "traefik");
  const caddy = proxyOf(host, "caddy");
  if (traefik) out.push({ path: "traefik.entryPoints.web", site: formatSite(traefik.site), protocol: "tcp", port: 80 });
  if (caddy) out.push({ path: "caddy.httpPort", site: formatSite(caddy.site), protocol: "tcp", port: caddy.httpPort ?? 80 });
  for (const c of host.containers) {
    if (!c.enable) continue;
    const site = formatSite(c.site);
    if (c.backend === "podman" && c.network !== "host") c.ports.forEach((p, i) => out.push({ path: `containers.${c.name}.ports[${i}]`, site, protocol: p.protocol, port: p.hostPort }));
    if (c.backend === "nspawn" && c.network === "host") c.ports.forEach((p, i) => out.push({ path: `containers.${c.name}.ports[${i}]`, site, protocol: p.protocol, port: p.port }));
    if (c.backend === "nspawn" && c.network === "private") c.forwardPorts.forEach((f, i) => out.push({ path: `containers.${c.name}.forwardPorts[${i}]`, site, protocol: f.protocol, port: f.hostPort }));
  }
  for (const s of host.services) if (s.enable) s.ports.forEach((p, i) => out.push({ path: `services.${s.name}.ports[${i}]`, site: formatSite(s.site), protocol: p.protocol, port: p.port }));
  return out;
}

function freshName(lab: Homelab): string {
  const taken = new Set(onlyHost(lab).containers.map((c) => c.name));
  for (let i = 0; ; i++) if (!taken.has(`inj${i}`)) return `inj${i}`;
}

/**
 * Every single conflict that can be injected into `lab` (none for an empty lab without
 * proxies): pick one with `fc.constantFrom`, or use {@link arbHomelabWithConflict}.
 * @example const [first] = injections(lab); validate(first.lab) // reports first.code naming first.sides
 */
export function injections(lab: Homelab): InjectedConflict[] {
  const name = freshName(lab);
  const out: InjectedConflict[] = [];
  const inject = (code: InjectedConflict["code"], build: () => { path: string; site: string; lab: Homelab }, existing: ConflictSide) => {
    const made = build();
    out.push({ lab: made.lab, code, sides: [{ path: made.path, site: made.site }, existing] });
  };
  const add = (path: string, make: () => ReturnType<typeof container>) => () => {
    const c = make();
    return { path: `containers.${c.name}${path}`, site: formatSite(c.site), lab: extendHomelab(lab, { containers: [c] }) };
  };
  const hostSides = new Set<string>();
  for (const c of onlyHost(lab).containers) {
    if (!c.enable) continue;
    const site = formatSite(c.site);
    inject("duplicate-name", add("", () => container(c.name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000" })), { path: `containers.${c.name}`, site });
    // Only given addresses: a newcomer's given address pushes an allocated one aside (the
    // allocator avoids given addresses), so clashing with an allocated address is no conflict.
    if (c.backend === "nspawn" && c.network === "private") {
      const { localAddress, hostAddress } = c;
      if (localAddress !== undefined) {
        inject("address-conflict", add(".localAddress", () => container(name, { localAddress })), { path: `containers.${c.name}.localAddress`, site });
      }
      // A host side several containers share is injected against its first owner (the one a
      // diagnostic names first among its related sides).
      if (hostAddress !== undefined && !hostSides.has(hostAddress)) {
        hostSides.add(hostAddress);
        inject("address-host-local", add(".localAddress", () => container(name, { localAddress: hostAddress })), { path: `containers.${c.name}.hostAddress`, site });
      }
    }
    c.routes.forEach((r, i) => {
      // The same matcher (host, path, clients, priority, proxy and entry point), another target.
      const h = r.match.host;
      const p = r.match.path;
      const options = {
        ...(h.kind === "fqdn" ? { host: h.name } : { subdomain: h.name }),
        ...(p === undefined ? {} : p.kind === "prefix" ? { path: p.prefix } : { pathRegex: p.pattern }),
        ...(r.match.clients.length === 0 ? {} : { clients: r.match.clients }),
        ...(r.priority === undefined ? {} : { priority: r.priority }),
        ...(r.entryPoint === undefined ? {} : { entryPoint: r.entryPoint }),
        ...(r.proxy === undefined ? {} : { proxy: r.proxy }),
        port: 9,
        public: true,
      };
      inject("route-host-conflict", add(".routes[0]", () => container(name, { ports: [9], route: route(options) })), { path: `containers.${c.name}.routes[${i}]`, site });
    });
  }
  for (const l of listenersOf(lab)) {
    inject(
      "port-conflict",
      add(".ports[0]", () => container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: [{ hostPort: l.port, protocol: l.protocol }] })),
      { path: l.path, site: l.site },
    );
  }
  return out;
}

/**
 * A conflict-free homelab with exactly one injected conflict.
 * @example fc.assert(fc.property(arbHomelabWithConflict(), ({ lab, code, sides }) => reported(validate(lab), code, sides)))
 */
export function arbHomelabWithConflict(options: { maxContainers?: number } = {}): fc.Arbitrary<InjectedConflict> {
  return arbConflictFreeHomelab(options)
    .map(injections)
    .filter((list) => list.length > 0)
    .chain((list) => fc.constantFrom(...list));
}
