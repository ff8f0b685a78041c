/**
 * `published-port-unfiltered` (warning): a Podman port published on every address, or an nspawn
 * `forwardPorts` entry, that the user restricts in the host firewall by opening it on one
 * interface only (`firewall.interfaces.<name>`). The restriction does nothing: both are DNAT
 * rules (netavark's, systemd-nspawn's `--port`) applied before the routing decision, so the
 * connection is forwarded to the container and never passes the input chain that NixOS's
 * firewall filters (its forward chain, with `filterForward`, accepts every DNAT-ed connection).
 * The port is reachable on every interface whatever the firewall says. nixjs never opens these
 * ports itself (they need no opening); only a user's opening can suggest a restriction.
 */
import type { FirewallEntry } from "../../facts/firewall.ts";
import type { Listener } from "../../facts/located.ts";
import type { Container } from "../../model/index.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { CheckContext } from "../context.ts";
import { groupBy } from "../report.ts";

/** A published or forwarded port: a listener whose traffic comes in through DNAT. */
function isDnat(enabled: ReadonlyMap<string, Container>, l: Listener): boolean {
  const { subject } = l;
  if (subject.kind !== "container") return false;
  const c = enabled.get(subject.name);
  if (c === undefined) return false;
  if (c.backend === "podman") return c.network !== "host" && l.path[2] === "ports";
  return c.network === "private" && l.path[2] === "forwardPorts";
}

function fix(l: Listener): string {
  return l.path[2] === "forwardPorts"
    ? "systemd-nspawn forwards it from every host address: drop the forward and route the service through the proxy, or filter it in networking.firewall.extraForwardRules (nftables, with filterForward) before NixOS accepts DNAT-ed connections"
    : `publish it on the address of that interface ("<lan address>:${l.port}:…") or on 127.0.0.1 behind the proxy`;
}

export function checkPublishedPorts(ctx: CheckContext): void {
  const { firewall } = ctx.facts;
  if (!firewall.enable) return;
  const openings = groupBy(
    firewall.entries.filter((e) => e.source.kind === "user"),
    (e) => e.protocol,
  );
  const enabled = new Map(ctx.facts.enabled.map((c) => [c.name, c]));
  for (const l of ctx.facts.listeners) {
    if (!isDnat(enabled, l) || l.address !== ANY_ADDRESS) continue;
    const here = (openings.get(l.protocol) ?? []).filter((e) => e.from <= l.port && l.port <= e.to);
    if (here.length === 0 || here.some((e) => e.interface === undefined)) continue;
    const interfaces = [...new Set(here.map((e: FirewallEntry) => e.interface!))].sort().join(", ");
    ctx.report.warning(
      "published-port-unfiltered",
      l,
      `port ${l.port}/${l.protocol} (${l.owner}) is opened in the firewall on ${interfaces} only, but that restricts nothing: it comes in through DNAT, which NixOS's firewall does not filter, so it is reachable on every interface; ${fix(l)}`,
      here,
    );
  }
}
