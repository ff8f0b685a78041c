/**
 * NixOS containers with private networks that differ in user namespacing: some run with
 * `privateUsers` (root inside is an unprivileged UID on the host) and some without (root
 * inside is the host's root). Often an oversight when containers were added over time, so one
 * note lists the ones without; informational, since a container may need the host's UIDs
 * (a bind mount owned by a host user, say).
 */
import { isPrivateNspawn, type NspawnContainer } from "../../model/index.ts";
import { at, type CheckContext } from "../context.ts";

/** Names listed in full in the note; the rest are counted (the note stays short for 500 containers). */
const LISTED = 10;

const listNames = (cs: readonly NspawnContainer[]): string => {
  const names = cs.slice(0, LISTED).map((c) => c.name);
  return cs.length > LISTED ? `${names.join(", ")} and ${cs.length - LISTED} more` : names.join(", ");
};

export function checkIsolation(ctx: CheckContext): void {
  const privates = ctx.facts.enabled.filter(isPrivateNspawn);
  const isolated = privates.filter((c) => c.privateUsers !== undefined && c.privateUsers !== "no");
  const shared = privates.filter((c) => c.privateUsers === undefined || c.privateUsers === "no");
  const first = shared[0];
  if (isolated.length === 0 || first === undefined) return;
  ctx.report.note(
    "isolation-inconsistent",
    at(first, "privateUsers"),
    `${isolated.length} of ${privates.length} private-network containers run with privateUsers (${listNames(isolated)}), ` +
      `these do not, so root inside them is root on the host: ${listNames(shared)}. ` +
      `Give them privateUsers: "pick" unless they need the host's UIDs`,
    [...shared.slice(1), ...isolated].map((c) => at(c, "privateUsers")),
  );
}
