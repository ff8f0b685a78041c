/**
 * Addresses for private-network nspawn containers that give none. Deterministic (a function
 * of the set of containers, not of their order) and as stable as a stateless allocator can
 * be: every container has a home pair slot derived from a hash of its name, and keeps it
 * whatever else is added or removed, unless a newcomer claims the same addresses first.
 *
 * The pool is cut into aligned pairs (`.2k` host side, `.2k+1` guest side: seed 000's
 * `10.10.10.8`/`10.10.10.9`). In code-unit order of names:
 *  1. every container missing both addresses takes its home pair if free; a container
 *     missing one takes the other half of its given address's pair if free;
 *  2. the rest probe onwards from their home for the next free pair (or single address).
 * Enabled containers go first in both phases, disabled ones after them (they keep an
 * allocation if one is left, so enabling one later moves nothing). Explicit addresses of
 * every container, enabled or not, the network and the broadcast address are never handed
 * out. Explicit addresses outside the pool are used as given: the pool governs allocation only.
 */
import type { Host } from "../model/index.ts";
import { isPrivateNspawn } from "../model/lookup.ts";
import { compareCodeUnits } from "../util/order.ts";
import { formatIpv4, parseCidr, parseIpv4, type Ipv4Pool } from "../net/ipv4.ts";
import { NextFree } from "./next-free.ts";

/** A private-network container's two addresses. */
export interface ContainerAddresses {
  readonly hostAddress: string;
  readonly localAddress: string;
}

/** The allocator's full result, for the renderer (`addresses`) and the checks. */
export interface AddressPlan {
  /** Every private-network nspawn container that has both addresses, given or allocated. */
  readonly addresses: ReadonlyMap<string, ContainerAddresses>;
  /** Names whose missing address(es) did not fit into the pool. */
  readonly unplaced: readonly string[];
  /** Names placed in phase 1 (home pair, or the other half of their given address's pair). */
  readonly atHome: ReadonlySet<string>;
}

/**
 * 32-bit FNV-1a of the name's UTF-16 code units: fixed, fast, spreads similar names apart.
 * @example fnv1a("immich") // 1556340839
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The home pair of a container in a pool: host side and guest side.
 * @example homePair(pool("10.10.10.0/24"), "immich")
 */
export function homePair(pool: Ipv4Pool, name: string): { hostAddress: number; localAddress: number } {
  const slot = fnv1a(name) % (pool.size / 2);
  return { hostAddress: pool.base + 2 * slot, localAddress: pool.base + 2 * slot + 1 };
}


interface Need {
  readonly name: string;
  readonly host?: number;
  readonly local?: number;
}

class PoolState {
  readonly singles: NextFree;
  readonly pairs: NextFree;
  constructor(readonly pool: Ipv4Pool) {
    this.singles = new NextFree(pool.size);
    this.pairs = new NextFree(pool.size / 2);
  }
  isFree(address: number): boolean {
    return address >= this.pool.base && address < this.pool.base + this.pool.size && this.singles.isFree(address - this.pool.base);
  }
  take(address: number): void {
    if (address < this.pool.base || address >= this.pool.base + this.pool.size) return;
    const offset = address - this.pool.base;
    this.singles.take(offset);
    this.pairs.take(offset >> 1);
  }
  /** A free aligned pair at or after the home slot of `name`. */
  probePair(name: string): number | undefined {
    const slot = this.pairs.next(fnv1a(name) % this.pairs.size);
    return slot === undefined ? undefined : this.pool.base + 2 * slot;
  }
  /** A free single address at or after the hash of `name`. */
  probeSingle(name: string): number | undefined {
    const offset = this.singles.next(fnv1a(name) % this.singles.size);
    return offset === undefined ? undefined : this.pool.base + offset;
  }
}

/** What the allocator reads of a host. */
export type AllocatorInput = Pick<Host, "containers" | "network">;

