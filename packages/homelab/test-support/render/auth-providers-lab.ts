/**
 * The two auth providers as the proxies' tests meet them: Authelia in a NixOS container and
 * Authentik in Podman (published on loopback), each with its own public portal route.
 */
import { authelia, authentik } from "../../src/auth/builders.ts";
import { container } from "../../src/builders/container.ts";
import { route } from "../../src/builders/route.ts";
import type { Container } from "../../src/model/containers.ts";
import type { AuthProvider } from "../../src/model/auth.ts";

/** `homelab({ auth })` for {@link providerContainers}. */
export function authProviders(): AuthProvider[] {
  return [authelia({ container: "authelia" }), authentik({ container: "authentik", port: 9000 })];
}

/** The containers the providers run in. */
export function providerContainers(): Container[] {
  return [
    container("authelia", { ports: [9091], route: route({ subdomain: "auth", port: 9091, public: true }) }),
    container("authentik", {
      backend: "podman",
      image: "ghcr.io/goauthentik/server:2025.10.1",
      user: "1000",
      cmd: ["server"],
      ports: ["127.0.0.1:9000:9000"],
      route: route({ subdomain: "sso", port: 9000, public: true }),
    }),
  ];
}
