/**
 * The deploy tools a fleet's flake can emit outputs for (`homelab({ deploy: [...] })`): one
 * provider per tool, each in its own file.
 */
import type { DeployTool } from "../model/index.ts";
import { colmenaProvider } from "./colmena.ts";
import { deployRsProvider } from "./deploy-rs.ts";
import type { DeployProvider } from "./provider.ts";

export type { DeployProvider, FleetNode } from "./provider.ts";

/** Every deploy provider nixjs knows, one per tool. */
export const DEPLOY_PROVIDERS: readonly DeployProvider[] = Object.freeze([colmenaProvider, deployRsProvider]);

/**
 * The provider of a deploy tool, or `undefined` when none is registered for it.
 * @example deployProvider("colmena")?.input.url // "github:zhaofengli/colmena"
 */
export function deployProvider(tool: DeployTool): DeployProvider | undefined {
  return DEPLOY_PROVIDERS.find((p) => p.tool === tool);
}
