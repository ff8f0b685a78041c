/**
 * The host firewall's own openings (the firewall facts, which the renderer writes):
 * - `firewall-port-unused` (note): an opening of `homelab({ firewall })` that no listener nixjs
 *   knows uses, and that says nothing of what it is for (`for`). A note, not a warning: a
 *   hand-written module may listen there, which nixjs cannot see; `for` says so and silences it.
 * - `database-port-open` (warning): a database's port opened on every interface, where it is
 *   reachable from wherever the host is (the internet, with a public address or a forwarded
 *   port), rather than on one LAN interface or over loopback.
 */
import { covers, type FirewallEntry } from "../../facts/firewall.ts";
import type { Listener } from "../../facts/located.ts";
import { isLoopback } from "../../net/ipv4.ts";
import type { CheckContext } from "../context.ts";
import { groupBy } from "../report.ts";
import { DATABASE_PORTS, isDatabaseListener } from "./firewall-databases.ts";

function span(e: { readonly from: number; readonly to: number; readonly protocol: string }): string {
  return e.from === e.to ? `${e.from}/${e.protocol}` : `${e.from}–${e.to}/${e.protocol}`;
}

/** Listeners reachable from off the host, by protocol: what an opening can be for. */
function reachable(listeners: readonly Listener[]): Map<string, Listener[]> {
  return groupBy(
    listeners.filter((l) => !isLoopback(l.address)),
    (l) => l.protocol,
  );
}

function checkUnused(ctx: CheckContext): void {
  const byProtocol = reachable(ctx.facts.listeners);
  for (const e of ctx.facts.firewall.entries) {
    if (e.source.kind !== "user" || e.source.opening.for !== undefined) continue;
    const used = (byProtocol.get(e.protocol) ?? []).some((l) => e.from <= l.port && l.port <= e.to);
    if (used) continue;
    const where = e.interface === undefined ? "" : ` on ${e.interface}`;
    const what = e.from === e.to ? "that port" : "those ports";
    ctx.report.note(
      "firewall-port-unused",
      e,
      `the firewall opens ${span(e)}${where}, but nothing nixjs knows listens on ${what}: drop the opening if it is left over, or say what listens there with { ${e.range ? `from: ${e.from}, to: ${e.to}` : `port: ${e.from}`}, for: "…" } (a hand-written module, say)`,
    );
  }
}

function lanHint(e: FirewallEntry): string {
  if (e.source.kind === "user") {
    const key = e.source.opening.path[e.source.opening.path.length - 2];
    return `move it under firewall.interfaces.<lan interface>.${String(key)}`;
  }
  return `bind it to 127.0.0.1 or a LAN address (address), or open it on one interface (open: { interface: "<lan interface>" })`;
}

function checkDatabases(ctx: CheckContext): void {
  const { facts, host } = ctx;
  const listenersAt = groupBy(facts.listeners, (l) => `${l.protocol}/${l.port}`);
  for (const e of facts.firewall.entries) {
    if (e.interface !== undefined || e.protocol !== "tcp") continue;
    const hits: string[] = [];
    for (const [port, db] of DATABASE_PORTS) {
      if (!covers(e, "tcp", port)) continue;
      const here = listenersAt.get(`tcp/${port}`) ?? [];
      // A listener decides when nixjs knows one there: a database by its service or name, or
      // something else (OpenCloud on 9200). A user's single-port opening of a database port
      // nobody known listens on is taken at its word; a range is not (it was not about that port).
      const isDatabase =
        e.source.kind === "listener" ? isDatabaseListener(host, e.source.listener)
        : here.length > 0 ? here.some((l) => isDatabaseListener(host, l))
        : !e.range;
      if (isDatabase) hits.push(`${port} (${db})`);
    }
    if (hits.length === 0) continue;
    const owner = e.source.kind === "listener" ? ` for ${e.source.listener.owner}` : "";
    ctx.report.warning(
      "database-port-open",
      e,
      `the host firewall opens the database port ${hits.join(", ")}${owner} on every interface, reachable from every network the host is on: ${lanHint(e)}`,
    );
  }
}

export function checkFirewall(ctx: CheckContext): void {
  // A firewall turned off opens nothing and filters nothing: neither question arises.
  if (!ctx.facts.firewall.enable) return;
  checkUnused(ctx);
  checkDatabases(ctx);
}
