/**
 * The labels the host's proxies read their routes from (Traefik's Docker provider), for one
 * Podman container: what `podmanValue` writes beside the container's own labels.
 */
import type { NixExpr } from "@nixjs/expr-printer";
import type { PodmanContainer } from "../../model/containers.ts";
import { proxyProvider, type MainOptions } from "../../proxies/index.ts";
import type { RenderContext } from "./context.ts";

/**
 * Every proxy's labels for `c`, in registry order (each proxy's sorted by key).
 * @example proxyLabels(ctx, whoami) // [["traefik.enable", "true"], …]
 */
export function proxyLabels(ctx: RenderContext, c: PodmanContainer, main?: MainOptions): (readonly [string, NixExpr])[] {
  return ctx.host.proxies.flatMap((p) => proxyProvider(p).containerLabels?.(ctx, p, c, main) ?? []);
}
