/** Container and service names: duplicates, and the names NixOS rejects for nspawn containers. */
import { atProxy, type Located } from "../../facts/located.ts";
import type { Container } from "../../model/index.ts";
import { proxyProvider, type ProxyProvider } from "../../proxies/index.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, reportGroups } from "../report.ts";

/** NixOS's `networking.hostName` rule, which a guest's default host name (its name) must meet. */
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;

/**
 * Why NixOS rejects `c`'s name, or `undefined` (nixos-options.md §1.4): underscores (module
 * assertion), dots and other non-host-name characters (the guest's `networking.hostName`),
 * more than 11 characters with a private network (interface `ve-<name>` on old kernels, and
 * beyond 12 the host-side name no longer matches exact-name firewall rules on any kernel).
 */
function nspawnNameProblem(c: Container): string | undefined {
  if (c.backend !== "nspawn") return undefined;
  if (c.name.includes("_")) return "NixOS containers cannot have underscores in their names";
  if (!HOST_NAME.test(c.name)) {
    return "the name becomes the guest's host name: letters, digits and \"-\" only, no dots, starting and ending with a letter or digit";
  }
  if (c.network === "private" && c.name.length > 11) {
    return `with a private network the name may have at most 11 characters (it names the interface ve-${c.name}); it has ${c.name.length}`;
  }
  return undefined;
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
  for (const c of host.containers) {
    const problem = nspawnNameProblem(c);
    if (problem !== undefined) report.error("container-name", at(c), `${problem}: rename the container`);
  }
}
