/**
 * @nixjs/homelab: typed builders for a NixOS homelab (nspawn and Podman containers, Traefik,
 * Caddy, agenix), the address allocator, the conflict checker `validate`, and `render`.
 */
export type * from "./model/index.ts";
export {
  formatSite,
  isCaddy,
  isContainer,
  isHomelab,
  isHostRef,
  isHostService,
  isRoute,
  isSecret,
  isTraefik,
  MODEL_BRAND,
} from "./model/index.ts";

export { container, type ContainerOptions } from "./builders/container.ts";
export { homelab, DEFAULT_POOL, DEFAULT_NAMESPACE, DEFAULT_IDENTITY_PATHS } from "./builders/homelab.ts";
export { caddy, traefik } from "./builders/proxies.ts";
export { containerRef, hostRef, type ContainerRef } from "./builders/refs.ts";
export { caddyRoute, traefikRoute } from "./builders/routes.ts";
export { secret } from "./builders/secret.ts";
export { service } from "./builders/service.ts";
export { formatDiagnostic, HomelabInputError, isHomelabInputError } from "./errors/input-error.ts";

export type { ConfigObject, ConfigValue } from "./schema/config.ts";
export type { HomelabOptions } from "./schema/homelab.ts";
export type { NspawnContainerOptions } from "./schema/nspawn.ts";
export type { PodmanContainerOptions } from "./schema/podman.ts";
export type { CaddyOptions, TraefikOptions } from "./schema/proxies.ts";
export type { CaddyRouteOptions, TraefikRouteOptions } from "./schema/routes.ts";
export type { SecretOptions } from "./schema/secret.ts";
export type { ServiceOptions } from "./schema/service.ts";
export { formatPublish, parsePublish } from "./schema/publish.ts";
export { parseImage, type ImageRef } from "./schema/image.ts";

export { validate, hasErrors } from "./validate/index.ts";
export { allocateAddresses, planAddresses, type AddressPlan, type ContainerAddresses } from "./allocate/index.ts";

export { render, RenderError, type RenderOptions } from "./render/index.ts";
export { GENERATED_FILE_PREFIX } from "./render/core/header.ts";
