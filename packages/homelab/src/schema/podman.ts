import { z, type Input } from "./zod.ts";
import { oidcShape } from "../auth/schema.ts";
import { commonShape, podmanFilesShape, routeShape } from "./common.ts";
import { image, volume } from "./oci.ts";
import { isPublicValue } from "../model/brand.ts";
import { category, containerName, ipv4, orPublic, port, protocol, publicValueRef, secretRef } from "./primitives.ts";
import { asRecord, type InputProblem } from "./problems.ts";
import { parsePublish } from "./publish.ts";
import { podmanNetwork, podmanRuntimeShape, runtimeProblems } from "./podman-runtime.ts";

/** A published port: a Podman spec string or a typed object. */
const published = z.union(
  [
    z.string().transform((spec, ctx) => {
      const result = parsePublish(spec);
      if (result.ok) return result.port;
      ctx.issues.push({ code: "custom", message: result.reason, input: spec });
      return z.NEVER;
    }),
    z.strictObject({
      /** Bind address on the host; every address when absent. @example hostAddress: "127.0.0.1" */
      hostAddress: ipv4.optional(),
      /** @example hostPort: 5432 */
      hostPort: port,
      /** Default: `hostPort`. @example containerPort: 5432 */
      containerPort: port.optional(),
      /** Default `"tcp"`. @example protocol: "udp" */
      protocol: protocol.optional(),
    }),
  ],
  { error: 'expected a port spec like "127.0.0.1:5432:5432" or { hostAddress, hostPort, containerPort, protocol }' },
);

const ENV_MESSAGE = "expected a string (numbers and booleans are written as strings; secrets go in environmentFiles)";

/** One Podman argument; `--network` has its own options. */
const extraOption = z.string({ error: "expected one command-line argument" }).check((ctx) => {
  const arg = ctx.value;
  if (/^--?[A-Za-z][A-Za-z0-9-]*\s/.test(arg)) {
    const flag = arg.split(/\s+/)[0]!;
    ctx.issues.push({ code: "custom", message: `each element is one argument: write "${flag}=${arg.slice(flag.length).trim()}"`, input: arg });
  } else if (/^--net(work)?=host$/.test(arg)) {
    ctx.issues.push({ code: "custom", message: 'use network: "host" instead, so the port checks know about it', input: arg });
  } else if (/^--net(work)?=container:/.test(arg)) {
    const owner = arg.slice(arg.indexOf(":") + 1);
    ctx.issues.push({ code: "custom", message: `use network: { container: "${owner}" } instead (nixjs orders it after "${owner}" and checks its ports)`, input: arg });
  } else if (/^--restart(=|$)/.test(arg)) {
    ctx.issues.push({ code: "custom", message: 'use restart: "on-failure" (or "always", "no") instead: NixOS runs the container with --rm, which Podman refuses with --restart; systemd restarts it', input: arg });
  } else if (/^--net(work)?=/.test(arg)) {
    ctx.issues.push({ code: "custom", message: `use networks: ["${arg.slice(arg.indexOf("=") + 1)}"] instead (nixjs creates the network)`, input: arg });
  }
});

