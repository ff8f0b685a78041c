/**
 * `container-firewall-unserved` (warning): a private-network nspawn container whose own firewall
 * (`networking.firewall` in its `config`) opens a port its services do not serve — none of the
 * listeners it declares (`ports`), nor a `forwardPorts` target. nixjs opens the declared ports
 * in the guest firewall itself, so an opening in `config` is either one of those (redundant) or
 * a port the container does not serve (a left-over, or the app moved to another port and the
 * proxy now fails). Only containers that declare `ports` are judged: without them nixjs does
 * not know what the container serves.
 */
import { definedAt } from "../../config/defined.ts";
import type { NspawnContainer } from "../../model/index.ts";
import type { Protocol } from "../../model/ports.ts";
import { at, type CheckContext } from "../context.ts";

type Opening = { readonly protocol: Protocol; readonly from: number; readonly to: number; readonly path: readonly (string | number)[] };

const LISTS = [
  ["allowedTCPPorts", "tcp", false],
  ["allowedUDPPorts", "udp", false],
  ["allowedTCPPortRanges", "tcp", true],
  ["allowedUDPPortRanges", "udp", true],
] as const;

/** The literal openings of one scope of a guest firewall (`networking.firewall` or one interface's). */
function openingsIn(scope: unknown, path: readonly (string | number)[]): Opening[] {
  const out: Opening[] = [];
  for (const [key, protocol, range] of LISTS) {
    const list = definedAt(scope, [key]);
    if (!Array.isArray(list)) continue;
    list.forEach((v: unknown, i) => {
      if (!range && typeof v === "number") out.push({ protocol, from: v, to: v, path: [...path, key, i] });
      const from = range ? definedAt(v, ["from"]) : undefined;
      const to = range ? definedAt(v, ["to"]) : undefined;
      if (typeof from === "number" && typeof to === "number") out.push({ protocol, from, to, path: [...path, key, i] });
    });
  }
  return out;
}

/** Every literal opening of the guest's firewall (numbers only; expressions are not read). */
function guestOpenings(c: NspawnContainer): Opening[] {
  const fw = definedAt(c.config, ["networking", "firewall"]);
  const base = ["config", "networking", "firewall"];
  const out = openingsIn(fw, base);
  const ifaces = definedAt(fw, ["interfaces"]);
  if (typeof ifaces === "object" && ifaces !== null && !Array.isArray(ifaces)) {
    for (const name of Object.keys(ifaces).sort()) out.push(...openingsIn(definedAt(ifaces, [name]), [...base, "interfaces", name]));
  }
  return out;
}

export function checkContainerFirewalls(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    if (c.backend !== "nspawn" || c.network !== "private" || c.ports.length === 0) continue;
    const served = [...c.ports.map((p) => ({ protocol: p.protocol, port: p.port })), ...c.forwardPorts.map((f) => ({ protocol: f.protocol, port: f.containerPort }))];
    for (const o of guestOpenings(c)) {
      if (served.some((s) => s.protocol === o.protocol && o.from <= s.port && s.port <= o.to)) continue;
      const what = o.from === o.to ? `port ${o.from}/${o.protocol}` : `ports ${o.from}–${o.to}/${o.protocol}`;
      const declared = c.ports.map((p) => `${p.port}/${p.protocol}`).join(", ");
      ctx.report.warning(
        "container-firewall-unserved",
        at(c, ...o.path),
        `${c.name}'s own firewall opens ${what}, which none of its services serves (it declares ${declared}): if something listens there, add it to ports (nixjs then opens it); otherwise drop the opening`,
      );
    }
  }
}
