/**
 * What every check needs, computed once per `validate` call: the pool, the address plan,
 * containers indexed by name, and one scan of every config. Checks read it and report.
 */
import { planAddresses, type AddressPlan } from "../allocate/index.ts";
import type { Container, Homelab, HostService, NspawnContainer, SourceSite } from "../model/index.ts";
import { parseCidr, type Ipv4Pool } from "../net/ipv4.ts";
import { containerPath, servicePath } from "./paths.ts";
import { groupBy, Reporter, type Located } from "./report.ts";
import { scanConfig, type ConfigScan } from "./scan.ts";

/** A config that was scanned, and the system it belongs to. */
export interface ScannedConfig extends ConfigScan {
  /** The container whose guest system evaluates it, or `undefined` for the host. */
  readonly guest?: NspawnContainer;
  readonly site: SourceSite;
}

export interface CheckContext {
  readonly lab: Homelab;
  /** The pool, when `lab.network.pool` is a valid CIDR. */
  readonly pool: Ipv4Pool | undefined;
  readonly plan: AddressPlan;
  readonly report: Reporter;
  /**
   * Enabled containers. Disabled ones take part in the name and address checks (their names
   * and addresses stay reserved) and are never valid targets, but they listen on nothing,
   * route nothing and declare nothing.
   */
  readonly enabled: readonly Container[];
  readonly enabledServices: readonly HostService[];
  /** Every container (enabled or not) by name, in declaration order. */
  readonly byName: ReadonlyMap<string, readonly Container[]>;
  readonly configs: readonly ScannedConfig[];
}

/** Where a container is, for diagnostics. */
export function at(c: Container, suffix = ""): Located {
  return { path: containerPath(c) + suffix, site: c.site };
}

/** Where a host service is, for diagnostics. */
export function atService(s: HostService, suffix = ""): Located {
  return { path: servicePath(s) + suffix, site: s.site };
}

/** Builds the context of one `validate` run. */
export function checkContext(lab: Homelab): CheckContext {
  const parsed = parseCidr(lab.network.pool);
  const enabled = lab.containers.filter((c) => c.enable);
  const enabledServices = lab.services.filter((s) => s.enable);
  const configs: ScannedConfig[] = [];
  for (const c of enabled) {
    if (c.backend !== "nspawn") continue;
    configs.push({ ...scanConfig(c.config, `${containerPath(c)}.config`), guest: c, site: c.site });
    configs.push({ ...scanConfig(c.extraOptions, `${containerPath(c)}.extraOptions`), site: c.site });
  }
  for (const s of enabledServices) configs.push({ ...scanConfig(s.config, `${servicePath(s)}.config`), site: s.site });
  return {
    lab,
    pool: parsed.ok ? parsed.pool : undefined,
    plan: planAddresses(lab),
    report: new Reporter(),
    enabled,
    enabledServices,
    byName: groupBy(lab.containers, (c) => c.name),
    configs,
  };
}