/** Options of `container(name, { backend: "podman", ... })`. */
export const podmanSchema = z.strictObject(
  {
    /** A Podman OCI container (`virtualisation.oci-containers`). @example backend: "podman" */
    backend: z.literal("podman"),
    ...commonShape,
    /**
     * The image, with a tag (or digest): untagged images are rejected.
     * @example image: "lscr.io/linuxserver/sonarr:4.0.9"
     */
    image,
    /**
     * Published ports. Behind a proxy, bind to loopback: `"127.0.0.1:8989:8989"`.
     * @example ports: ["127.0.0.1:5432:5432", "53:53/udp", { hostPort: 8080, containerPort: 80 }]
     */
    ports: z.array(published).optional(),
    /**
     * Volumes as Podman takes them.
     * @example volumes: ["/opt/media/sonarr:/config", "/mnt/storage/media/tv:/tv:ro"]
     */
    volumes: z.array(volume).optional(),
    /**
     * Environment variables (stored in the world-readable Nix store: no secrets here).
     * @example environment: { PUID: "1000", PGID: "1000", TZ: "Europe/Berlin" }
     */
    environment: z
      .record(
        z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected a variable name like "TZ"' }),
        z.union([z.string(), z.number(), z.boolean(), publicValueRef], { error: ENV_MESSAGE }).transform((v) => (isPublicValue(v) ? v : String(v))),
        { error: "expected { NAME: value }" },
      )
      .optional(),
    /**
     * Secrets passed as `--env-file` (files of `NAME=value` lines, decrypted on the host).
     * @example environmentFiles: [secret("sonarr-env")]
     */
    environmentFiles: z.array(secretRef).optional(),
    /**
     * Further `podman run` arguments, one per element.
     * @example extraOptions: ["--memory=512m"]
     */
    extraOptions: z.array(orPublic(extraOption, "expected one command-line argument")).optional(),
    /**
     * Custom Podman networks (created by a oneshot unit).
     * @example networks: ["media"]
     */
    networks: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'expected a network name like "media"' }))
      .optional(),
    /**
     * `"host"`: the host's network stack (`--network=host`; published ports do not apply, say
     * what it serves with `listens`). `{ container }`: another Podman container's network
     * namespace (`--network=container:<name>`, e.g. a VPN container): its ports are published
     * there, and this container starts after it.
     * @example network: "host"
     * @example network: { container: "gluetun" }
     */
    network: podmanNetwork.optional(),
    /**
     * Other Podman containers this one needs (started first).
     * @example dependsOn: ["postgres"]
     */
    dependsOn: z.array(containerName).optional(),
    /**
     * `uid[:gid]` (or names) inside the image.
     * @example user: "1000:1000"
     */
    user: z
      .string({ error: 'expected "uid[:gid]" like "1000:1000"' })
      .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/, { error: 'expected "uid[:gid]" like "1000:1000"' })
      .optional(),
    /**
     * Storage category: state in `/opt/<category>/<name>`, created by tmpfiles.
     * @example category: "media"
     */
    category: category.optional(),
    /** Arguments after the image. @example cmd: ["--config", "/config/app.yml"] */
    cmd: z.array(orPublic(z.string(), "expected a string argument")).optional(),
    /** Overrides the image's entrypoint (one string). @example entrypoint: "/bin/app" */
    entrypoint: orPublic(z.string(), "expected the entrypoint as one string").optional(),
    /** Container labels. @example labels: { "io.containers.autoupdate": "registry" } */
    labels: z
      .record(
        z.string().regex(/^[^\s=]+$/, { error: "expected a label key without spaces or =" }),
        orPublic(z.string(), "expected a string label value"),
        { error: "expected { key: value }" },
      )
      .optional(),
    ...podmanRuntimeShape,
    ...routeShape,
    ...oidcShape,
    ...podmanFilesShape,
  },
  { error: "expected an object with container options" },
);

/** What `container(name, { backend: "podman", ... })` accepts. */
export type PodmanContainerOptions = Input<typeof podmanSchema>;

/** Cross-field rules of Podman options. */
export function podmanProblems(raw: unknown): InputProblem[] {
  const r = asRecord(raw);
  if (r === undefined) return [];
  const problems: InputProblem[] = [];
  if (r["network"] === "host") {
    if (Array.isArray(r["ports"]) && r["ports"].length > 0) {
      problems.push({ path: ["ports"], message: 'published ports do not apply with network: "host" (the service binds host ports itself); drop ports or the host network, and say what it serves with listens: [8096]' });
    }
    if (Array.isArray(r["networks"]) && r["networks"].length > 0) {
      problems.push({ path: ["networks"], message: 'networks and network: "host" exclude each other' });
    }
  }
  problems.push(...runtimeProblems(r));
  return problems;
}
