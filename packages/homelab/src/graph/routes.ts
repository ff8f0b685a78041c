/**
 * The paths requests take, from the placed routes of every host (the facts' resolution of each
 * target, the fleet facts' remote routes): public name → proxy → forward-auth provider (when
 * the route's middlewares ask one) → target, the last hop across hosts for a remote route. Hops
 * many routes share are one edge naming every route's host name.
 */
import { authRoutes } from "../auth/routes.ts";
import { fleetFacts } from "../facts/fleet.ts";
import { hostFacts } from "../facts/host-facts.ts";
import type { PlacedRoute, ResolvedTarget } from "../facts/routes.ts";
import type { Homelab, Host } from "../model/homelab.ts";
import { sortedUnique } from "../util/order.ts";
import { nameId, onHost, outsideId } from "./ids.ts";
import type { TopologyEdge, TopologyNode } from "./model.ts";
import { authNodeId } from "./nodes.ts";

/** The route hops and the nodes they need outside the hosts' own (names, URLs, endpoints). */
export interface RoutePaths {
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

interface Hop {
  readonly kind: TopologyEdge["kind"];
  readonly from: string;
  readonly to: string;
  readonly port?: number;
  readonly remote: boolean;
}

/**
 * Every route hop of `lab`, hosts in name order.
 * @example routePaths(lab).edges.filter((e) => e.remote) // the cross-host hops
 */
export function routePaths(lab: Homelab): RoutePaths {
  const nodes = new Map<string, TopologyNode>();
  const edges = new Map<string, { hop: Hop; names: string[] }>();
  const add = (hop: Hop, name: string): void => {
    const id = `${hop.kind}:${hop.from}->${hop.to}${hop.port === undefined ? "" : `:${hop.port}`}`;
    const known = edges.get(id);
    if (known === undefined) edges.set(id, { hop, names: [name] });
    else known.names.push(name);
  };
  const fleet = fleetFacts(lab);
  for (const host of fleet.hosts) {
    const placed = hostFacts(lab, host).routes;
    // `authRoutes` maps the same placed routes, in order, with Traefik middlewares named after a provider read as its forward auth.
    const chains = authRoutes(lab, host);
    placed.forEach((route, i) => {
      const name = nameId(route.host);
      nodes.set(name, { kind: "name", id: name, label: route.host, at: { kind: "outside" } });
      const proxy = route.proxy === undefined ? undefined : onHost(host.name, "proxy", route.proxy);
      const target = targetNode(lab, host, route);
      if (target.node !== undefined) nodes.set(target.node.id, target.node);
      const provider = (chains[i]?.middlewares ?? []).find((m) => m.kind === "forwardAuth");
      const auth = provider?.kind === "forwardAuth" ? authNodeId(host, provider.provider) : undefined;
      let from = name;
      if (proxy !== undefined) {
        add({ kind: "route", from: name, to: proxy, remote: false }, route.host);
        from = proxy;
      }
      if (auth !== undefined && proxy !== undefined) {
        add({ kind: "auth", from: proxy, to: auth, remote: false }, route.host);
        from = auth;
      }
      // A route to its own auth provider (the sign-in page) goes straight to it.
      if (target.id === from) return;
      add({ kind: "proxy", from, to: target.id, ...(target.port === undefined ? {} : { port: target.port }), remote: target.remote }, route.host);
    });
  }
  const list: TopologyEdge[] = [...edges].map(([id, { hop, names }]) => ({ id, ...hop, names: sortedUnique(names) }));
  return { nodes: [...nodes.values()], edges: list };
}

interface Target {
  readonly id: string;
  readonly port?: number;
  readonly remote: boolean;
  /** A node the target needs that no host's box has (an endpoint, a URL, a missing target). */
  readonly node?: TopologyNode;
}

function outside(what: "url" | "redirect" | "missing", name: string, label: string): Target {
  const id = outsideId(what, name);
  return { id, remote: false, node: { kind: "external", id, label, at: { kind: "outside" }, what } };
}

function missing(host: string, of: string, name: string, port: number): Target {
  return { ...outside("missing", `${host}/${of}/${name}`, `${name} (missing)`), port };
}

/** Where `route` of `host` ends, as a node id. */
function targetNode(lab: Homelab, host: Host, route: PlacedRoute): Target {
  const t: ResolvedTarget = route.target;
  const at = { kind: "host", host: host.name } as const;
  switch (t.kind) {
    case "container":
      return { id: onHost(host.name, "container", t.container.name), port: t.port, remote: false };
    case "service":
      return { id: onHost(host.name, "service", t.service.name), port: t.port, remote: false };
    case "missing":
      return missing(host.name, t.of, t.name, t.port);
    case "hostPort": {
      const id = onHost(host.name, "endpoint", `${t.address}:${t.port}`);
      return { id, remote: false, node: { kind: "endpoint", id, label: `${t.address}:${t.port}`, at, what: "hostPort", address: t.address, port: t.port } };
    }
    case "url":
      return outside("url", t.url, t.url);
    case "podman": {
      const c = host.containers.find((x) => x.enable && x.name === t.container);
      return c === undefined ? missing(host.name, "container", t.container, t.port) : { id: onHost(host.name, "container", c.name), port: t.port, remote: false };
    }
    case "traefikApi": {
      const id = onHost(host.name, "endpoint", "traefik-api");
      return { id, remote: false, node: { kind: "endpoint", id, label: "Traefik dashboard", at, what: "traefikApi" } };
    }
    case "redirect":
      return outside("redirect", t.to, `redirect → ${t.to}`);
    case "remote": {
      const other = fleetFacts(lab).byName.get(t.host)?.[0];
      const kind = t.target.kind;
      const found =
        other === undefined
          ? undefined
          : kind === "container"
            ? other.containers.find((c) => c.enable && c.name === t.target.name)
            : other.services.find((s) => s.enable && s.name === t.target.name);
      if (other === undefined || found === undefined) return missing(t.host, kind, t.target.name, t.port);
      return { id: onHost(other.name, kind, found.name), port: t.port, remote: other !== host };
    }
  }
}
