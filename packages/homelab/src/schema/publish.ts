import type { Protocol, PublishedPort } from "../model/index.ts";
import { ANY_ADDRESS, parseIpv4 } from "../net/ipv4.ts";

/** Result of parsing a Podman `-p` spec: the port, or why it is rejected. */
export type PublishResult =
  | { readonly ok: true; readonly port: PublishedPort }
  | { readonly ok: false; readonly reason: string };

const PORT = /^[1-9]\d{0,4}$/;

function toPort(text: string): number | undefined {
  if (!PORT.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}

const FORMS = 'expected "hostPort:containerPort", "address:hostPort:containerPort", optionally "/tcp" or "/udp", e.g. "127.0.0.1:5432:5432"';

/**
 * Parses a Podman published-port spec as NixOS's `ports` takes it. Only forms with an explicit
 * host port are accepted: a random host port cannot be routed to or checked for conflicts.
 * @example parsePublish("127.0.0.1:5432:5432") // { ok: true, port: { hostAddress: "127.0.0.1", hostPort: 5432, containerPort: 5432, protocol: "tcp" } }
 * @example parsePublish("53:53/udp") // { ok: true, port: { hostAddress: "0.0.0.0", hostPort: 53, containerPort: 53, protocol: "udp" } }
 */
export function parsePublish(spec: string): PublishResult {
  let body = spec;
  let protocol: Protocol = "tcp";
  const slash = body.lastIndexOf("/");
  if (slash >= 0) {
    const proto = body.slice(slash + 1);
    if (proto !== "tcp" && proto !== "udp") return { ok: false, reason: `unknown protocol "${proto}": expected "tcp" or "udp"` };
    protocol = proto;
    body = body.slice(0, slash);
  }
  if (body.startsWith("[")) return { ok: false, reason: "IPv6 bind addresses are not supported yet: bind to an IPv4 address" };
  if (body.includes("-")) return { ok: false, reason: "port ranges are not supported: publish each port on its own" };
  const parts = body.split(":");
  if (parts.length === 1) {
    return { ok: false, reason: `"${spec}" publishes on a random host port: write "${body}:${body}"` };
  }
  if (parts.length > 3) return { ok: false, reason: FORMS };
  const [hostAddress, hostText, containerText] =
    parts.length === 3 ? (parts as [string, string, string]) : [ANY_ADDRESS, parts[0]!, parts[1]!];
  if (parseIpv4(hostAddress) === undefined) return { ok: false, reason: `"${hostAddress}" is not an IPv4 address; ${FORMS}` };
  if (hostText === "") return { ok: false, reason: `"${spec}" publishes on a random host port: give the host port` };
  const hostPort = toPort(hostText);
  const containerPort = toPort(containerText);
  if (hostPort === undefined || containerPort === undefined) {
    return { ok: false, reason: `expected ports 1–65535; ${FORMS}` };
  }
  return { ok: true, port: { hostAddress, hostPort, containerPort, protocol } };
}

/** Writes a published port back as a Podman spec (what NixOS's `ports` takes). */
export function formatPublish(port: PublishedPort): string {
  const address = port.hostAddress === ANY_ADDRESS ? "" : `${port.hostAddress}:`;
  const proto = port.protocol === "tcp" ? "" : `/${port.protocol}`;
  return `${address}${port.hostPort}:${port.containerPort}${proto}`;
}
