/**
 * Hand-built model objects for render's tests: the model is render's contract, so the tests
 * build it directly (branded like the builders' output) instead of going through the
 * builders' input parsing.
 */
import { n } from "@nixjs/expr-printer";
import { DEFAULT_NSPAWN_RUNTIME } from "../../src/model/nspawn.ts";
import { MODEL_BRAND, registerHostRef, type ModelKind } from "../../src/model/brand.ts";
import { DEFAULT_RUNTIME } from "../../src/model/podman.ts";
import type { Release } from "../../src/releases/release.ts";
import type {
  BasicAuthUser,
  Caddy,
  Homelab,
  Host,
  HostRef,
  HostService,
  NspawnContainer,
  PodmanContainer,
  RouteHost,
  Secret,
  ServicePort,
  SourceSite,
  Traefik,
  Middleware,
  Route,
} from "../../src/model/index.ts";

export const site: SourceSite = { file: "homelab.config.ts", line: 1, column: 1 };

function brand<T extends object>(kind: ModelKind, value: T): T {
  Object.defineProperty(value, MODEL_BRAND, { value: kind, enumerable: false });
  return Object.freeze(value);
}

export function secret(name: string, opts: Partial<Pick<Secret, "owner" | "group" | "mode" | "file">> = {}): Secret {
  return brand("secret", {
    kind: "secret" as const,
    name,
    file: opts.file ?? `secrets/${name}.age`,
    ...(opts.owner === undefined ? {} : { owner: opts.owner }),
    ...(opts.group === undefined ? {} : { group: opts.group }),
    ...(opts.mode === undefined ? {} : { mode: opts.mode }),
    path: n.select("config.age.secrets", [name, "path"]),
    site,
  });
}

export function hostRef(...path: [string, ...string[]]): HostRef {
  return registerHostRef(n.select(n.id("config"), path));
}

export function tcp(port: number, address = "0.0.0.0"): ServicePort {
  return { port, protocol: "tcp", address };
}

export function udp(port: number, address = "0.0.0.0"): ServicePort {
  return { port, protocol: "udp", address };
}

function host(h: string): RouteHost {
  return h.includes(".") ? { kind: "fqdn", name: h } : { kind: "subdomain", name: h };
}

function middleware<M extends Middleware>(m: M): M {
  return brand("middleware", m);
}

function newRoute(proxy: "traefik" | "caddy", h: string, port: number, middlewares: readonly Middleware[], rest: Partial<Route>): Route {
  return brand("route", {
    kind: "route" as const,
    proxy,
    match: { host: host(h), clients: [] },
    target: { kind: "attached" as const, port },
    middlewares,
    tls: { domains: [], internal: false, ...rest.tls },
    public: rest.public ?? false,
    ...(rest.entryPoint === undefined ? {} : { entryPoint: rest.entryPoint }),
    ...(rest.extraConfig === undefined ? {} : { extraConfig: rest.extraConfig }),
    site,
  });
}

/** A Traefik route as `traefikRoute()` makes it: `auth` first, then `middlewares` by name. */
export function traefikRoute(
  h: string,
  port: number,
  opts: { auth?: string; middlewares?: string[]; entryPoint?: string; certResolver?: string; public?: boolean } = {},
): Route {
  const auth = opts.auth === undefined ? [] : [middleware({ kind: "forwardAuth" as const, name: opts.auth, provider: opts.auth, site })];
  const named = (opts.middlewares ?? []).map((name) => middleware({ kind: "named" as const, name, site }));
  return newRoute("traefik", h, port, [...auth, ...named], {
    ...(opts.entryPoint === undefined ? {} : { entryPoint: opts.entryPoint }),
    ...(opts.public === undefined ? {} : { public: opts.public }),
    tls: { domains: [], internal: false, ...(opts.certResolver === undefined ? {} : { certResolver: opts.certResolver }) },
  });
}

/** A Caddy route as `caddyRoute()` makes it: `auth` first, then the basic-auth users. */
export function caddyRoute(
  h: string,
  port: number,
  opts: { tlsEmail?: string; basicAuth?: BasicAuthUser[]; auth?: string; public?: boolean; extraConfig?: string } = {},
): Route {
  const auth = opts.auth === undefined ? [] : [middleware({ kind: "forwardAuth" as const, name: opts.auth, provider: opts.auth, site })];
  const basic = opts.basicAuth === undefined || opts.basicAuth.length === 0 ? [] : [middleware({ kind: "basicAuth" as const, name: "basicAuth", users: opts.basicAuth, site })];
  return newRoute("caddy", h, port, [...auth, ...basic], {
    ...(opts.public === undefined ? {} : { public: opts.public }),
    ...(opts.extraConfig === undefined ? {} : { extraConfig: opts.extraConfig }),
    tls: { domains: [], internal: false, ...(opts.tlsEmail === undefined ? {} : { email: opts.tlsEmail }) },
  });
}

