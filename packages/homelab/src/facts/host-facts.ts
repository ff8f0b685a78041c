/**
 * The facts layer: what validate and render both need to know about a host, computed once
 * (the address plan, the listeners, the routes, the secret uses, the scanned configs) and
 * shared, so a check and the renderer can never answer one question two ways. Computed on first
 * use and kept for the host (the model is immutable), so a synth computes each once.
 */
import { planAddresses, type AddressPlan } from "../allocate/index.ts";
import type { Container } from "../model/containers.ts";
import type { Homelab, Host, HostService } from "../model/homelab.ts";
import { parseCidr, type Ipv4Pool } from "../net/ipv4.ts";
import { releaseFacts, type ReleaseFacts } from "../releases/table.ts";
import { secretBackend, type SecretBackend } from "../secrets/index.ts";
import { scannedConfigs, type ScannedConfig } from "./configs.ts";
import { hostListeners } from "./listeners.ts";
import { firewallFacts, type FirewallFacts } from "./firewall.ts";
import type { Listener } from "./located.ts";
import { placedRoutes, type PlacedRoute } from "./routes.ts";
import { secretUsages } from "./secrets.ts";
import type { SecretUsage } from "./systems.ts";

export interface HostFacts {
  readonly lab: Homelab;
  readonly host: Host;
  readonly backend: SecretBackend;
  /** What the host's NixOS release has and calls things (the release table's entry). */
  readonly release: ReleaseFacts;
  /** The address pool, when `network.pool` is a valid CIDR. */
  readonly pool: Ipv4Pool | undefined;
  readonly plan: AddressPlan;
  /**
   * Enabled containers. Disabled ones take part in the name and address checks (their names
   * and addresses stay reserved) and are never valid targets, but they listen on nothing,
   * route nothing and declare nothing.
   */
  readonly enabled: readonly Container[];
  readonly enabledServices: readonly HostService[];
  /** Every container (enabled or not) by name, in declaration order. */
  readonly byName: ReadonlyMap<string, readonly Container[]>;
  readonly listeners: readonly Listener[];
  /** What the host firewall opens, on which interface, and why (the render writes exactly this). */
  readonly firewall: FirewallFacts;
  readonly routes: readonly PlacedRoute[];
  readonly secrets: readonly SecretUsage[];
  readonly configs: readonly ScannedConfig[];
}

const cache = new WeakMap<Host, HostFacts>();

/**
 * The TCP ports of `host` that routes on the fleet's other hosts reach (`to: { host, … }`):
 * read from the routes as written, since the fleet's facts are built from each host's.
 */
function remoteTargetPorts(lab: Homelab, host: Host): ReadonlySet<number> {
  const ports = new Set<number>();
  if (lab.fleet === undefined) return ports;
  for (const other of lab.hosts) {
    if (other === host) continue;
    const routes = [...other.routes, ...other.containers.filter((c) => c.enable).flatMap((c) => c.routes)];
    for (const r of routes) if (r.target.kind === "remote" && r.target.host === host.name) ports.add(r.target.port);
  }
  return ports;
}

/**
 * The facts of one host of `lab`.
 * @example hostFacts(lab, lab.hosts[0]).listeners.filter((l) => l.port === 443)
 */
export function hostFacts(lab: Homelab, host: Host): HostFacts {
  const known = cache.get(host);
  if (known !== undefined && known.lab === lab) return known;
  const parsed = parseCidr(host.network.pool);
  const backend = secretBackend(lab);
  const byName = new Map<string, Container[]>();
  for (const c of host.containers) {
    const group = byName.get(c.name);
    if (group === undefined) byName.set(c.name, [c]);
    else group.push(c);
  }
  const routes = placedRoutes(lab, host);
  const listeners = hostListeners(host, routes);
  const facts: HostFacts = {
    lab,
    host,
    backend,
    release: releaseFacts(host.release),
    pool: parsed.ok ? parsed.pool : undefined,
    plan: planAddresses(host),
    enabled: host.containers.filter((c) => c.enable),
    enabledServices: host.services.filter((s) => s.enable),
    byName,
    listeners,
    firewall: firewallFacts(host, listeners, remoteTargetPorts(lab, host)),
    routes,
    secrets: secretUsages(host),
    configs: scannedConfigs(host, backend),
  };
  cache.set(host, facts);
  return facts;
}
