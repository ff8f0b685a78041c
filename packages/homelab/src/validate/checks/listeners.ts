/**
 * Host listeners: two of them clash when they share protocol and port and their bind
 * addresses overlap (equal, or either is 0.0.0.0). Grouped by protocol/port, then by
 * address, so the check is linear; each listener in a clash is reported naming others.
 */
import type { Protocol } from "../../model/index.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, MAX_RELATED, nameOthers, type Located } from "../report.ts";

/** One socket bound on the host. */
export interface Listener extends Located {
  readonly protocol: Protocol;
  readonly address: string;
  readonly port: number;
  /** Who listens, for messages: `the Podman container sonarr`. */
  readonly owner: string;
}

/** Every host listener of the enabled parts of the lab. */
export function hostListeners(ctx: CheckContext): Listener[] {
  const out: Listener[] = [];
  const { traefik, caddy } = ctx.lab;
  if (traefik !== undefined) {
    const owner = traefik.mode === "container" ? "the traefik container" : "the Traefik service";
    out.push({ path: "traefik.entryPoints.web", site: traefik.site, protocol: "tcp", address: ANY_ADDRESS, port: 80, owner });
    out.push({ path: `traefik.entryPoints.${traefik.entryPoint}`, site: traefik.site, protocol: "tcp", address: ANY_ADDRESS, port: 443, owner });
  }
  if (caddy !== undefined) {
    const owner = "Caddy";
    const http = caddy.httpPort ?? 80;
    const https = caddy.httpsPort ?? 443;
    out.push({ path: "caddy.httpPort", site: caddy.site, protocol: "tcp", address: ANY_ADDRESS, port: http, owner });
    out.push({ path: "caddy.httpsPort", site: caddy.site, protocol: "tcp", address: ANY_ADDRESS, port: https, owner });
    out.push({ path: "caddy.http3", site: caddy.site, protocol: "udp", address: ANY_ADDRESS, port: https, owner });
  }
  for (const c of ctx.enabled) {
    if (c.backend === "nspawn" && c.network === "host") {
      c.ports.forEach((p, i) => out.push({ ...at(c, `.ports[${i}]`), protocol: p.protocol, address: p.address, port: p.port, owner: `the host-network container ${c.name}` }));
    } else if (c.backend === "nspawn") {
      c.forwardPorts.forEach((f, i) => out.push({ ...at(c, `.forwardPorts[${i}]`), protocol: f.protocol, address: ANY_ADDRESS, port: f.hostPort, owner: `the forwarded port of ${c.name}` }));
    } else if (c.network !== "host") {
      c.ports.forEach((p, i) => out.push({ ...at(c, `.ports[${i}]`), protocol: p.protocol, address: p.hostAddress, port: p.hostPort, owner: `the Podman container ${c.name}` }));
    }
  }
  for (const s of ctx.enabledServices) {
    s.ports.forEach((p, i) => out.push({ ...atService(s, `.ports[${i}]`), protocol: p.protocol, address: p.address, port: p.port, owner: `the service ${s.name}` }));
  }
  return out;
}

/** True when two listeners cannot both bind: the definition the check implements. */
export function listenersClash(a: Listener, b: Listener): boolean {
  return a.protocol === b.protocol && a.port === b.port && (a.address === b.address || a.address === ANY_ADDRESS || b.address === ANY_ADDRESS);
}

export function checkListeners(ctx: CheckContext): void {
  for (const group of groupBy(hostListeners(ctx), (l) => `${l.protocol}/${l.port}`).values()) {
    if (group.length < 2) continue;
    const wildcards = group.filter((l) => l.address === ANY_ADDRESS);
    const byAddress = groupBy(group, (l) => l.address);
    for (const l of group) {
      // Who clashes with `l`: everyone when it binds every address; else the wildcards and
      // the other listeners on its address. Collected up to MAX_RELATED, counted in full.
      const candidates = l.address === ANY_ADDRESS ? [group] : [wildcards, byAddress.get(l.address)!];
      const total = l.address === ANY_ADDRESS ? group.length - 1 : wildcards.length + byAddress.get(l.address)!.length - 1;
      if (total === 0) continue;
      const others: Listener[] = [];
      for (const list of candidates) {
        for (const o of list) {
          if (others.length >= MAX_RELATED) break;
          if (o !== l && !others.includes(o)) others.push(o);
        }
      }
      const where = l.address === ANY_ADDRESS ? "every address" : l.address;
      const hint = [l, ...others].some((o) => o.path.startsWith("caddy.")) ? " (Caddy moves with caddy({ httpPort, httpsPort }))" : "";
      ctx.report.error(
        "port-conflict",
        l,
        `port ${l.port}/${l.protocol} on ${where} (${l.owner}) is also bound by ${nameOthers(others, total)}: move one to another port or bind them to different addresses${hint}`,
        others,
      );
    }
  }
}
