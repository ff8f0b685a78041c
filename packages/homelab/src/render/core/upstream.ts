/**
 * The upstream URL of a resolved route target, as Nix string parts: what a proxy on the host
 * network (Traefik's `loadBalancer.servers[].url`, Caddy's `reverse_proxy`) sends requests to.
 */
import type { NixStringPart } from "@nixjs/expr-printer";
import type { ResolvedTarget } from "../../facts/routes.ts";
import { targetParts } from "./targets.ts";

const WILDCARDS: ReadonlySet<string> = new Set(["0.0.0.0", "::", "[::]", ""]);

/**
 * `http://host:port` (or the route's URL); `undefined` for targets without an upstream
 * (Traefik's API, a redirect, a target validate reports as missing).
 * @example upstreamParts({ kind: "hostPort", port: 8123, address: "127.0.0.1" }) // ["http://127.0.0.1:8123"]
 */
export function upstreamParts(t: ResolvedTarget): NixStringPart[] | undefined {
  switch (t.kind) {
    case "container":
      return ["http://", ...targetParts(t.container, t.port)];
    case "service": {
      const address = t.service.ports.find((p) => p.port === t.port && p.protocol === "tcp")?.address;
      const host = address === undefined || WILDCARDS.has(address) ? "127.0.0.1" : address.includes(":") ? `[${address}]` : address;
      return [`http://${host}:${t.port}`];
    }
    case "hostPort":
      return [`http://${t.address.includes(":") ? `[${t.address}]` : t.address}:${t.port}`];
    case "url":
      return [t.url];
    case "podman":
      return [`http://${t.container}:${t.port}`];
    case "traefikApi":
    case "redirect":
    case "missing":
      return undefined;
  }
}
