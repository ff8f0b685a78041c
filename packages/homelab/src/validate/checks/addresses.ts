/**
 * Private-network addresses: inside the pool, not its network/broadcast address, no two
 * containers with one `localAddress`, no `localAddress` that is a `hostAddress`, and every
 * missing address allocated. Disabled containers take part: their addresses stay reserved.
 */
import { isPrivateNspawn, type NspawnContainer } from "../../model/index.ts";
import { formatIpv4, inPool, parseIpv4 } from "../../net/ipv4.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";

interface Address extends Located {
  readonly c: NspawnContainer;
  readonly address: string;
}

export function checkAddresses(ctx: CheckContext): void {
  const { report } = ctx;
  const { pool, plan } = ctx.facts;
  const privates = ctx.host.containers.filter(isPrivateNspawn);
  const seen = new Set<string>();
  const unplaced = new Set(plan.unplaced);
  const locals: Address[] = [];
  const hosts: Address[] = [];
  for (const c of privates) {
    for (const field of ["hostAddress", "localAddress"] as const) {
      const text = c[field];
      if (text === undefined || pool === undefined) continue;
      const value = parseIpv4(text);
      const where = at(c, field);
      const range = `${formatIpv4(pool.base)}/${pool.prefix}`;
      if (value === undefined || !inPool(pool, value)) {
        report.error("address-outside-pool", where, `${text} is outside the pool ${range}: pick a free address inside it, or omit ${field} to have one allocated`);
      } else if (value === pool.network || value === pool.broadcast) {
        const which = value === pool.network ? "network" : "broadcast";
        report.error("address-reserved", where, `${text} is the ${which} address of the pool ${range}: pick another address, or omit ${field} to have one allocated`);
      }
    }
    // Missing addresses come from the plan, whose entry belongs to the first container of a
    // name (duplicates are `duplicate-name`); given ones are checked for every container.
    const first = !seen.has(c.name);
    seen.add(c.name);
    const planned = first ? plan.addresses.get(c.name) : undefined;
    if (first && planned === undefined && unplaced.has(c.name)) {
      report.error("pool-exhausted", at(c), `no free address left in the pool ${ctx.host.network.pool}: use a larger pool (network.pool) or give this container hostAddress and localAddress`);
    }
    const local = c.localAddress ?? planned?.localAddress;
    const host = c.hostAddress ?? planned?.hostAddress;
    if (local !== undefined) locals.push({ ...at(c, "localAddress"), c, address: local });
    if (host !== undefined) hosts.push({ ...at(c, "hostAddress"), c, address: host });
  }

  reportGroups(groupBy(locals, (a) => a.address).values(), (member, others, total) =>
    report.error(
      "address-conflict",
      member,
      `localAddress ${member.address} is also the localAddress of ${nameOthers(others, total)}: give each container its own address`,
      others,
    ),
  );

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
}
