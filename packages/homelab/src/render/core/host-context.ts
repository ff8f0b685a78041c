import type { Homelab, Host } from "../../model/index.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import { sortByName } from "../../util/order.ts";
import type { RenderContext } from "./context.ts";

/**
 * The render context of one host: its facts, containers and services sorted by name, and where
 * its files go (`dir`: `""` for a single host, `"hosts/<name>/"` in a fleet).
 * @example hostContext(lab, nas, header, "hosts/nas/").dir // "hosts/nas/"
 */
export function hostContext(lab: Homelab, host: Host, header: string, dir: string): RenderContext {
  const facts = hostFacts(lab, host);
  return {
    lab,
    host,
    facts,
    backend: facts.backend,
    header,
    containers: sortByName(host.containers),
    services: sortByName(host.services),
    addresses: facts.plan.addresses,
    dir,
  };
}
