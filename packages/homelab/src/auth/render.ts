/**
 * An Authelia provider's generated file, `auth/<name>.nix`: the access control derived from the
 * routes and the OIDC clients the apps declare, where the instance runs:
 * - a NixOS container: its guest's `services.authelia.instances.<instance>.settings`;
 * - the host: the host's `services.authelia.instances.<instance>.settings`;
 * - Podman: a YAML file (`pkgs.formats.yaml`) mounted into the container and added to
 *   `X_AUTHELIA_CONFIG`, since Authelia reads lists (rules, clients) only from files.
 * In a NixOS system the user's own rules come first (`lib.mkAfter` puts the derived ones after
 * them): hand-written exceptions are deliberate; the bypass check reports those that undo a
 * route's auth.
 */
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import type { AutheliaProvider, Container, OidcClient } from "../model/index.ts";
import { hostNameParts, type RenderContext } from "../render/core/context.ts";
import { dataToNix } from "../render/core/data.ts";
import { freeVariables } from "../render/core/free-vars.ts";
import { accessRules, type AccessRule } from "./access-control.ts";
import { authRoutes } from "./routes.ts";
import { definedAt } from "../config/defined.ts";
import { configsAt } from "./user-config.ts";

/** Where a Podman Authelia finds nixjs's file and the client secrets. */
export const PODMAN_CONFIG_PATH = "/etc/nixjs/authelia.yml";
const PODMAN_MAIN_CONFIG = "/config/configuration.yml";
const PODMAN_SECRETS_DIR = "/run/secrets";

/** A generated module of the auth/DNS part, before its layout wraps it. */
export interface GeneratedFile {
  readonly path: string;
  readonly comment: readonly string[];
  /** The container it writes into: the modules layout switches the file with it. */
  readonly gate?: Container;
  readonly bindings: readonly NixBinding[];
  /** `let` bindings (the Podman YAML file). */
  readonly lets?: readonly NixBinding[];
}

/** The container a provider runs in, if any. */
function where(p: AutheliaProvider): string | undefined {
  return p.runsIn.kind === "container" ? p.runsIn.container : undefined;
}

