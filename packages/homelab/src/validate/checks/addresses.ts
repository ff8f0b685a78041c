/**
 * Private-network addresses of the enabled containers: no two containers with one
 * `localAddress`, no `localAddress` that is a `hostAddress`, no address no container can have,
 * and every missing address allocated. One `hostAddress` shared by several containers is
 * valid (one host-side address on every veth: each veth carries its own route to its guest).
 * The pool governs allocation only: an explicit address outside it is fine, with a warning
 * when it lies in another network nixjs knows of (`facts/networks.ts`).
 *
 * Disabled containers are absent from these checks: their addresses are compared with the
 * enabled ones only to add a note that enabling them would clash (their given addresses and
 * allocations stay reserved, so enabling one later moves nothing).
 */
import { isPrivateNspawn, type NspawnContainer } from "../../model/index.ts";
import { knownNetworks, type KnownNetwork } from "../../facts/networks.ts";
import { formatIpv4, inPool, parseIpv4, type Ipv4Pool } from "../../net/ipv4.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";
import { checkDisabledAddresses } from "./addresses-disabled.ts";

export interface Address extends Located {
  readonly c: NspawnContainer;
  readonly address: string;
}

/** What every container's addresses are compared with, computed once. */
export interface Known {
  readonly networks: readonly KnownNetwork[];
  readonly unplaced: ReadonlySet<string>;
}

/** Why no container can have `value` (`undefined`: it can). */
function unusable(value: number, pool: Ipv4Pool | undefined): string | undefined {
  const first = value >>> 24;
  if (first === 0) return "in 0.0.0.0/8 (\"this network\")";
  if (first === 127) return "a loopback address";
  if (first >= 224) return first < 240 ? "a multicast address" : "a reserved or broadcast address";
  if (pool !== undefined && (value === pool.network || value === pool.broadcast)) {
    return `the ${value === pool.network ? "network" : "broadcast"} address of the pool ${formatIpv4(pool.base)}/${pool.prefix}`;
  }
  return undefined;
}

/** Reserved, overlapping and unplaced addresses of one enabled container; its addresses. */
function ownAddresses(ctx: CheckContext, known: Known, c: NspawnContainer, first: boolean, locals: Address[], hosts: Address[]): void {
  const { report } = ctx;
  const { pool, plan } = ctx.facts;
  const { networks, unplaced } = known;
  for (const field of ["hostAddress", "localAddress"] as const) {
    const text = c[field];
    const value = text === undefined ? undefined : parseIpv4(text);
    if (text === undefined || value === undefined) continue;
    const where = at(c, field);
    const why = unusable(value, pool);
    if (why !== undefined) {
      report.error("address-reserved", where, `${text} is ${why}: no container can have it; pick another address, or omit ${field} to have one allocated`);
      continue;
    }
    if (pool !== undefined && inPool(pool, value)) continue;
    const overlap = networks.find((n) => inPool(n.range, value));
    if (overlap !== undefined) {
      report.warning(
        "address-overlap",
        where,
        `${text} lies in ${overlap.what} (${overlap.cidr}) on this host, so the host routes it two ways: pick an address outside ${overlap.cidr} (the pool ${ctx.host.network.pool}, say), or omit ${field} to have one allocated`,
        [overlap.at],
      );
    }
  }
  const planned = first ? plan.addresses.get(c.name) : undefined;
  if (first && planned === undefined && unplaced.has(c.name)) {
    report.error("pool-exhausted", at(c), `no free address left in the pool ${ctx.host.network.pool}: use a larger pool (network.pool) or give this container hostAddress and localAddress`);
  }
  const local = c.localAddress ?? planned?.localAddress;
  const host = c.hostAddress ?? planned?.hostAddress;
  if (local !== undefined) locals.push({ ...at(c, "localAddress"), c, address: local });
  if (host !== undefined) hosts.push({ ...at(c, "hostAddress"), c, address: host });
}

export function checkAddresses(ctx: CheckContext): void {
  const { report } = ctx;
  const seen = new Set<string>();
  const locals: Address[] = [];
  const hosts: Address[] = [];
  const disabled: { c: NspawnContainer; first: boolean }[] = [];
  const known: Known = { networks: knownNetworks(ctx.host), unplaced: new Set(ctx.facts.plan.unplaced) };
  // Missing addresses come from the plan, whose entry belongs to the first container of a
  // name (duplicates are `duplicate-name`); given ones are checked for every container.
  for (const c of ctx.host.containers.filter(isPrivateNspawn)) {
    const first = !seen.has(c.name);
    seen.add(c.name);
    if (c.enable) ownAddresses(ctx, known, c, first, locals, hosts);
    else disabled.push({ c, first });
  }

  reportGroups(groupBy(locals, (a) => a.address).values(), (member, others, total) =>
    report.error(
      "address-conflict",
      member,
      `localAddress ${member.address} is also the localAddress of ${nameOthers(others, total)}: give each container its own address`,
      others,
    ),
  );

  // Host sides may be shared; a guest side may not be any host side.
  const hostIndex = groupBy(hosts, (a) => a.address);
  for (const local of locals) {
    const clashes = hostIndex.get(local.address);
    if (clashes === undefined) continue;
    const own = clashes.find((h) => h.c === local.c);
    const message =
      own !== undefined
        ? `localAddress ${local.address} is this container's own hostAddress: the two ends of the veth pair need different addresses`
        : `localAddress ${local.address} is the hostAddress of ${nameOthers(clashes, clashes.length)}: a host-side address cannot be a container's address; pick another`;
    report.error("address-host-local", local, message, clashes);
  }

  checkDisabledAddresses(ctx, known.unplaced, disabled, locals, hosts);
}
