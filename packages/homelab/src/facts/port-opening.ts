import type { ServicePort } from "../model/ports.ts";

/**
 * Whether the host firewall opens a host listener's port, and on which interface: a service
 * port's `open` (absent: every interface). Loopback binds are left closed by the firewall's
 * reader (`facts/firewall.ts`), not here: this says what the user asked.
 * @example portOpening({ port: 8080, protocol: "tcp", address: "0.0.0.0", open: { interface: "enp1s0" } }) // { opens: true, interface: "enp1s0" }
 */
export function portOpening(p: ServicePort): { readonly opens: boolean; readonly interface?: string } {
  if (p.open === undefined) return { opens: true };
  if (p.open === false) return { opens: false };
  return { opens: true, interface: p.open.interface };
}
