import { n, type NixExpr } from "@nixjs/expr-printer";
import type { NixConfig, NspawnContainer } from "../../model/index.ts";
import { compareCodeUnits as byCodeUnit } from "../../util/order.ts";
import { dataToNix } from "./data.ts";
import { freeVariables } from "./free-vars.ts";
import { isPlainObject } from "../../config/plain.ts";
import { mergeConfig, sortKeysDeep } from "./merge.ts";

/** The name the host's configuration is bound to in a file whose guest module shadows `config`. */
export const HOST_CONFIG = "hostConfig";

/** Module arguments that mean something different inside the guest than on the host. */
const GUEST_ARGS: ReadonlySet<string> = new Set(["config", "modulesPath", "options", "pkgs"]);

/** What a guest needs besides the user's config. */
export interface GuestInput {
  readonly container: NspawnContainer;
  readonly stateVersion: string;
  /**
   * The secret backend's declarations for the guest (its module imported, the host keys as
   * identities, one entry per secret), or `undefined` when it decrypts none.
   */
  readonly declarations: Record<string, unknown> | undefined;
  /** Further generated config (the Traefik container's own `services.traefik`). */
  readonly extra?: NixConfig;
  /** Modules layout: this service port is written as an expression (`cfg.port`). */
  readonly main?: { readonly port: number; readonly portExpr: NixExpr };
}

/** A rendered guest configuration. */
export interface GuestConfig {
  readonly expr: NixExpr;
  /** The file must bind `hostConfig = config;`: a host reference sits in a module function. */
  readonly usesHostConfig: boolean;
}

/**
 * What nixjs generates inside a guest:
 * - private network: the service ports (and forwarded container ports) opened in the guest's
 *   own firewall, which is active and would block the proxy; and DNS through the guest's own
 *   systemd-resolved, because the host's `/etc/resolv.conf` copied in at start often names a
 *   resolver on the host's loopback (`127.0.0.53`, a local AdGuard on `127.0.0.1`) that is
 *   unreachable from the guest's network namespace (left out when the user's config sets
 *   `networking.useHostResolvConf` or `services.resolved.enable`: DNS is then theirs);
 * - host network: the guest firewall off (the guest shares the host's netfilter: without
 *   CAP_NET_ADMIN its firewall unit fails, with it it would rewrite the host's rules); the
 *   ports are opened on the host instead;
 * - secrets: the backend's declarations (its module imported again, as host modules are not
 *   visible in a guest; the host keys as identities; one entry per secret);
 * - `system.stateVersion` (each guest is its own NixOS system).
 */
function generated(input: GuestInput): Record<string, unknown> {
  const c = input.container;
  const out: Record<string, unknown> = { ...input.declarations };
  if (c.network === "private") {
    const tcp = new Set<number>();
    const udp = new Set<number>();
    // `open: false`: a listener the guest's firewall leaves closed; `{ interface }`: opened on
    // that guest interface only (`networking.firewall.interfaces.<name>`).
    const onInterface = new Map<string, { tcp: Set<number>; udp: Set<number> }>();
    for (const p of c.ports) {
      if (p.open === false) continue;
      if (p.open === undefined) (p.protocol === "udp" ? udp : tcp).add(p.port);
      else {
        const sets = onInterface.get(p.open.interface) ?? { tcp: new Set<number>(), udp: new Set<number>() };
        onInterface.set(p.open.interface, sets);
        (p.protocol === "udp" ? sets.udp : sets.tcp).add(p.port);
      }
    }
    for (const f of c.forwardPorts) (f.protocol === "udp" ? udp : tcp).add(f.containerPort);
    const main = input.main;
    const ports = (set: Set<number>): unknown[] =>
      [...set].sort((a, b) => a - b).map((p) => (main !== undefined && p === main.port ? main.portExpr : p));
    const firewall: Record<string, unknown> = {};
    if (tcp.size > 0) firewall["allowedTCPPorts"] = ports(tcp);
    if (udp.size > 0) firewall["allowedUDPPorts"] = ports(udp);
    if (onInterface.size > 0) {
      const interfaces: Record<string, unknown> = {};
      for (const [name, sets] of onInterface) {
        interfaces[name] = { ...(sets.tcp.size > 0 ? { allowedTCPPorts: ports(sets.tcp) } : {}), ...(sets.udp.size > 0 ? { allowedUDPPorts: ports(sets.udp) } : {}) };
      }
      firewall["interfaces"] = interfaces;
    }
    // The two DNS settings go together (resolved asserts the host's resolv.conf is unused):
    // when the user sets either, DNS is theirs.
    const user = input.container.config;
    const dnsIsUsers = has(user, ["networking", "useHostResolvConf"]) || has(user, ["services", "resolved", "enable"]);
    out["networking"] = {
      ...(Object.keys(firewall).length > 0 ? { firewall } : {}),
      ...(dnsIsUsers ? {} : { useHostResolvConf: n.call("lib.mkForce", false) }),
    };
    if (!dnsIsUsers) out["services"] = { resolved: { enable: true } };
  } else {
    out["networking"] = { firewall: { enable: false } };
  }
  out["system"] = { stateVersion: input.stateVersion };
  return input.extra === undefined ? out : (mergeConfig(out, input.extra) as Record<string, unknown>);
}

function has(value: unknown, path: readonly string[]): boolean {
  let at: unknown = value;
  for (const key of path) {
    if (!isPlainObject(at) || !(key in at)) return false;
    at = at[key];
  }
  return true;
}

/** Top-level keys sorted, `imports` first, as in a hand-written module. */
function moduleOrder(value: Record<string, unknown>): Record<string, unknown> {
  const sorted = sortKeysDeep(value) as Record<string, unknown>;
  const keys = Object.keys(sorted).sort(byCodeUnit);
  const ordered: Record<string, unknown> = {};
  for (const k of keys.includes("imports") ? ["imports", ...keys.filter((k) => k !== "imports")] : keys) {
    ordered[k] = sorted[k];
  }
  return ordered;
}

/**
 * The guest's `config`: the user's configuration deep-merged with what nixjs generates (see
 * {@link mergeConfig}: sets merge, lists concatenate, the user's scalar wins).
 *
 * When it uses the guest's own `config` (a secret's `path`) or `pkgs`, it is written as a
 * module function `{ config, ... }: { … }` so those are the guest's. A host reference inside
 * such a function then goes through `hostConfig` (bound to the host's `config` at the top of
 * the file); in a plain set it is simply `config.…`, the host's.
 */
export function guestConfig(input: GuestInput): GuestConfig {
  const merged = moduleOrder(
    mergeConfig(generated(input), input.container.config) as Record<string, unknown>,
  );
  const path = `containers.${input.container.name}.config`;
  const asFunction = dataToNix(merged, { hostConfig: HOST_CONFIG, path });
  const free = freeVariables(asFunction);
  const guestArgs = [...free].filter((name) => GUEST_ARGS.has(name)).sort(byCodeUnit);
  if (guestArgs.length === 0) {
    // A plain set: host references are `config.…`. Without any (no free `hostConfig`), the
    // conversion above is already that set (the name is used for host references only).
    const expr = free.has(HOST_CONFIG) ? dataToNix(merged, { hostConfig: "config", path }) : asFunction;
    return { expr, usesHostConfig: false };
  }
  return {
    expr: n.fn({ formals: guestArgs, ellipsis: true }, asFunction),
    usesHostConfig: free.has(HOST_CONFIG),
  };
}
