import { z, type Input } from "./zod.ts";
import { oidcShape } from "../auth/schema.ts";
import { configSchema } from "./config.ts";
import { commonShape, filesShape, routeShape, servicePort } from "./common.ts";
import { bool, ipv4, mountPath, port, protocol, secretRef } from "./primitives.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { bindMount } from "./bind-mount.ts";
import { nspawnRuntimeShape } from "./nspawn-runtime.ts";
import { NSPAWN_RUNTIME_OPTIONS } from "../model/nspawn.ts";

/**
 * An nspawn `forwardPorts` entry: DNAT from a host port into the container.
 * @example { hostPort: 8081, containerPort: 80 }
 */
const forwardPort = z.strictObject(
  {
    /** @example hostPort: 8081 */
    hostPort: port,
    /** Default: `hostPort`. @example containerPort: 80 */
    containerPort: port.optional(),
    /** Default `"tcp"`. @example protocol: "udp" */
    protocol: protocol.optional(),
  },
  { error: "expected { hostPort, containerPort, protocol }" },
);

/** `forwardAuth`: the container offers a forward-auth middleware (Authelia) to routes. */
const forwardAuth = z.strictObject(
  {
    /** The port the auth endpoint listens on. @example port: 9091 */
    port,
    /** Default `/api/authz/forward-auth` (Authelia ≥ 4.38). @example path: "/api/verify" */
    path: z
      .string({ error: 'expected a URL path like "/api/authz/forward-auth"' })
      .regex(/^\/[^\s]*$/, { error: 'expected a URL path like "/api/authz/forward-auth"' })
      .optional(),
    /** Headers copied from the auth response. @example authResponseHeaders: ["Remote-User"] */
    authResponseHeaders: z
      .array(z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'expected a header name like "Remote-User"' }))
      .optional(),
  },
  { error: "expected { port, path, authResponseHeaders }" },
);

/** Options of `container(name, {...})` with the default `backend: "nspawn"`. */
export const nspawnSchema = z.strictObject(
  {
    /** A NixOS declarative container (the default). @example backend: "nspawn" */
    backend: z.literal("nspawn", { error: 'expected "nspawn" or "podman"' }).optional(),
    ...commonShape,
    /**
     * Start with the host. Default `true` (NixOS's own default is `false`; `enable: false`
     * is how a container is switched off here).
     * @example autoStart: false
     */
    autoStart: bool("autoStart").optional(),
    /**
     * Own network namespace with a veth pair (the default). `false` is `network: "host"`.
     * @example privateNetwork: true
     */
    privateNetwork: bool("privateNetwork").optional(),
    /**
     * `"host"` shares the host's network stack (Traefik on 80/443, AdGuard on 53).
     * @example network: "host"
     */
    network: z.enum(["private", "host"], { error: 'expected "private" or "host"' }).optional(),
    /**
     * Host side of the veth pair (the guest's gateway); allocated from the pool when absent.
     * @example hostAddress: "10.10.10.8"
     */
    hostAddress: ipv4.optional(),
    /**
     * The container's address; allocated from the pool when absent.
     * @example localAddress: "10.10.10.9"
     */
    localAddress: ipv4.optional(),
    /**
     * User namespacing: `"pick"` (recommended), `"identity"`, `"no"`, or the first host UID.
     * @example privateUsers: "pick"
     */
    privateUsers: z
      .union([z.enum(["no", "identity", "pick"]), z.int().min(0).max(4294967295)], {
        error: 'expected "pick", "identity", "no" or a UID (number)',
      })
      .optional(),
    /**
     * Root file system discarded on every stop.
     * @example ephemeral: true
     */
    ephemeral: bool("ephemeral").optional(),
    /**
     * Host paths mounted into the container, keyed by the mount point inside (NixOS's shape).
     * Read-only unless `isReadOnly: false`.
     * @example bindMounts: { "/var/lib/immich": { hostPath: "/srv/immich", isReadOnly: false } }
     */
    bindMounts: z
      .record(mountPath, bindMount, { error: 'expected { "/mount/point": { hostPath, isReadOnly } }' })
      .optional(),
    /**
     * Host ports forwarded into the container (private network only).
     * @example forwardPorts: [{ hostPort: 8081, containerPort: 80 }]
     */
    forwardPorts: z.array(forwardPort).optional(),
    /**
     * Ports the service inside listens on; opened in the container's firewall. With
     * `network: "host"` they are host listeners.
     * @example ports: [2283, { port: 53, protocol: "udp" }]
     */
    ports: z.array(servicePort).optional(),
    /**
     * agenix secrets decrypted inside the container (agenix is imported in the guest and the
     * host key bind-mounted read-only).
     * @example secrets: [jwt]
     */
    secrets: z.array(secretRef).optional(),
    /**
     * Offer a forward-auth middleware (Authelia) that routes name with `auth`.
     * @example forwardAuth: { port: 9091 }
     */
    forwardAuth: forwardAuth.optional(),
    ...nspawnRuntimeShape,
    ...routeShape,
    ...oidcShape,
    ...filesShape,
    /**
     * The guest's NixOS configuration: data, AST nodes, secrets (their path), host references.
     * @example config: { services: { immich: { enable: true, port: 2283 } } }
     */
    config: configSchema.optional(),
    /**
     * Further `containers.<name>` options, written as given (merged with the typed ones;
     * `allowedDevices`, `enableTun` … have typed forms, which the checks read).
     * @example extraOptions: { timeoutStartSec: "5min" }
     */
    extraOptions: configSchema.optional(),
  },
  { error: "expected an object with container options" },
);

