/**
 * Fleet references (`hostRef("nas").address`) known by identity, like host references: they
 * are Nix selection nodes (`fleet.hosts.nas.address`) that carry which host and which value
 * they name, so the fleet check can tell a reference to a host the fleet lacks.
 */
import { n, node, type NixSelect } from "@nixjs/expr-printer";
import type { FleetRef } from "./fleet.ts";

const FLEET_REFS_KEY = Symbol.for("@nixjs/homelab.fleet-refs");

/**
 * Shared by every copy of this package (a registered symbol), as host references are; `made`
 * counts them, so a scan for them is skipped while none exists (a homelab of one host).
 */
const REGISTRY: { readonly refs: WeakSet<object>; made: number } = ((globalThis as { [FLEET_REFS_KEY]?: { refs: WeakSet<object>; made: number } })[FLEET_REFS_KEY] ??= {
  refs: new WeakSet(),
  made: 0,
});
const FLEET_REFS = REGISTRY.refs;

/**
 * False while no fleet reference has been made in this process: no config can hold one.
 * @example if (fleetRefsMade()) scan(configs)
 */
export function fleetRefsMade(): boolean {
  return REGISTRY.made > 0;
}

/**
 * True for a reference made by `hostRef(name).address` or `hostRef(name).container(c).address`.
 * @example isFleetRef(hostRef("nas").address) // true
 */
export function isFleetRef(value: unknown): value is FleetRef {
  return typeof value === "object" && value !== null && FLEET_REFS.has(value);
}

/**
 * The reference to `value` of `host` in the fleet's facts (`fleet.nix`, the module argument
 * `fleet`): `fleet.hosts.<host>.address`, `fleet.hosts.<host>.containers.<c>.address`. A
 * selection node like `n.select` makes, with `fleetHost` and `value` as non-enumerable fields
 * (so it prints, compares and serialises exactly as the plain selection).
 * @example fleetRef("nas", { kind: "address" }) // fleet.hosts.nas.address
 */
export function fleetRef(host: string, value: FleetRef["value"]): FleetRef {
  const path = value.kind === "address" ? ["hosts", host, "address"] : ["hosts", host, "containers", value.container, "address"];
  const plain = n.select(n.id("fleet"), path);
  // The key order of `n.select`'s nodes (their class declares `kind` after `expr` and `path`).
  const ref = { expr: plain.expr, path: plain.path, kind: "select" } as NixSelect;
  Object.defineProperties(ref, {
    fleetHost: { value: host, enumerable: false },
    value: { value: Object.freeze({ ...value }), enumerable: false },
  });
  const made = node(ref) as FleetRef;
  FLEET_REFS.add(made);
  REGISTRY.made++;
  return made;
}
