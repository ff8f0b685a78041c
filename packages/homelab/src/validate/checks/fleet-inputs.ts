/**
 * The flake inputs hosts of a fleet declare for themselves (`host({ inputs })`): the fleet's
 * `flake.nix` has one `inputs` set, so one name is one input for every host. Two hosts giving
 * one name two different inputs, or a host naming an input the fleet's flake declares itself
 * (a nixpkgs per release, the secret backend's, a deploy tool's), would leave one of them out
 * silently: each is an error, at the host's `inputs.<name>`.
 */
import { atHomelab } from "../../facts/located.ts";
import type { FlakeInputSpec, Host } from "../../model/index.ts";
import { DEPLOY_PROVIDERS } from "../../deploy/index.ts";
import { nixpkgsInputs } from "../../render/fleet/nixpkgs-inputs.ts";
import { secretBackend } from "../../secrets/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import type { FleetCheckContext } from "./fleet-context.ts";

/** An input as `flake.nix` writes it: what two hosts must agree on. */
function shape(i: FlakeInputSpec): string {
  return JSON.stringify([i.url, i.flake, i.follows]);
}

export function checkFleetInputs(ctx: FleetCheckContext): void {
  if (ctx.lab.fleet === undefined) return;
  // By name: the first host by name is the one the flake follows (render/fleet/flake.ts).
  const hosts = [...ctx.lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  const own = new Map<string, string>([
    ...nixpkgsInputs(hosts).inputs.map((i): [string, string] => [i.name, "the nixpkgs of a release its hosts run"]),
    [secretBackend(ctx.lab).input.name, "the secret backend's"],
    ...DEPLOY_PROVIDERS.filter((p) => ctx.lab.fleet!.deploy.includes(p.tool)).map((p): [string, string] => [p.input.name, `${p.tool}'s`]),
  ]);
  const first = new Map<string, { readonly host: Host; readonly input: FlakeInputSpec }>();
  for (const host of hosts) {
    for (const input of host.flake?.inputs ?? []) {
      const at = atHomelab(host, "inputs", input.name);
      const taken = own.get(input.name);
      if (taken !== undefined) {
        ctx.report(host).error("fleet-input-conflict", at, `the fleet's flake.nix declares the input "${input.name}" itself (${taken}): name ${host.name}'s input otherwise`);
        continue;
      }
      const seen = first.get(input.name);
      if (seen === undefined) first.set(input.name, { host, input });
      else if (shape(seen.input) !== shape(input)) {
        ctx.report(host).error(
          "fleet-input-conflict",
          at,
          `${seen.host.name} declares the input "${input.name}" as ${seen.input.url}, ${host.name} otherwise (${input.url}${input.flake ? "" : ", flake = false"}): the fleet's flake.nix has one input of each name, so give them one declaration or two names`,
          [atHomelab(seen.host, "inputs", input.name)],
        );
      }
    }
  }
}