/**
 * Plans the addresses of every private-network nspawn container of a host.
 * @example planAddresses(host).addresses.get("immich") // { hostAddress: "10.10.10.4", localAddress: "10.10.10.5" }
 */
export function planAddresses(host: AllocatorInput): AddressPlan {
  const containers = host.containers.filter(isPrivateNspawn);
  const parsed = parseCidr(host.network.pool);
  const addresses = new Map<string, ContainerAddresses>();
  const seen = new Set<string>();
  const needs: Need[] = [];
  const later: Need[] = [];
  for (const c of [...containers].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    if (seen.has(c.name)) continue; // duplicate names are a `validate` error; the first one counts
    seen.add(c.name);
    if (c.hostAddress !== undefined && c.localAddress !== undefined) {
      addresses.set(c.name, { hostAddress: c.hostAddress, localAddress: c.localAddress });
      continue;
    }
    const host = c.hostAddress === undefined ? undefined : parseIpv4(c.hostAddress);
    const local = c.localAddress === undefined ? undefined : parseIpv4(c.localAddress);
    const need = { name: c.name, ...(host === undefined ? {} : { host }), ...(local === undefined ? {} : { local }) };
    (c.enable ? needs : later).push(need);
  }
  // Enabled containers are placed first: a disabled one never takes an address an enabled
  // one would have had, and only a disabled one can be left without (a note, not an error).
  needs.push(...later);
  if (!parsed.ok) return { addresses, unplaced: needs.map((n) => n.name), atHome: new Set() };

  const state = new PoolState(parsed.pool);
  state.take(parsed.pool.network);
  state.take(parsed.pool.broadcast);
  for (const c of containers) {
    for (const text of [c.hostAddress, c.localAddress]) {
      const a = text === undefined ? undefined : parseIpv4(text);
      if (a !== undefined) state.take(a);
    }
  }

  const atHome = new Set<string>();
  const place = (need: Need, host: number, local: number, home: boolean) => {
    state.take(host);
    state.take(local);
    addresses.set(need.name, { hostAddress: formatIpv4(host), localAddress: formatIpv4(local) });
    if (home) atHome.add(need.name);
  };

  const deferred: Need[] = [];
  for (const need of needs) {
    if (need.host === undefined && need.local === undefined) {
      const home = homePair(parsed.pool, need.name);
      if (state.isFree(home.hostAddress) && state.isFree(home.localAddress)) place(need, home.hostAddress, home.localAddress, true);
      else deferred.push(need);
    } else {
      const given = (need.host ?? need.local)!;
      const mate = (given ^ 1) >>> 0; // `^` works on int32: back to unsigned
      if (state.isFree(mate)) place(need, need.host ?? mate, need.local ?? mate, true);
      else deferred.push(need);
    }
  }

  const unplaced: string[] = [];
  for (const need of deferred) {
    if (need.host === undefined && need.local === undefined) {
      const pair = state.probePair(need.name);
      if (pair !== undefined) {
        place(need, pair, pair + 1, false);
        continue;
      }
      const host = state.probeSingle(need.name);
      if (host !== undefined) state.take(host);
      const local = host === undefined ? undefined : state.probeSingle(need.name);
      if (host !== undefined && local !== undefined) place(need, host, local, false);
      else unplaced.push(need.name);
    } else {
      const single = state.probeSingle(need.name);
      if (single === undefined) unplaced.push(need.name);
      else place(need, need.host ?? single, need.local ?? single, false);
    }
  }
  return { addresses, unplaced, atHome };
}

/**
 * The host and guest address of every private-network nspawn container: given ones as they
 * are, missing ones allocated from `network.pool` (see the module comment for the rules).
 * Containers that did not fit are absent (`validate` reports `pool-exhausted`).
 * @example allocateAddresses(host).get("immich") // { hostAddress: "10.10.10.4", localAddress: "10.10.10.5" }
 */
export function allocateAddresses(host: AllocatorInput): ReadonlyMap<string, ContainerAddresses> {
  return planAddresses(host).addresses;
}
