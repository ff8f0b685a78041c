/** Container and service names: duplicates, and the names NixOS rejects for nspawn containers. */
import type { Container } from "../../model/index.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, reportGroups, type Located } from "../report.ts";

/** NixOS's `networking.hostName` rule, which a guest's default host name (its name) must meet. */
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;

/**
 * Why NixOS rejects `c`'s name, or `undefined` (nixos-options.md §1.4): underscores (module
 * assertion), dots and other non-host-name characters (the guest's `networking.hostName`),
 * more than 11 characters with a private network (interface `ve-<name>` on old kernels, and
 * beyond 12 the host-side name no longer matches exact-name firewall rules on any kernel).
 */
export function nspawnNameProblem(c: Container): string | undefined {
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

/** The implicit `traefik` container of `traefik({ mode: "container" })`. */
function traefikContainer(ctx: CheckContext): Located | undefined {
  const t = ctx.lab.traefik;
  return t !== undefined && t.mode === "container" ? { path: "traefik", site: t.site } : undefined;
}

export function checkNames(ctx: CheckContext): void {
  const { report } = ctx;
  // The implicit traefik container joins the group of its name, so a container named
  // "traefik" gets one diagnostic naming it along with any other container of that name.
  const implicit = traefikContainer(ctx);
  const groups: (Located & { c?: Container })[][] = [];
  for (const [name, group] of ctx.byName) {
    if (group.length > 1 || (name === "traefik" && implicit !== undefined)) groups.push(group.map((c) => ({ ...at(c), c })));
  }
  if (implicit !== undefined) groups.find((g) => g[0]!.c!.name === "traefik")?.unshift(implicit);
  reportGroups(groups, (member, others, total) => {
    if (member.c === undefined) return;
    const message = others.some((o) => o.c === undefined)
      ? 'traefik({ mode: "container" }) already defines the container "traefik": rename this container, or use traefik({ mode: "service" })'
      : `container name "${member.c.name}" is defined ${total + 1} times; rename all but one (the others are listed under related)`;
    report.error("duplicate-name", member, message, others);
  });
  reportGroups(
    [...groupBy(ctx.lab.services, (s) => s.name).values()].map((group) => group.map((s) => ({ ...atService(s), s }))),
    (member, others, total) =>
      report.error("duplicate-name", member, `service name "${member.s.name}" is defined ${total + 1} times; rename all but one`, others),
  );
  for (const c of ctx.lab.containers) {
    const problem = nspawnNameProblem(c);
    if (problem !== undefined) report.error("container-name", at(c), `${problem}: rename the container`);
  }
}
