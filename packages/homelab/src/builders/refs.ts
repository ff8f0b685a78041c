import { n } from "@nixjs/expr-printer";
import { z } from "../schema/zod.ts";
import { registerHostRef } from "../model/brand.ts";
import type { HostRef } from "../model/index.ts";
import { containerName } from "../schema/primitives.ts";
import { captureSite } from "../site/capture.ts";
import { guardedValue } from "./collect.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

function makeRef(path: readonly [string, ...string[]]): HostRef {
  return registerHostRef(n.select(n.id("config"), [...path]));
}

const refPath = z
  .array(z.string().regex(/^[^\0]+$/, { error: "expected a non-empty option name" }), { error: "expected an option path" })
  .min(1, { error: "expected at least one option name" });

/**
 * A value of the host's NixOS configuration, rendered as a reference (`config.<path>`) that
 * reaches the host's configuration even from inside a container's guest config. It is a Nix
 * expression: put it in a config, or interpolate it (`` n.str`${hostRef("networking.hostName")}.lan` ``).
 * @example hostRef("networking.hostName")
 * @example hostRef(["services", "caddy", "virtualHosts", "a.example.org", "hostName"])
 */
export function hostRef(path: string | readonly string[]): HostRef {
  const site = captureSite(hostRef);
  const names = typeof path === "string" ? path.split(".") : path;
  return guardedValue(
    () => makeRef(["invalid"]),
    () => {
      const label = callLabel("hostRef", typeof path === "string" ? path : path.join("."));
      const parsed = parseInput(refPath, names, { label, site });
      return makeRef(parsed as [string, ...string[]]);
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
