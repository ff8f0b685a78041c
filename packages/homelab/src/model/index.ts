export type * from "./auth.ts";
export type * from "./containers.ts";
export type * from "./diagnostic.ts";
export type * from "./homelab.ts";
export type * from "./host-network.ts";
export type * from "./nspawn.ts";
export type * from "./flake.ts";
export type * from "./files.ts";
export type * from "./fleet.ts";
export type * from "./ports.ts";
export type * from "./podman.ts";
export type * from "./proxies.ts";
export type * from "./public.ts";
export type * from "./refs.ts";
export type * from "./routes.ts";
export type * from "./secret.ts";
export { formatSite, formatVia, type SourceSite } from "./site.ts";
export { isPrivateNspawn, onlyHost, proxyOf } from "./lookup.ts";
export { fleetRef, isFleetRef } from "./fleet-refs.ts";
export {
  isContainer,
  isHomelab,
  isHost,
  isHostRef,
  isHostService,
  isMiddleware,
  isPublicValue,
  isRoute,
  isSecret,
  MODEL_BRAND,
  type ModelKind,
} from "./brand.ts";
