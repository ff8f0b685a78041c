/**
 * Container and service names: duplicates, the names NixOS rejects for nspawn containers, and
 * names too long for the veth's interface name. Duplicates include disabled containers: each
 * container's file is written, enabled or not, so two of one name would write one file.
 */
import { atProxy, type Located } from "../../facts/located.ts";
import type { Container } from "../../model/index.ts";
import { proxyProvider, type ProxyProvider } from "../../proxies/index.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, reportGroups } from "../report.ts";

/** NixOS's `networking.hostName` rule, which a guest's default host name (its name) must meet. */
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;

/**
 * Why NixOS rejects `c`'s name, or `undefined` (docs/nixos/containers.md): underscores (the
 * module's assertion), dots and other non-host-name characters (the guest's
 * `networking.hostName`).
 */
function nspawnNameProblem(c: Container): string | undefined {
  if (c.backend !== "nspawn") return undefined;
  if (c.name.includes("_")) return "NixOS containers cannot have underscores in their names";
  if (!HOST_NAME.test(c.name)) {
    return "the name becomes the guest's host name: letters, digits and \"-\" only, no dots, starting and ending with a letter or digit";
  }
  return undefined;
}

/**
 * Where a long name bites, as nixos-containers.nix (25.11, 26.05) and systemd-nspawn have it:
 * the host side of a private network's veth is `ve-<name>`, and Linux names hold 15
 * characters. Up to 12 characters it fits. Beyond, nspawn gives the interface a shortened
 * kernel name and keeps `ve-<name>` as an altname (Linux ≥ 5.8): NixOS's own scripts and the
 * `ve-+` NAT wildcard still work, rules naming `ve-<name>` exactly do not match. NixOS's
 * assertion (at most 11 characters) applies only with a kernel ≤ 5.8, which neither release
 * ships by default — so no error, and nothing at 12.
 */
const LONGEST_FULL_NAME = 12;

function longNameWarning(c: Container): string | undefined {
  if (c.backend !== "nspawn" || c.network !== "private" || c.name.length <= LONGEST_FULL_NAME) return undefined;
  return `the host side of its veth, ve-${c.name}, has ${c.name.length + 3} characters and Linux allows 15: systemd-nspawn gives it a shortened name (ve-${c.name} stays an altname), so firewall or NAT rules naming ve-${c.name} exactly will not match it (the ve-+ / ve-* wildcards do), and on a kernel older than 5.8 NixOS refuses names over 11 characters; a name of at most ${LONGEST_FULL_NAME} characters avoids both`;
}

export function checkNames(ctx: CheckContext): void {
  const { report, host } = ctx;
  // A proxy's own container (traefik({ mode: "container" })) joins the group of its name, so a
  // container named "traefik" gets one diagnostic naming it along with any other of that name.
  const implicit = new Map<string, Located & { provider: ProxyProvider }>();
  for (const p of host.proxies) {
    const provider = proxyProvider(p);
    for (const name of provider.containerNames(p)) implicit.set(name, { ...atProxy(p), provider });
  }
  const groups: (Located & { c?: Container; provider?: ProxyProvider })[][] = [];
  for (const [name, group] of ctx.facts.byName) {
    const own = implicit.get(name);
    if (group.length > 1 || own !== undefined) groups.push([...(own === undefined ? [] : [own]), ...group.map((c) => ({ ...at(c), c }))]);
  }
  reportGroups(groups, (member, others, total) => {
    if (member.c === undefined) return;
    const proxy = others.find((o) => o.provider !== undefined)?.provider;
    const message = proxy !== undefined
      ? proxy.containerClash(member.c.name)
      : `container name "${member.c.name}" is defined ${total + 1} times; rename all but one (the others are listed under related)`;
    report.error("duplicate-name", member, message, others);
  });
  reportGroups(
    [...groupBy(host.services, (s) => s.name).values()].map((group) => group.map((s) => ({ ...atService(s), s }))),
    (member, others, total) =>
      report.error("duplicate-name", member, `service name "${member.s.name}" is defined ${total + 1} times; rename all but one`, others),
  );
  // A disabled container is never evaluated by NixOS (its file is not imported).
  for (const c of ctx.facts.enabled) {
    const problem = nspawnNameProblem(c);
    if (problem !== undefined) report.error("container-name", at(c), `${problem}: rename the container`);
    const long = longNameWarning(c);
    if (long !== undefined) report.warning("container-name-long", at(c), long);
  }
}
