import { n, node, type NixSelect } from "@nixjs/expr-printer";
import { z } from "../schema/zod.ts";
import { registerHostRef } from "../model/brand.ts";
import { fleetRef } from "../model/fleet-refs.ts";
import type { FleetRef, HostRef, SourceSite } from "../model/index.ts";
import { containerName, hostName } from "../schema/primitives.ts";
import { captureSite } from "../site/capture.ts";
import { guardedValue } from "./collect.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";
import type { InputProblem } from "../schema/problems.ts";

function makeRef(path: readonly [string, ...string[]]): HostRef {
  return registerHostRef(n.select(n.id("config"), [...path]));
}

const refPath = z
  .array(z.string().regex(/^[^\0]+$/, { error: "expected a non-empty option name" }), { error: "expected an option path" })
  .min(1, { error: "expected at least one option name" });

/** A private-network NixOS container's address on another host of the fleet. */
export interface FleetContainerRef {
  /** `fleet.hosts.<host>.containers.<name>.address`: the container's `localAddress`. */
  readonly address: FleetRef;
}

/** What `hostRef(name)` gives besides the path into the host's own config: another host's values. */
export interface FleetHostRef {
  /** `fleet.hosts.<name>.address`: the host's LAN address (`host({ address })`). */
  readonly address: FleetRef;
  /** A private-network NixOS container on that host, by name. */
  container(name: string): FleetContainerRef;
}

/** A host reference with the fleet's values of the host it names. */
export type HostRefOf = HostRef & FleetHostRef;

/**
 * A fleet value of `hostRef(names)`: `names` must be one host's name (not an option path), and
 * `container` (when given) a container name. `what` is how the call goes on, for the label
 * (`.address`, `.container("jellyfin").address`).
 */
function fleetValue(names: readonly string[], site: SourceSite, container: string | undefined): FleetRef {
  const name = names.join(".");
  const what = container === undefined ? ".address" : `.container(${JSON.stringify(container)}).address`;
  const value: FleetRef["value"] = container === undefined ? { kind: "address" } : { kind: "containerAddress", container };
  return guardedValue(
    () => fleetRef("invalid", value),
    () => {
      const problems: InputProblem[] = [];
      if (!hostName.safeParse(name).success) {
        problems.push({ path: [], message: `hostRef(name)${what} takes the name of a host of the fleet like "nas", not an option path: got ${JSON.stringify(name)}` });
      }
      if (container !== undefined) problems.push(...argumentProblems(containerName, container, "container"));
      const call = { label: `${callLabel("hostRef", name)}${what}`, site, builder: "hostRef", name };
      parseInput(z.unknown(), undefined, call, undefined, problems);
      return fleetRef(name, value);
    },
  );
}

/**
 * `ref` (a `config.<path>` selection) as a hand-made node with the fleet values of `hostRef`
 * as non-enumerable members: it prints, compares and serialises as the plain selection.
 */
function withFleetValues(ref: HostRef, names: readonly string[], site: SourceSite): HostRefOf {
  // The key order of `n.select`'s nodes (their class declares `kind` after `expr` and `path`).
  const made = { expr: ref.expr, path: ref.path, kind: "select" } as NixSelect;
  Object.defineProperties(made, {
    // Computed on use: `hostRef("networking.hostName")` has none, and says so only if asked.
    address: { get: () => fleetValue(names, site, undefined), enumerable: false },
    container: { value: (container: string): FleetContainerRef => Object.freeze({ address: fleetValue(names, site, container) }), enumerable: false },
  });
  return registerHostRef(node(made) as HostRef) as HostRefOf;
}

/**
 * A value of the host's NixOS configuration, rendered as a reference (`config.<path>`) that
 * reaches the host's configuration even from inside a container's guest config. It is a Nix
 * expression: put it in a config, or interpolate it (`` n.str`${hostRef("networking.hostName")}.lan` ``).
 *
 * In a fleet (`homelab({ hosts })`), `hostRef(name)` also names another host: `.address` is its
 * LAN address and `.container(c).address` the address of a private-network NixOS container on
 * it, rendered as references into the fleet's facts (`fleet.hosts.nas.address`), never as
 * copied literals. `validate` reports a host or container the fleet does not have.
 * @example hostRef("networking.hostName")
 * @example hostRef(["services", "caddy", "virtualHosts", "a.example.org", "hostName"])
 * @example hostRef("nas").address // fleet.hosts.nas.address
 * @example hostRef("nas").container("jellyfin").address // fleet.hosts.nas.containers.jellyfin.address
 */
export function hostRef(path: string | readonly string[]): HostRefOf {
  const site = captureSite(hostRef);
  const names = typeof path === "string" ? path.split(".") : path;
  return guardedValue(
    () => withFleetValues(makeRef(["invalid"]), ["invalid"], site),
    () => {
      const label = callLabel("hostRef", typeof path === "string" ? path : path.join("."));
      const parsed = parseInput(refPath, names, { label, site });
      return withFleetValues(makeRef(parsed as [string, ...string[]]), parsed, site);
    },
  );
}

/** The values of another container a config can refer to. */
export interface ContainerRef {
  /** The container's name. */
  readonly name: string;
  /** `config.containers.<name>.localAddress`: the container's address. */
  readonly localAddress: HostRef;
  /** `config.containers.<name>.hostAddress`: the host side of its veth pair. */
  readonly hostAddress: HostRef;
}

/**
 * References to another container's addresses, written as Nix references instead of copied
 * literals (`config.containers.authelia.localAddress`); they follow allocated addresses too,
 * and interpolate into strings as references (`` n.str`http://${ref.localAddress}:9091` ``).
 * `validate` reports a reference to a container that does not exist, is disabled or has no
 * private network.
 * @example
 * config: { services: { immich: { settings: { oauth: { issuerUrl: containerRef("authelia").localAddress } } } } }
 */
export function containerRef(name: string): ContainerRef {
  const site = captureSite(containerRef);
  const refs = (target: string): ContainerRef =>
    Object.freeze({
      name,
      localAddress: makeRef(["containers", target, "localAddress"]),
      hostAddress: makeRef(["containers", target, "hostAddress"]),
    });
  return guardedValue(
    () => refs("invalid"),
    () => {
      const label = callLabel("containerRef", name);
      parseInput(z.unknown(), undefined, { label, site }, undefined, argumentProblems(containerName, name, "name"));
      return refs(name);
    },
  );
}
