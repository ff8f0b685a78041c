/** Each reverse proxy's own checks, from its provider module. */
import { proxyProvider } from "../../proxies/index.ts";
import type { CheckContext } from "../context.ts";

export function checkProxies(ctx: CheckContext): void {
  for (const p of ctx.host.proxies) proxyProvider(p).check(ctx, p);
}
