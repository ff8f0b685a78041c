import { isPublicValue } from "../model/brand.ts";
import type {
  Container,
  NspawnContainer,
  PodmanContainer,
  PublicValue,
  Route,
  ServicePort,
  SourceSite,
} from "../model/index.ts";
import { ANY_ADDRESS } from "../net/ipv4.ts";
import { nspawnProblems, nspawnSchema, type NspawnContainerOptions } from "../schema/nspawn.ts";
import { podmanProblems, podmanSchema, type PodmanContainerOptions } from "../schema/podman.ts";
import { containerName } from "../schema/primitives.ts";
import { asRecord } from "../schema/problems.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { podmanRuntime } from "./podman-runtime.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput, type CallInfo } from "./parse.ts";
import { nspawnRuntime } from "./nspawn-runtime.ts";
import { filesOf } from "./files.ts";

/** Headers Authelia returns to the proxy (Traefik's `authResponseHeaders`, Caddy's `copy_headers`). */
const AUTHELIA_HEADERS = Object.freeze(["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"]);

/** What `container()` accepts: nspawn options (the default backend) or Podman options. */
export type ContainerOptions = NspawnContainerOptions | PodmanContainerOptions;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function routesOf(o: { route?: Route | undefined; routes?: readonly Route[] | undefined }): Route[] {
  return [...(o.route === undefined ? [] : [o.route]), ...(o.routes ?? [])];
}

/** A `ports` entry in its full form. */
export function toServicePort(
  p: number | { port: number; protocol?: "tcp" | "udp" | undefined; address?: string | undefined; open?: boolean | { interface: string } | undefined },
): ServicePort {
  return typeof p === "number"
    ? { port: p, protocol: "tcp", address: ANY_ADDRESS }
    : { port: p.port, protocol: p.protocol ?? "tcp", address: p.address ?? ANY_ADDRESS, ...(p.open === undefined || p.open === true ? {} : { open: p.open }) };
}

// Both backends write the fields of the model's `ContainerBase` (kind … site) out in their own
// object literal, in the same order, instead of spreading a shared base object: on Node 20
// (V8 11.3) `{ ...base, backend, … }` gives every object its own hidden class (3,000
// containers: 2,984 classes instead of 3), which made every property read of a container in
// `validate` and `render` megamorphic (`validate` of 10,000 containers: 2.2× as long).
// `container.test.ts` checks that containers with the same fields share one hidden class.

function nspawn(name: string, options: unknown, call: CallInfo): NspawnContainer {
  const o = parseInput(nspawnSchema, options, call, nspawnProblems, argumentProblems(containerName, name, "name"));
  return {
    kind: "container",
    name,
    enable: o.enable ?? true,
    ...optional("description", o.description),
    routes: routesOf(o),
    ...optional("oidc", o.oidc),
    ...optional("files", filesOf(name, o)),
    site: call.site,
    backend: "nspawn",
    network: o.network ?? (o.privateNetwork === false ? "host" : "private"),
    autoStart: o.autoStart ?? true,
    ...optional("hostAddress", o.hostAddress),
    ...optional("localAddress", o.localAddress),
    ...optional("privateUsers", o.privateUsers),
    ephemeral: o.ephemeral ?? false,
    bindMounts: Object.keys(o.bindMounts ?? {})
      .sort(byCodeUnit)
      .map((mountPoint) => {
        const b = o.bindMounts![mountPoint]!;
        return { mountPoint, ...optional("hostPath", b.hostPath), isReadOnly: b.isReadOnly ?? true };
      }),
    forwardPorts: (o.forwardPorts ?? []).map((f) => ({
      protocol: f.protocol ?? "tcp",
      hostPort: f.hostPort,
      containerPort: f.containerPort ?? f.hostPort,
    })),
    ports: (o.ports ?? []).map(toServicePort),
    secrets: o.secrets ?? [],
    ...optional(
      "forwardAuth",
      o.forwardAuth && {
        port: o.forwardAuth.port,
        path: o.forwardAuth.path ?? "/api/authz/forward-auth",
        authResponseHeaders: o.forwardAuth.authResponseHeaders ?? [...AUTHELIA_HEADERS],
      },
    ),
    config: o.config ?? {},
    extraOptions: o.extraOptions ?? {},
    runtime: nspawnRuntime(o),
  };
}

