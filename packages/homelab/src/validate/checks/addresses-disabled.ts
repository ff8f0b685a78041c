/**
 * Disabled private-network containers, which no check counts: a note where enabling one would
 * clash with an enabled container's address (or find no free one), so the user is not
 * surprised the day they switch it on. Nothing among disabled containers themselves.
 */
import type { NspawnContainer } from "../../model/index.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, type Located } from "../report.ts";
import type { Address } from "./addresses.ts";

/**
 * Notes `disabled-would-conflict` for each disabled container in `disabled` whose addresses
 * meet the enabled containers' `locals`/`hosts`.
 * @example checkDisabledAddresses(ctx, new Set(), [{ c: old, first: true }], locals, hosts)
 */
export function checkDisabledAddresses(
  ctx: CheckContext,
  unplaced: ReadonlySet<string>,
  disabled: readonly { readonly c: NspawnContainer; readonly first: boolean }[],
  locals: readonly Address[],
  hosts: readonly Address[],
): void {
  const { report } = ctx;
  const { plan } = ctx.facts;
  const localIndex = groupBy(locals, (a) => a.address);
  const hostIndex = groupBy(hosts, (a) => a.address);
  for (const { c, first } of disabled) {
    const planned = first ? plan.addresses.get(c.name) : undefined;
    if (first && planned === undefined && unplaced.has(c.name)) {
      report.note("disabled-would-conflict", at(c), `disabled, and the pool ${ctx.host.network.pool} has no free address left for it: before enabling it, use a larger pool or give it hostAddress and localAddress`);
    }
    const local = c.localAddress ?? planned?.localAddress;
    const host = c.hostAddress ?? planned?.hostAddress;
    const clashes: { field: "localAddress" | "hostAddress"; address: string; with: readonly Located[] }[] = [];
    if (local !== undefined) {
      const others = [...(localIndex.get(local) ?? []), ...(hostIndex.get(local) ?? [])];
      if (others.length > 0) clashes.push({ field: "localAddress", address: local, with: others });
    }
    if (host !== undefined) {
      const others = localIndex.get(host) ?? [];
      if (others.length > 0) clashes.push({ field: "hostAddress", address: host, with: others });
    }
    for (const clash of clashes) {
      report.note(
        "disabled-would-conflict",
        at(c, clash.field),
        `disabled, so not checked; enabled, its ${clash.field} ${clash.address} would clash with ${nameOthers(clash.with, clash.with.length)}: pick another address before enabling it`,
        clash.with,
      );
    }
  }
}
