/**
 * @nixjs/homelab: typed builders for a NixOS homelab (nspawn and Podman containers, Traefik,
 * Caddy, agenix), the address allocator, the conflict checker `validate`, and `render`.
 */
export type * from "./model/index.ts";
export {
  formatSite,
  formatVia,
  isContainer,
  isHomelab,
  isHost,
  isPrivateNspawn,
  isPublicValue,
  onlyHost,
  proxyOf,
  isHostRef,
  isFleetRef,
  isHostService,
  isSecret,
  MODEL_BRAND,
} from "./model/index.ts";

export { container, type ContainerOptions } from "./builders/container.ts";
export { host } from "./builders/host.ts";
export type { FleetOptions, HostOptions } from "./schema/fleet.ts";
export { homelab, DEFAULT_POOL, DEFAULT_NAMESPACE, DEFAULT_IDENTITY_PATHS } from "./builders/homelab.ts";
export { containerRef, hostRef, type ContainerRef, type FleetContainerRef, type FleetHostRef, type HostRefOf } from "./builders/refs.ts";
export { fromInput, packagesFrom } from "./builders/flake.ts";
export { isInputRef } from "./model/flake.ts";
export { isMiddleware, isRoute } from "./model/index.ts";
export { route } from "./builders/route.ts";
export type { RouteOptions } from "./schema/route.ts";
export { basicAuth, chain, forwardAuth, headers, ipAllowList, rateLimit, redirectRegex, stripPrefix } from "./builders/middleware.ts";
export type { ForwardAuthOptions, HeadersOptions, RateLimitOptions, RedirectRegexOptions } from "./schema/middleware.ts";
// One block per reverse proxy (its builders, predicate and option types), from its folder.
export { caddy, isCaddy } from "./proxies/caddy/builders.ts";
export { caddyRoute, type CaddyRouteOptions } from "./proxies/caddy/route.ts";
export type { CaddyOptions } from "./proxies/caddy/schema.ts";
export { isTraefik, traefik } from "./proxies/traefik/builders.ts";
export { traefikRoute, type TraefikRouteOptions } from "./proxies/traefik/route.ts";
export type { TraefikOptions } from "./proxies/traefik/schema.ts";
export { LETSENCRYPT_STAGING } from "./proxies/acme.ts";
// Auth providers, OIDC clients and DNS rewrites (auth/, dns/).
export { authelia, authentik, isAuthProvider, oidcClient } from "./auth/builders.ts";
export type { AuthentikOptions, AutheliaOptions, OidcClientOptions } from "./auth/schema.ts";
export { adguardRewrites, isDnsRewrites, type AdguardRewritesOptions } from "./dns/builders.ts";
export { secret } from "./builders/secret.ts";
export { publicValue } from "./builders/public-value.ts";
export { service } from "./builders/service.ts";
export { formatDiagnostic, HomelabInputError, isHomelabInputError } from "./errors/input-error.ts";
export { collectInputErrors, isStandIn, type Collected } from "./builders/collect.ts";

export type { ConfigObject, ConfigValue } from "./schema/config.ts";
export type { HomelabOptions } from "./schema/homelab.ts";
export type { NspawnContainerOptions } from "./schema/nspawn.ts";
export type { PodmanContainerOptions } from "./schema/podman.ts";
export type { SecretOptions } from "./schema/secret.ts";
export type { ServiceOptions } from "./schema/service.ts";
export { formatPublish, parsePublish } from "./schema/publish.ts";
export { parseImage, type ImageRef } from "./oci/image.ts";
export { parseVolume, type Volume } from "./oci/volume.ts";

export { validate, hasErrors } from "./validate/index.ts";
export { allocateAddresses, planAddresses, type AddressPlan, type ContainerAddresses } from "./allocate/index.ts";

export { render, RenderError, type RenderOptions } from "./render/index.ts";
export { renderTextFiles } from "./render/text-files.ts";

export { DIAGNOSTIC_CODES, isDiagnosticCode, type DiagnosticCode } from "./diagnostics/codes.ts";
export { formatLocation } from "./diagnostics/format.ts";
export { formatPath, type ModelPath } from "./diagnostics/path.ts";
export { sortDiagnostics } from "./diagnostics/order.ts";
export { subjectGroup, type Subject } from "./diagnostics/subject.ts";
export { hostFacts, type HostFacts } from "./facts/host-facts.ts";
export { neededSecretFiles, type NeededSecretFile } from "./facts/needed-secrets.ts";
export { secretBackend, type SecretBackend } from "./secrets/index.ts";
export { DEFAULT_RELEASE, nixpkgsUrl, SUPPORTED_RELEASES, type Release } from "./releases/release.ts";
export { RELEASES, releaseFacts, type ReleaseFacts } from "./releases/table.ts";
export { compareCodeUnits } from "./util/order.ts";
export { shellQuote } from "./util/shell.ts";
export { GENERATED_FILE_PREFIX } from "./render/core/header.ts";
export {
  hostLines,
  mermaidOf,
  networkingText,
  nodeLines,
  portText,
  topology,
  topologyJson,
  topologyMermaid,
  type ContainerNetworking,
  type NodeKind,
  type Placement,
  type Topology,
  type TopologyEdge,
  type TopologyHost,
  type TopologyNetwork,
  type TopologyNode,
  type TopologyPort,
} from "./graph/index.ts";
