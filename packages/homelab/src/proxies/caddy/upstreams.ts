/**
 * A Caddy route's target as directives: `reverse_proxy` to a container, a host service, a host
 * port or a URL (with further upstreams and `header_up`/`header_down` from the route's
 * `reverseProxy`), or `redir` for a redirect target. Targets Caddy cannot reach (a Podman
 * container by name, Traefik's dashboard) write nothing: `caddy-unsupported` reports them.
 */
import type { NixExpr, NixStringPart } from "@nixjs/expr-printer";
import type { Container } from "../../model/containers.ts";
import type { HostService } from "../../model/homelab.ts";
import { reachableAddress, remoteParts, targetParts } from "../../render/core/targets.ts";
import type { CaddyReverseProxy } from "./model.ts";
import type { PartLines } from "./site-body.ts";

/** What a route's target resolved to (the facts' `ResolvedTarget`, the kinds Caddy writes). */
export type CaddyTarget =
  | { readonly kind: "container"; readonly container: Container; readonly port: number }
  | { readonly kind: "service"; readonly service: HostService; readonly port: number }
  | { readonly kind: "hostPort"; readonly port: number; readonly address: string }
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "redirect"; readonly to: string; readonly permanent: boolean }
  | { readonly kind: "remote"; readonly host: string; readonly port: number }
  | { readonly kind: "missing" | "podman" | "traefikApi" };

/** `address:port`, IPv6 in brackets, every-address binds reached on loopback. */
function hostPort(address: string, port: number): string {
  return `${reachableAddress(address)}:${port}`;
}

/** A redirect keeps the request's path and query unless the target names its own path. */
function redirectLine(to: string, permanent: boolean): string {
  const hasPath = /^[a-z]+:\/\/[^/]+\/./i.test(to);
  return `redir ${hasPath ? to : `${to.replace(/\/$/, "")}{uri}`}${permanent ? " permanent" : ""}`;
}

/** Header settings of a `reverse_proxy` block (empty value: removed), sorted by name. */
function headerLines(directive: "header_up" | "header_down", headers: { readonly [name: string]: string }): PartLines {
  return Object.keys(headers)
    .sort()
    .map((h) => [headers[h] === "" ? `  ${directive} -${h}` : `  ${directive} ${h} ${/\s/.test(headers[h]!) ? JSON.stringify(headers[h]) : headers[h]!}`]);
}

/**
 * The target's directives. `portExpr`: the modules layout writes the main port as `cfg.port`.
 * @example targetLines({ kind: "hostPort", port: 8123, address: "127.0.0.1" }) // [["reverse_proxy 127.0.0.1:8123"]]
 */
export function targetLines(target: CaddyTarget, proxy?: CaddyReverseProxy, portExpr?: NixExpr): PartLines {
  let upstream: NixStringPart[];
  switch (target.kind) {
    case "container":
      upstream = targetParts(target.container, target.port, portExpr);
      break;
    case "service": {
      const bound = target.service.ports.find((p) => p.port === target.port && p.protocol === "tcp")?.address ?? "127.0.0.1";
      upstream = [hostPort(bound, target.port)];
      break;
    }
    case "hostPort":
      upstream = [hostPort(target.address, target.port)];
      break;
    case "url":
      upstream = [target.url];
      break;
    case "remote":
      upstream = remoteParts(target.host, target.port);
      break;
    case "redirect":
      return [[redirectLine(target.to, target.permanent)]];
    default:
      return [];
  }
  const more = proxy?.upstreams ?? [];
  const head: NixStringPart[] = ["reverse_proxy ", ...upstream, ...more.map((u) => ` ${u}`)];
  const block = [
    ...(proxy?.lbPolicy === undefined ? [] : [[`  lb_policy ${proxy.lbPolicy}`]]),
    ...headerLines("header_up", proxy?.headerUp ?? {}),
    ...headerLines("header_down", proxy?.headerDown ?? {}),
  ];
  return block.length === 0 ? [head] : [[...head, " {"], ...block, ["}"]];
}
