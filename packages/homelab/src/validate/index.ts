/**
 * `validate(lab)`: every check no Nix module makes, all diagnostics at once. Each check is
 * linear or O(n log n) in the size of the lab (indexes and groupings, never pairwise loops),
 * and reads the host's facts — the same the renderer reads.
 */
import { sortDiagnostics } from "../diagnostics/order.ts";
import { hostFacts } from "../facts/host-facts.ts";
import type { Diagnostic, Homelab } from "../model/index.ts";
import { checkAddresses } from "./checks/addresses.ts";
import { checkDeploy } from "./checks/deploy.ts";
import { checkExposedApps } from "./checks/exposed-admin.ts";
import { checkForwardedTrust } from "./checks/forwarded-trust.ts";
import { checkFiles } from "./checks/files.ts";
import { checkFirewall } from "./checks/firewall.ts";
import { checkContainerFirewalls } from "./checks/firewall-container.ts";
import { checkPublishedPorts } from "./checks/firewall-published.ts";
import { checkHostNetwork } from "./checks/host-network.ts";
import { checkIsolation } from "./checks/isolation.ts";
import { checkDisabledPorts } from "./checks/ports-disabled.ts";
import { checkUntypedNspawnOptions } from "./checks/nspawn-untyped.ts";
import { checkFlake } from "./checks/flake.ts";
import { checkStateFiles } from "./checks/state-files.ts";
import { checkListeners } from "./checks/listeners.ts";
import { checkLiteralSecrets } from "./checks/literal-secrets.ts";
import { checkMounts } from "./checks/mounts.ts";
import { checkNames } from "./checks/names.ts";
import { checkPodman } from "./checks/podman.ts";
import { checkNetworkContainer } from "./checks/network-container.ts";
import { checkPodmanRuntime } from "./checks/podman-runtime.ts";
import { checkProxies } from "./checks/proxies.ts";
import { checkRelease } from "./checks/release.ts";
import { checkRefs } from "./checks/refs.ts";
import { checkRouteBypass } from "./checks/route-bypass.ts";
import { checkRoutes } from "./checks/routes.ts";
import { checkSecrets } from "./checks/secrets.ts";
import { Reporter, type HostCheck } from "./context.ts";
import { fleetFacts } from "../facts/fleet.ts";
import type { Host } from "../model/index.ts";
import type { FleetCheck } from "./checks/fleet-context.ts";
import { checkAddressesNeeded } from "./checks/fleet-address-needed.ts";
import { checkHostAddresses, checkHostNames } from "./checks/fleet-hosts.ts";
import { checkFleetRefs } from "./checks/fleet-refs.ts";
import { checkFleetInputs } from "./checks/fleet-inputs.ts";
import { checkRemoteRoutes } from "./checks/fleet-routes.ts";
import { checkDeployFleet } from "./checks/deploy-fleet.ts";
import { checkSecretRecipients } from "./checks/secret-recipients.ts";
import { checkAuthProviders } from "../auth/checks.ts";
import { checkOidcClients } from "../auth/oidc-checks.ts";
import { checkDnsRewrites } from "../dns/checks.ts";

const HOST_CHECKS: readonly HostCheck[] = [
  checkNames,
  checkFiles,
  checkAddresses,
  checkListeners,
  checkRoutes,
  checkRouteBypass,
  checkForwardedTrust,
  checkExposedApps,
  checkProxies,
  checkAuthProviders,
  checkOidcClients,
  checkDnsRewrites,
  checkSecrets,
  checkLiteralSecrets,
  checkPodman,
  checkPodmanRuntime,
  checkNetworkContainer,
  checkMounts,
  checkRefs,
  checkRelease,
  checkDeploy,
  checkFirewall,
  checkPublishedPorts,
  checkContainerFirewalls,
  checkHostNetwork,
  checkIsolation,
  checkDisabledPorts,
  checkUntypedNspawnOptions,
  checkFlake,
  checkStateFiles,
];

/** Checks of the whole fleet (names, addresses, cross-host routes and references), run once per homelab. */
const FLEET_CHECKS: readonly FleetCheck[] = [checkHostNames, checkHostAddresses, checkAddressesNeeded, checkRemoteRoutes, checkFleetRefs, checkFleetInputs];
/** Deploying (colmena, deploy-rs) and the secrets' recipients per host, after them. */
const DEPLOY_FLEET_CHECKS: readonly FleetCheck[] = [checkDeployFleet, checkSecretRecipients];

/**
 * Checks a homelab for everything that would break it or make it unsafe, and returns every
 * finding at once, sorted (`sortDiagnostics`): errors, then warnings, then notes. No error
 * means `render` may run.
 *
 * @example
 * const problems = validate(lab);
 * for (const d of problems) console.log(formatDiagnostic(d));
 */
export function validate(lab: Homelab): Diagnostic[] {
  // In a fleet (even of one host) every finding names its host; a homelab({ hostName }) never.
  const reporters = new Map<Host, Reporter>(lab.hosts.map((h) => [h, new Reporter(lab.fleet === undefined ? undefined : h.name)]));
  for (const host of lab.hosts) {
    const report = reporters.get(host)!;
    const ctx = { lab, host, facts: hostFacts(lab, host), report };
    for (const check of HOST_CHECKS) check(ctx);
  }
  const fleet = { lab, fleet: fleetFacts(lab), report: (h: Host) => reporters.get(h)! };
  for (const check of FLEET_CHECKS) check(fleet);
  for (const check of DEPLOY_FLEET_CHECKS) check(fleet);
  return sortDiagnostics([...reporters.values()].flatMap((r) => r.diagnostics));
}

export { hasErrors } from "../diagnostics/order.ts";
