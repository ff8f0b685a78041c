import { z } from "./zod.ts";
import type { Route } from "../model/index.ts";
import { isRoute } from "../model/brand.ts";
import { routeBuilderNames } from "../proxies/index.ts";
import { bool, ipv4, port, protocol } from "./primitives.ts";
import { portOpen } from "./host-network.ts";

/** A value made by a route builder (`route()`, or a proxy's short form: `traefikRoute()`, `caddyRoute()`). */
const routeRef = z.custom<Route>(isRoute, { error: `expected a route made by ${routeBuilderNames()}` });

/**
 * A port a service listens on: a number (TCP on every address) or `{ port, protocol, address }`.
 * @example 2283
 * @example { port: 53, protocol: "udp" }
 * @example { port: 8080, address: "127.0.0.1" }
 */
export const servicePort = z.union(
  [
    port,
    z.strictObject({
      /** @example port: 53 */
      port,
      /** Default `"tcp"`. @example protocol: "udp" */
      protocol: protocol.optional(),
      /** Bind address; every address (`"0.0.0.0"`) when absent. @example address: "127.0.0.1" */
      address: ipv4.optional(),
      /**
       * How the firewall opens it: on every interface when absent (unless bound to loopback);
       * `false` declares the listener without opening it (LAN-only behind another firewall),
       * `{ interface }` opens it on that interface only.
       * @example open: false
       * @example open: { interface: "enp1s0" }
       */
      open: portOpen.optional(),
    }),
  ],
  { error: "expected a port 1–65535 or { port, protocol, address }" },
);

/** Options every container and host service has. */
export const commonShape = {
  /**
   * `false` keeps the definition (and its reserved address) but leaves it out of the system.
   * Default `true`.
   * @example enable: false
   */
  enable: bool("enable").optional(),
  /**
   * Free text, written as a comment above the definition.
   * @example description: "Photo library"
   */
  description: z
    .string({ error: "expected a description" })
    .regex(/^[^\0]*$/, { error: "a description cannot contain a NUL byte" })
    .optional(),
};

/** `route` / `routes` of a container. */
export const routeShape = {
  /**
   * The reverse-proxy route to this container (at `port`; a route with `to` goes there).
   * @example route: traefikRoute({ subdomain: "photos", port: 2283, auth: "authelia" })
   * @example route: route({ subdomain: "photos", port: 2283, auth: "authelia" })
   */
  route: routeRef.optional(),
  /**
   * Several routes (e.g. two host names); added after `route`.
   * @example routes: [caddyRoute({ subdomain: "a", port: 80 }), caddyRoute({ subdomain: "b", port: 81 })]
   */
  routes: z.array(routeRef).optional(),
};
