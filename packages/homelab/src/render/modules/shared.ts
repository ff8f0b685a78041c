import { n, type NixExpr } from "@nixjs/expr-printer";
import { attachedPort, lowestServedPort } from "../../facts/routes.ts";
import type { Container, ModuleOption } from "../../model/index.ts";
import type { MainOptions } from "../../proxies/index.ts";
import { hostNameParts, type RenderContext } from "../core/context.ts";

/** The option path of a container: `hwc.server.containers.sonarr`. */
export function optionPath(namespace: string, c: Container): string[] {
  return [...namespace.split("."), c.name];
}

/** `cfg`, the container's options, bound in every file of the modules layout. */
const CFG: NixExpr = n.id("cfg");

/** `cfg.<option>`: a per-container option's value. */
export function cfgOption(option: string): NixExpr {
  return n.select(CFG, option);
}

/** True when the modules layout declares `option` for every container it applies to. */
export function exposes(ctx: RenderContext, option: ModuleOption): boolean {
  const { layout } = ctx.lab;
  return layout.kind === "modules" && (layout.options ?? []).includes(option);
}

/** `cfg = config.<namespace>.<name>;` */
export function cfgBinding(namespace: string, c: Container): ReturnType<typeof n.bind> {
  return n.bind("cfg", n.select(n.id("config"), optionPath(namespace, c)));
}

/**
 * The port a container's `port` option stands for: its first route's target, else its lowest
 * TCP port (a published host port for Podman). Undefined when it has none.
 */
export function mainPort(c: Container): number | undefined {
  const first = c.routes[0];
  return (first === undefined ? undefined : attachedPort(first)) ?? lowestServedPort(c);
}

/** The `cfg.port` / `cfg.domain` substitutions for a container. */
export function mainOptions(c: Container): MainOptions | undefined {
  const port = mainPort(c);
  if (port === undefined) return undefined;
  return {
    port,
    portExpr: n.select(CFG, "port"),
    ...(c.routes.length > 0 ? { domainExpr: n.select(CFG, "domain") } : {}),
  };
}

/** The default of the `domain` option: the first route's host name. */
export function defaultDomain(ctx: RenderContext, c: Container): NixExpr | undefined {
  const route = c.routes[0];
  return route === undefined ? undefined : n.str(hostNameParts(ctx.lab, route.match.host));
}

/** `lib.mkIf cfg.enable { … }` */
export function whenEnabled(body: NixExpr): NixExpr {
  return n.call("lib.mkIf", n.select(CFG, "enable"), body);
}
