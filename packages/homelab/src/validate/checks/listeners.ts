/**
 * Host listeners (the facts' list, which the firewall reads too): two of them clash when they
 * share protocol and port and their bind addresses overlap. Grouped by protocol/port, then by
 * address, so the check is linear; each listener in a clash is reported naming others.
 */
import type { Listener } from "../../facts/located.ts";
import { ANY_ADDRESS } from "../../net/ipv4.ts";
import { providerOf } from "../../proxies/index.ts";
import type { CheckContext } from "../context.ts";
import { groupBy, MAX_RELATED, nameOthers } from "../report.ts";

/**
 * True when two listeners cannot both bind: same protocol and port, and the same address or
 * one of them on every address. The one definition; the check below only narrows whom to test.
 */
function listenersClash(a: Listener, b: Listener): boolean {
  return a !== b && a.protocol === b.protocol && a.port === b.port && (a.address === b.address || a.address === ANY_ADDRESS || b.address === ANY_ADDRESS);
}

/** How to move the proxies among `listeners` (their providers' hints), each once. */
function conflictHints(listeners: readonly Listener[]): string {
  const hints = new Set<string>();
  for (const l of listeners) {
    const hint = l.subject.kind === "proxy" ? providerOf(l.subject.name)?.portConflictHint : undefined;
    if (hint !== undefined) hints.add(hint);
  }
  return [...hints].join("");
}

export function checkListeners(ctx: CheckContext): void {
  for (const group of groupBy(ctx.facts.listeners, (l) => `${l.protocol}/${l.port}`).values()) {
    if (group.length < 2) continue;
    const wildcards = group.filter((l) => l.address === ANY_ADDRESS);
    const byAddress = groupBy(group, (l) => l.address);
    for (const l of group) {
      // Who can clash with `l`: everyone when it binds every address; else the wildcards and
      // the other listeners on its address. Collected up to MAX_RELATED, counted in full.
      const candidates = l.address === ANY_ADDRESS ? [group] : [wildcards, byAddress.get(l.address)!];
      // Exactly the number of others `listenersClash` accepts, without testing each one.
      const total = l.address === ANY_ADDRESS ? group.length - 1 : wildcards.length + byAddress.get(l.address)!.length - 1;
      if (total === 0) continue;
      const others: Listener[] = [];
      for (const list of candidates) {
        for (const o of list) {
          if (others.length >= MAX_RELATED) break;
          if (listenersClash(l, o) && !others.includes(o)) others.push(o);
        }
      }
      const where = l.address === ANY_ADDRESS ? "every address" : l.address;
      const hint = conflictHints([l, ...others]);
      ctx.report.error(
        "port-conflict",
        l,
        `port ${l.port}/${l.protocol} on ${where} (${l.owner}) is also bound by ${nameOthers(others, total)}: move one to another port or bind them to different addresses${hint}`,
        others,
      );
    }
  }
}
