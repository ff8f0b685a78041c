import { n } from "@nixjs/expr-printer";
import type { Container, Proxy } from "../../model/index.ts";
import type { ProxyProvider } from "../../proxies/index.ts";
import type { RenderContext } from "../core/context.ts";
import type { FileBody } from "../core/module.ts";
import { cfgBinding, mainOptions, whenEnabled } from "./shared.ts";

/**
 * `containers/<proxy>/routes/<name>.nix`: what routes to the container through one proxy (its
 * provider's bindings, the first route at `cfg.domain` and the main port `cfg.port`), under
 * `lib.mkIf cfg.enable`; `undefined` when nothing routes to it through that proxy.
 */
export function routeFileBody(ctx: RenderContext, provider: ProxyProvider, proxy: Proxy, c: Container, namespace: string): FileBody | undefined {
  const bindings = provider.routeBindings(ctx, proxy, c, mainOptions(c));
  if (bindings.length === 0) return undefined;
  return {
    body: n.attrs([n.bind("config", whenEnabled(n.attrs(bindings)))]),
    bindings: [cfgBinding(namespace, c)],
  };
}