/** What `container(name, {...})` accepts for an nspawn container. */
export type NspawnContainerOptions = Input<typeof nspawnSchema>;

/** Options that have a typed field and must not come in through `extraOptions`. */
const TYPED = new Set(["autoStart", "privateNetwork", "hostAddress", "localAddress", "privateUsers", "ephemeral", "bindMounts", "forwardPorts", "config", "path", "flake"]);

/** Cross-field rules of nspawn options. */
export function nspawnProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  const problems: InputProblem[] = [];
  const host = r["network"] === "host" || r["privateNetwork"] === false;
  if (r["network"] !== undefined && typeof r["privateNetwork"] === "boolean" && (r["network"] === "host") === r["privateNetwork"]) {
    problems.push({ path: ["privateNetwork"], message: `privateNetwork: ${String(r["privateNetwork"])} contradicts network: "${String(r["network"])}"; keep one of them` });
  }
  if (host) {
    for (const key of ["hostAddress", "localAddress", "forwardPorts", "nat"]) {
      if (r[key] !== undefined) {
        problems.push({ path: [key], message: `${key} has no effect on a container with the host's network (NixOS ignores it); drop it or use a private network` });
      }
    }
    for (const key of ["macvlans", "interfaces"]) {
      if (Array.isArray(r[key]) && r[key].length > 0) {
        problems.push({ path: [key], message: `${key} makes systemd-nspawn give the container a private network, so it would lose the host's network; use network: "private" with ${key}` });
      }
    }
  }
  const extra = asRecord(r["extraOptions"]);
  if (extra !== undefined) {
    for (const key of Object.keys(extra)) {
      if ((NSPAWN_RUNTIME_OPTIONS as readonly string[]).includes(key) && r[key] !== undefined) {
        problems.push({ path: ["extraOptions", key], message: `${key} is given twice, as a typed option and in extraOptions; keep the typed ${key}` });
      }
      if (TYPED.has(key)) problems.push({ path: ["extraOptions", key], message: key === "path" || key === "flake" ? `${key} conflicts with config, which nixjs renders` : `use the typed option ${key} instead of extraOptions` });
    }
  }
  return problems;
}