/** The enabled apps' OIDC clients of a provider, by id. @example clientsOfProvider(ctx, "authelia").map((c) => c.id) */
export function clientsOfProvider(ctx: Pick<RenderContext, "host">, name: string): OidcClient[] {
  const enabled = new Set(ctx.host.containers.filter((c) => c.enable).map((c) => c.name));
  return ctx.host.oidcClients
    .filter((c) => c.provider === name && (c.app === undefined || enabled.has(c.app)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function ruleValue(ctx: RenderContext, r: AccessRule): Record<string, unknown> {
  return {
    domain: n.str(hostNameParts(ctx.lab, { kind: "fqdn", name: r.domain })),
    ...(r.networks === undefined ? {} : { networks: [...r.networks] }),
    policy: r.policy,
    ...(r.resources === undefined ? {} : { resources: [...r.resources] }),
  };
}

/** `{{ secret "<path>" }}`: Authelia's template filter reads the file when it loads. */
function secretTemplate(path: NixExpr | string): NixExpr {
  return n.str(['{{ secret "', path, '" }}']);
}

function clientValue(c: OidcClient, secretPath: (c: OidcClient) => NixExpr | string): Record<string, unknown> {
  return {
    authorization_policy: c.policy,
    client_id: c.id,
    client_name: c.description,
    ...(c.secret === undefined ? { public: true, token_endpoint_auth_method: "none" } : { client_secret: secretTemplate(secretPath(c)) }),
    redirect_uris: [...c.redirectUris],
    scopes: [...c.scopes],
  };
}

/** The user's default policy, when visible in the instance's config. */
function userDefaultPolicy(ctx: RenderContext, p: AutheliaProvider): boolean {
  const path = ["services", "authelia", "instances", p.instance, "settings", "access_control", "default_policy"];
  return configsAt(ctx.host, p.runsIn).some((s) => definedAt(s.config, path) !== undefined);
}

/**
 * The settings nixjs adds to a NixOS instance: `access_control` (`default_policy = "deny"`
 * unless the user set one, the rules after the user's) and `identity_providers.oidc.clients`;
 * plus the template filter, on when a client secret is read from a file.
 */
function instanceValue(ctx: RenderContext, p: AutheliaProvider, rules: readonly AccessRule[], clients: readonly OidcClient[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (rules.length > 0) {
    settings["access_control"] = {
      ...(userDefaultPolicy(ctx, p) ? {} : { default_policy: "deny" }),
      rules: n.call("lib.mkAfter", dataToNix(rules.map((r) => ruleValue(ctx, r)), { hostConfig: "config", path: "access_control.rules" })),
    };
  }
  if (clients.length > 0) {
    settings["identity_providers"] = { oidc: { clients: clients.map((c) => clientValue(c, (x) => x.secret!.path)) } };
  }
  const templated = clients.some((c) => c.secret !== undefined);
  return { ...(templated ? { environmentVariables: { X_AUTHELIA_CONFIG_FILTERS: "template" } } : {}), settings };
}

function nixosFile(ctx: RenderContext, p: AutheliaProvider, c: Container | undefined, rules: readonly AccessRule[], clients: readonly OidcClient[], comment: string[]): GeneratedFile {
  const value = { services: { authelia: { instances: { [p.instance]: instanceValue(ctx, p, rules, clients) } } } };
  if (c === undefined) {
    return { path: `auth/${p.name}.nix`, comment, bindings: [n.bind(["services", "authelia", "instances", p.instance], dataToNix(value.services.authelia.instances[p.instance], { hostConfig: "config", path: p.name }))] };
  }
  // In the guest a secret's path is the guest's `config.age.secrets.<name>.path`: a module function.
  const body = dataToNix(value, { hostConfig: "config", path: `containers.${c.name}.config` });
  const uses = [...freeVariables(body)].filter((v) => v === "config" || v === "lib").sort();
  const guest = uses.includes("config") ? n.fn({ formals: uses, ellipsis: true }, body) : body;
  return { path: `auth/${p.name}.nix`, comment, gate: c, bindings: [n.bind(["containers", c.name, "config"], guest)] };
}

function podmanFile(ctx: RenderContext, p: AutheliaProvider, c: Container & { backend: "podman" }, rules: readonly AccessRule[], clients: readonly OidcClient[], comment: string[]): GeneratedFile {
  const yaml: Record<string, unknown> = {};
  if (rules.length > 0) yaml["access_control"] = { default_policy: "deny", rules: rules.map((r) => ruleValue(ctx, r)) };
  if (clients.length > 0) {
    yaml["identity_providers"] = { oidc: { clients: clients.map((x) => clientValue(x, (y) => `${PODMAN_SECRETS_DIR}/${y.secret!.name}`)) } };
  }
  const file = n.id("autheliaConfig");
  const generate = n.call(n.select(n.call("pkgs.formats.yaml", n.attrs([])), "generate"), n.str(`authelia-${p.name}.yml`), dataToNix(yaml, { hostConfig: "config", path: p.name }));
  const secrets = [...new Map(clients.flatMap((x) => (x.secret === undefined ? [] : [[x.secret.name, x.secret] as const]))).values()];
  const volumes = [
    n.str([file, `:${PODMAN_CONFIG_PATH}:ro`]),
    ...secrets.map((s) => n.str([s.path, `:${PODMAN_SECRETS_DIR}/${s.name}:ro`])),
  ];
  const own = c.environment["X_AUTHELIA_CONFIG"];
  const configs = `${own ?? PODMAN_MAIN_CONFIG},${PODMAN_CONFIG_PATH}`;
  // The container's own value is replaced by one that keeps it (two values would conflict).
  const environment: Record<string, unknown> = { X_AUTHELIA_CONFIG: own === undefined ? configs : n.call("lib.mkForce", configs) };
  const filters = c.environment["X_AUTHELIA_CONFIG_FILTERS"];
  if (secrets.length > 0 && !(filters ?? "").split(",").includes("template")) {
    environment["X_AUTHELIA_CONFIG_FILTERS"] = filters === undefined ? "template" : n.call("lib.mkForce", `${filters},template`);
  }
  const value = dataToNix({ environment, volumes }, { hostConfig: "config", path: `containers.${c.name}` });
  return {
    path: `auth/${p.name}.nix`,
    comment,
    gate: c,
    lets: [n.bind("autheliaConfig", generate)],
    bindings: [n.bind(["virtualisation", "oci-containers", "containers", c.name], value)],
  };
}

/**
 * The file of an Authelia provider, or undefined when nothing is derived for it (no route
 * through it, no client) or its container is missing or disabled (`validate` reports that).
 * @example autheliaFile(ctx, authelia({ container: "authelia" }))?.path // "auth/authelia.nix"
 */
export function autheliaFile(ctx: RenderContext, p: AutheliaProvider): GeneratedFile | undefined {
  const rules = accessRules(p, authRoutes(ctx.lab, ctx.host));
  const clients = clientsOfProvider(ctx, p.name);
  if (rules.length === 0 && clients.length === 0) return undefined;
  const comment = [
    `Authelia "${p.name}", derived: ${[rules.length > 0 ? "access control from the routes" : "", clients.length > 0 ? "the apps' OIDC clients" : ""].filter((s) => s !== "").join(", ")}`,
    ...(rules.length > 0 && !(p.runsIn.kind === "container" && ctx.host.containers.some((c) => c.name === where(p) && c.backend === "podman"))
      ? ["(rules after those written by hand; Authelia applies the first that matches)"]
      : []),
  ];
  if (p.runsIn.kind === "host") return nixosFile(ctx, p, undefined, rules, clients, comment);
  const c = ctx.host.containers.find((x) => x.name === where(p) && x.enable);
  if (c === undefined) return undefined;
  return c.backend === "nspawn" ? nixosFile(ctx, p, c, rules, clients, comment) : podmanFile(ctx, p, c, rules, clients, comment);
}