export function nspawn(name: string, opts: Partial<Omit<NspawnContainer, "kind" | "name" | "backend">> = {}): NspawnContainer {
  return brand("container", {
    kind: "container" as const,
    name,
    backend: "nspawn" as const,
    enable: true,
    routes: [],
    network: "private" as const,
    autoStart: true,
    ephemeral: false,
    bindMounts: [],
    forwardPorts: [],
    ports: [],
    secrets: [],
    config: {},
    extraOptions: {},
    runtime: DEFAULT_NSPAWN_RUNTIME,
    ...opts,
    site,
  });
}

export function podman(name: string, image: string, opts: Partial<Omit<PodmanContainer, "kind" | "name" | "backend" | "image">> = {}): PodmanContainer {
  return brand("container", {
    kind: "container" as const,
    name,
    backend: "podman" as const,
    image,
    enable: true,
    routes: [],
    ports: [],
    volumes: [],
    environment: {},
    environmentFiles: [],
    extraOptions: [],
    networks: [],
    dependsOn: [],
    cmd: [],
    labels: {},
    publicPaths: [],
    runtime: DEFAULT_RUNTIME,
    ...opts,
    site,
  });
}

export function traefik(opts: Partial<Omit<Traefik, "kind" | "site">> = {}): Traefik {
  return brand("traefik", {
    kind: "traefik" as const,
    mode: "container" as const,
    entryPoint: "websecure",
    environmentFiles: [],
    redirectToHttps: true,
    dashboard: false,
    apiInsecure: false,
    entryPoints: [],
    certResolvers: [],
    tlsOptions: [],
    container: { ephemeral: false, bindMounts: [], nameservers: [] },
    ...opts,
    site,
  });
}

export function caddy(email?: string): Caddy {
  return brand("caddy", { kind: "caddy" as const, ...(email === undefined ? {} : { email }), site });
}

export function service(name: string, opts: Partial<Omit<HostService, "kind" | "name">> = {}): HostService {
  return brand("service", {
    kind: "service" as const,
    name,
    enable: true,
    ports: [],
    secrets: [],
    config: {},
    ...opts,
    site,
  });
}

/** The options of the hand-built one-host lab: the single-host form's names. */
export interface LabOptions {
  readonly hostName: string;
  readonly domain: string;
  readonly stateVersion: string;
  readonly release: Release;
  readonly system: string;
  readonly nixpkgs: string;
  readonly network: Host["network"];
  readonly agenix: { readonly identityPaths: readonly string[]; readonly recipients: { readonly [name: string]: string } };
  readonly traefik: Traefik;
  readonly caddy: Caddy;
  readonly containers: Host["containers"];
  readonly services: Host["services"];
  readonly modules: Host["modules"];
  readonly layout: Homelab["layout"];
}

export function homelab(opts: Partial<LabOptions> = {}): Homelab {
  const release = opts.release ?? "26.05";
  const host: Host = {
    kind: "host",
    name: opts.hostName ?? "server",
    release,
    stateVersion: opts.stateVersion ?? "25.05",
    system: opts.system ?? "x86_64-linux",
    nixpkgs: opts.nixpkgs ?? `github:NixOS/nixpkgs/nixos-${release}`,
    network: opts.network ?? { pool: "10.10.10.0/24", externalInterface: "enp1s0", nftables: false },
    proxies: [...(opts.traefik === undefined ? [] : [opts.traefik]), ...(opts.caddy === undefined ? [] : [opts.caddy])],
    containers: opts.containers ?? [],
    routes: [],
    auth: [],
    oidcClients: [],
    dns: [],
    services: opts.services ?? [],
    modules: opts.modules ?? [],
    identityPaths: opts.agenix?.identityPaths ?? ["/persist/etc/ssh/ssh_host_ed25519_key"],
    site,
  };
  return brand("homelab", {
    kind: "homelab" as const,
    domain: opts.domain ?? "example.org",
    hosts: [host],
    secrets: {
      backend: "agenix" as const,
      recipients: opts.agenix?.recipients ?? {
        admin: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAdminKeyForTestsOnly admin",
        server: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyForTestsOnly root@server",
      },
    },
    layout: opts.layout ?? { kind: "flat" as const },
    site,
  });
}