function podman(name: string, options: unknown, call: CallInfo): PodmanContainer {
  const o = parseInput(podmanSchema, options, call, podmanProblems, argumentProblems(containerName, name, "name"));
  // Literals declared public are written as their value; where they were is remembered.
  const publicPaths: (readonly (string | number)[])[] = [];
  const plain = <T extends string | PublicValue>(v: T, at: readonly (string | number)[]): string => {
    if (!isPublicValue(v)) return v as string;
    publicPaths.push(at);
    return String(v.value);
  };
  const record = (field: string, r: Readonly<Record<string, string | PublicValue>> | undefined): Record<string, string> =>
    Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, plain(v, [field, k])]));
  const list = (field: string, l: readonly (string | PublicValue)[] | undefined): string[] => (l ?? []).map((v, i) => plain(v, [field, i]));
  const entrypoint = o.entrypoint === undefined ? undefined : plain(o.entrypoint, ["entrypoint"]);
  return {
    kind: "container",
    name,
    enable: o.enable ?? true,
    ...optional("description", o.description),
    routes: routesOf(o),
    ...optional("oidc", o.oidc),
    ...optional("files", filesOf(name, o)),
    site: call.site,
    backend: "podman",
    image: o.image,
    ports: (o.ports ?? []).map((p) => ({
      hostAddress: p.hostAddress ?? ANY_ADDRESS,
      hostPort: p.hostPort,
      containerPort: p.containerPort ?? p.hostPort,
      protocol: p.protocol ?? "tcp",
    })),
    volumes: o.volumes ?? [],
    environment: record("environment", o.environment),
    environmentFiles: o.environmentFiles ?? [],
    extraOptions: list("extraOptions", o.extraOptions),
    networks: o.networks ?? [],
    ...optional("network", o.network === "host" ? o.network : undefined),
    dependsOn: o.dependsOn ?? [],
    ...optional("user", o.user),
    ...optional("category", o.category),
    cmd: list("cmd", o.cmd),
    ...optional("entrypoint", entrypoint),
    labels: record("labels", o.labels),
    runtime: podmanRuntime(o),
    publicPaths,
  };
}

/**
 * A container. The default backend is a NixOS declarative container (systemd-nspawn,
 * `containers.<name>`), with NixOS's option names; `backend: "podman"` makes a Podman OCI
 * container (`virtualisation.oci-containers.containers.<name>`). Input is checked once: every
 * problem of the call is thrown at once as a `HomelabInputError` naming the field and this
 * call's site.
 *
 * @example container("immich", { localAddress: "10.10.10.5", privateUsers: "pick", ports: [2283],
 *   route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" }),
 *   config: { services: { immich: { enable: true, host: "0.0.0.0", port: 2283 } } } })
 * @example container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9",
 *   category: "media", ports: ["127.0.0.1:8989:8989"], environmentFiles: [secret("sonarr-env")] })
 */
export function container(name: string, options?: NspawnContainerOptions): NspawnContainer;
export function container(name: string, options: PodmanContainerOptions): PodmanContainer;
export function container(name: string, options: ContainerOptions): Container;
export function container(name: string, options: ContainerOptions = {}): Container {
  const site: SourceSite = captureSite(container);
  const call = { label: callLabel("container", name), site };
  const standIn = () => ({ name, enable: false, routes: [], site, backend: "nspawn" });
  return guarded("container", standIn, () => {
    const model = asRecord(options)?.["backend"] === "podman" ? podman(name, options, call) : nspawn(name, options, call);
    return branded("container", model);
  });
}
