/**
 * Host ports of disabled containers, which no check counts (they listen on nothing): a note
 * where enabling one would take a port an enabled part already listens on, so the clash does
 * not come as a surprise the day it is switched on. Disabled containers among themselves: nothing.
 */
import { hostListeners } from "../../facts/listeners.ts";
import type { Listener } from "../../facts/located.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import type { CheckContext } from "../context.ts";
import { groupBy, nameOthers } from "../report.ts";

/** The listeners the disabled containers would have once enabled (the host's list, as for enabled ones). */
function wouldListen(ctx: CheckContext): Listener[] {
  const disabled = ctx.host.containers.filter((c) => !c.enable);
  if (disabled.length === 0) return [];
  return hostListeners({ ...ctx.host, proxies: [], services: [], containers: disabled.map((c) => ({ ...c, enable: true })) }, []);
}

export function checkDisabledPorts(ctx: CheckContext): void {
  const would = wouldListen(ctx);
  if (would.length === 0) return;
  const byPort = groupBy(ctx.facts.listeners, (l) => `${l.protocol}/${l.port}`);
  for (const l of would) {
    const clashes = (byPort.get(`${l.protocol}/${l.port}`) ?? []).filter((e) => e.address === l.address || e.address === ANY_ADDRESS || l.address === ANY_ADDRESS);
    if (clashes.length === 0) continue;
    ctx.report.note(
      "disabled-would-conflict",
      l,
      `disabled, so not checked; enabled, it would listen on ${l.address}:${l.port}/${l.protocol} like ${nameOthers(clashes, clashes.length)}: move one of them before enabling it`,
      clashes,
    );
  }
}
