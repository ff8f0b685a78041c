/**
 * The topology of a homelab as data: what `nixjs graph` draws (SVG, Mermaid) and prints (JSON).
 * Hosts are boxes holding their nodes (proxies, containers, services, a few endpoints); public
 * host names and outside targets (a LAN device, a redirect) stand outside every host; edges are
 * the path a request takes (name → proxy → forward auth → target, across hosts for remote
 * routes); networks say which nodes share a link (the LAN, each host's veth pool, each Podman
 * network). Plain JSON values only, every list sorted, so the same homelab gives the same bytes.
 */

/** Where a node is: a host (by name), or outside every host. */
export type Placement = { readonly kind: "host"; readonly host: string } | { readonly kind: "outside" };

/** A published or listened port, as the picture shows it: `8096`, `127.0.0.1:5432→5432`, `53/udp`. */
export interface TopologyPort {
  /** The port on the host (published, forwarded or listened on). */
  readonly port: number;
  readonly protocol: "tcp" | "udp";
  /** The bind address when not every address (`127.0.0.1`). */
  readonly address?: string;
  /** The container's own port when it differs from `port` (Podman `8081:80`, nspawn `forwardPorts`). */
  readonly containerPort?: number;
}

/** How a container reaches its network. */
export type ContainerNetworking =
  /** nspawn private network: a veth pair from the host's pool (`hostAddress` ↔ `localAddress`). */
  | { readonly kind: "veth"; readonly hostAddress?: string; readonly localAddress?: string }
  /** Podman bridge networks (`podman`, the default one, when none is named). */
  | { readonly kind: "podman"; readonly networks: readonly string[] }
  /** Shares another Podman container's network namespace. */
  | { readonly kind: "shared"; readonly container: string }
  /** The host's own network stack. */
  | { readonly kind: "host" };

/**
 * A node of the picture.
 * - `proxy`: a reverse proxy of a host (Traefik, Caddy), with the ports it listens on;
 * - `container`: a nixjs container (nspawn or Podman);
 * - `service`: a host `service()`;
 * - `auth`: a forward-auth provider that runs on the host itself (one in a container is that
 *   container, with `auth` set);
 * - `endpoint`: something on a host nixjs does not manage (a host port, Traefik's dashboard);
 * - `name`: a public host name routes answer (outside every host);
 * - `external`: a target outside the homelab (a URL, a redirect) or one that does not exist
 *   (`missing`), outside every host.
 */
export type TopologyNode =
  | (NodeBase & { readonly kind: "proxy"; readonly proxy: string; readonly mode?: string; readonly ports: readonly TopologyPort[] })
  | (NodeBase & {
      readonly kind: "container";
      readonly backend: "nspawn" | "podman";
      readonly enabled: boolean;
      readonly networking: ContainerNetworking;
      readonly ports: readonly TopologyPort[];
      /** The forward-auth provider it is (`authelia`), when routes use it as one. */
      readonly auth?: string;
      readonly image?: string;
    })
  | (NodeBase & { readonly kind: "service"; readonly enabled: boolean; readonly ports: readonly TopologyPort[]; readonly auth?: string })
  | (NodeBase & { readonly kind: "auth"; readonly provider: string; readonly ports: readonly TopologyPort[] })
  | (NodeBase & { readonly kind: "endpoint"; readonly what: "hostPort" | "traefikApi"; readonly address?: string; readonly port?: number })
  | (NodeBase & { readonly kind: "name" })
  | (NodeBase & { readonly kind: "external"; readonly what: "url" | "redirect" | "missing" });

interface NodeBase {
  /** Unique in the topology: `nas/container/jellyfin`, `name/photos.example.org`. */
  readonly id: string;
  /** What the picture writes in the box: the container's, service's or host name's name. */
  readonly label: string;
  readonly at: Placement;
}

/** One of `TopologyNode`'s kinds. */
export type NodeKind = TopologyNode["kind"];

/** A machine of the homelab. */
export interface TopologyHost {
  readonly id: string;
  readonly name: string;
  /** Its LAN address (`address`, else its only static IPv4), when known. */
  readonly address?: string;
  readonly system: string;
  readonly release: string;
  /** Colmena/deploy-rs tags, when it has a deployment. */
  readonly tags: readonly string[];
}

/**
 * A link several nodes share.
 * - `lan`: the network the hosts meet on (one for the homelab; members are host ids);
 * - `pool`: a host's veth pool for private nspawn containers (members: those containers);
 * - `podman`: a Podman network of a host (`podman` is Podman's default one).
 */
export interface TopologyNetwork {
  readonly id: string;
  readonly kind: "lan" | "pool" | "podman";
  readonly name: string;
  /** The host it is on (absent for the LAN). */
  readonly host?: string;
  readonly cidr?: string;
  /** Node ids (host ids for the LAN), sorted. */
  readonly members: readonly string[];
}

/**
 * A hop of a request.
 * - `route`: name → proxy (a public name answered by that proxy);
 * - `auth`: proxy → forward-auth provider (the proxy asks it before passing the request on);
 * - `proxy`: proxy (or the auth provider in front of it) → the target.
 * `remote` marks a hop from one host to another over the LAN.
 */
export interface TopologyEdge {
  readonly id: string;
  readonly kind: "route" | "auth" | "proxy";
  readonly from: string;
  readonly to: string;
  /** The target port, for `proxy` hops (the published port for a remote target). */
  readonly port?: number;
  readonly remote: boolean;
  /** The public names whose requests take this hop, sorted. */
  readonly names: readonly string[];
}

/** The whole picture. */
export interface Topology {
  readonly version: 1;
  readonly domain: string;
  /** Sorted by name. */
  readonly hosts: readonly TopologyHost[];
  /** Sorted by id. */
  readonly nodes: readonly TopologyNode[];
  /** Sorted by id. */
  readonly networks: readonly TopologyNetwork[];
  /** Sorted by id. */
  readonly edges: readonly TopologyEdge[];
}
