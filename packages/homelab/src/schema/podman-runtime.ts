/**
 * The Podman runtime options of `container(name, { backend: "podman", … })`: privileges,
 * devices, limits, health, shared namespaces, restart, logging, listeners. Spread into
 * `podmanSchema`; `runtimeProblems` holds the rules between them and the other options.
 */
import { z } from "./zod.ts";
import { servicePort } from "./common.ts";
import { bool, containerName } from "./primitives.ts";
import type { InputProblem } from "./problems.ts";

const msg = (message: string) => ({ error: message });

/** Linux capabilities by their names without `CAP_` (capabilities(7)), and `ALL`. */
const CAPABILITIES: ReadonlySet<string> = new Set(
  ("ALL AUDIT_CONTROL AUDIT_READ AUDIT_WRITE BLOCK_SUSPEND BPF CHECKPOINT_RESTORE CHOWN DAC_OVERRIDE DAC_READ_SEARCH " +
    "FOWNER FSETID IPC_LOCK IPC_OWNER KILL LEASE LINUX_IMMUTABLE MAC_ADMIN MAC_OVERRIDE MKNOD NET_ADMIN NET_BIND_SERVICE " +
    "NET_BROADCAST NET_RAW PERFMON SETFCAP SETGID SETPCAP SETUID SYSLOG SYS_ADMIN SYS_BOOT SYS_CHROOT SYS_MODULE SYS_NICE " +
    "SYS_PACCT SYS_PTRACE SYS_RAWIO SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG WAKE_ALARM").split(" "),
);

const CAPABILITY_MESSAGE = 'expected a capability name like "NET_ADMIN" (capabilities(7), upper case, "CAP_" optional)';
const capability = z.string(msg(CAPABILITY_MESSAGE)).check((ctx) => {
  if (!CAPABILITIES.has(ctx.value.replace(/^CAP_/, ""))) ctx.issues.push({ code: "custom", message: CAPABILITY_MESSAGE, input: ctx.value });
});

const DEVICE_PATH = /^\/dev\/[^\s:\0]*$/;
const DEVICE_MESSAGE = 'expected a device like "/dev/dri" or "/dev/dvb:/dev/dvb:rw"';
/**
 * `hostPath[:containerPath][:permissions]` (Podman's `--device`), parsed; `undefined` when it is
 * not one.
 * @example parseDevice("/dev/dri") // { hostPath: "/dev/dri" }
 */
export function parseDevice(spec: string): { hostPath: string; containerPath?: string; permissions?: string } | undefined {
  const [hostPath = "", ...rest] = spec.split(":");
  if (!DEVICE_PATH.test(hostPath) || rest.length > 2) return undefined;
  const permissions = rest.length > 0 && /^r?w?m?$/.test(rest[rest.length - 1]!) && rest[rest.length - 1] !== "" ? rest.pop() : undefined;
  if (rest.length > 1 || (rest[0] !== undefined && !DEVICE_PATH.test(rest[0]))) return undefined;
  return { hostPath, ...(rest[0] === undefined ? {} : { containerPath: rest[0] }), ...(permissions === undefined ? {} : { permissions }) };
}

const device = z.union(
  [
    z.string().transform((spec, ctx) => parseDevice(spec) ?? (ctx.issues.push({ code: "custom", message: DEVICE_MESSAGE, input: spec }), z.NEVER)),
    z.strictObject({
      /** The device on the host. @example hostPath: "/dev/dvb" */
      hostPath: z.string().regex(DEVICE_PATH, msg('expected a device path like "/dev/dri"')),
      /** Where it appears inside; the same path when absent. @example containerPath: "/dev/dvb" */
      containerPath: z.string().regex(DEVICE_PATH, msg('expected a device path like "/dev/dri"')).optional(),
      /** Some of r(ead), w(rite), m(knod); `"rwm"` when absent. @example permissions: "rw" */
      permissions: z.string().regex(/^(?=.)r?w?m?$/, msg('expected permissions like "rw" (some of r, w, m, in that order)')).optional(),
    }),
  ],
  msg(`${DEVICE_MESSAGE} or { hostPath, containerPath, permissions }`),
);

const SIZE_MESSAGE = 'expected a size like "512m" or "2g" (a number with b, k, m or g)';
const size = z.string(msg(SIZE_MESSAGE)).regex(/^[1-9][0-9]*(\.[0-9]+)?[bkmgBKMG]?$/, msg(SIZE_MESSAGE));
const DURATION_MESSAGE = 'expected a duration like "30s", "2m" or "1m30s"';
const duration = z.string(msg(DURATION_MESSAGE)).regex(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, msg(DURATION_MESSAGE));

/** Kernel parameters a container may set: those its own namespaces hold (podman-run(1), `--sysctl`). */
const NAMESPACED_SYSCTL = /^(kernel\.(msgmax|msgmnb|msgmni|sem|shmall|shmmax|shmmni|shm_rmid_forced)|fs\.mqueue\.[a-z_]+|net\.[A-Za-z0-9_.\-/]+)$/;
const SYSCTL_MESSAGE = "expected a namespaced kernel parameter (net.*, kernel.shm*/msg*/sem, fs.mqueue.*): others belong to the host (boot.kernel.sysctl)";

const USERNS = /^(auto(:(uidmapping|gidmapping|size)=[0-9:,]+(,(uidmapping|gidmapping|size)=[0-9:,]+)*)?|host|keep-id(:(uid|gid|size)=[0-9]+(,(uid|gid|size)=[0-9]+)*)?|nomap|private|ns:\/\S+)$/;
const USERNS_MESSAGE = 'expected "auto", "auto:size=65536", "keep-id", "keep-id:uid=1000,gid=1000", "nomap", "host", "private" or "ns:/path"';

const HEALTH_CMD_MESSAGE = "expected a shell command or an argument vector, not empty";

/** The runtime options (spread into `podmanSchema`). */
export const podmanRuntimeShape = {
  /**
   * NixOS's `capabilities`: `true` adds a capability (`--cap-add`), `false` drops it
   * (`--cap-drop`). Names as capabilities(7) has them, `CAP_` optional, or `ALL`.
   * @example capabilities: { NET_ADMIN: true, MKNOD: false }
   */
  capabilities: z.record(capability, bool("true adds, false drops"), msg("expected { CAPABILITY: true | false }")).optional(),
  /**
   * `--privileged`: every capability, every host device, no seccomp or SELinux confinement.
   * Explicit `capabilities` mean nothing then.
   * @example privileged: true
   */
  privileged: bool("privileged").optional(),
  /**
   * Devices passed in (NixOS's `devices`, `--device`): a GPU for transcoding, a DVB tuner.
   * @example devices: ["/dev/dri", { hostPath: "/dev/dvb", permissions: "rw" }]
   */
  devices: z.array(device).optional(),
  /**
   * Memory limit (`--memory`).
   * @example memory: "2g"
   */
  memory: size.optional(),
  /**
   * Memory plus swap (`--memory-swap`); `"-1"` for unlimited swap.
   * @example memorySwap: "4g"
   */
  memorySwap: z.union([size, z.literal("-1")], msg(`${SIZE_MESSAGE}, or "-1"`)).optional(),
  /**
   * CPU limit in CPUs' worth of time (`--cpus`).
   * @example cpus: 1.5
   */
  cpus: z.number(msg("expected a number of CPUs like 1.5")).positive(msg("expected a number of CPUs like 1.5")).max(1024, msg("expected at most 1024 CPUs")).optional(),
  /**
   * Maximum number of processes (`--pids-limit`); `-1` for none.
   * @example pidsLimit: 512
   */
  pidsLimit: z.int(msg("expected a whole number of processes, or -1")).min(-1, msg("expected a whole number of processes, or -1")).refine((v) => v !== 0, msg("expected a positive limit, or -1 for none")).optional(),
  /**
   * Namespaced kernel parameters (`--sysctl`); values are written as strings.
   * @example sysctls: { "net.ipv4.conf.all.src_valid_mark": 1, "net.ipv6.conf.all.disable_ipv6": 1 }
   */
  sysctls: z
    .record(
      z.string().regex(NAMESPACED_SYSCTL, msg(SYSCTL_MESSAGE)),
      z.union([z.string(), z.number(), z.boolean()], msg("expected a string or a number")).transform((v) => (typeof v === "boolean" ? (v ? "1" : "0") : String(v))),
      msg('expected { "net.ipv4.ip_forward": 1 }'),
    )
    .optional(),
  /**
   * Size of `/dev/shm` (`--shm-size`; Podman's default is 64m).
   * @example shmSize: "1g"
   */
  shmSize: size.optional(),
  /**
   * A health check Podman runs inside the container (`--health-*`).
   * @example healthCheck: { cmd: "curl -fsS http://localhost:8096/health", interval: "30s", timeout: "5s", retries: 3, startPeriod: "1m" }
   */
  healthCheck: z
    .strictObject(
      {
        /** A shell command, or the command as an argument vector. @example cmd: ["pg_isready", "-U", "postgres"] */
        cmd: z.union([z.string().min(1, msg(HEALTH_CMD_MESSAGE)), z.array(z.string()).min(1, msg(HEALTH_CMD_MESSAGE))], msg(HEALTH_CMD_MESSAGE)),
        /** Time between checks (default 30s). @example interval: "1m" */
        interval: duration.optional(),
        /** How long one check may take (default 30s). @example timeout: "5s" */
        timeout: duration.optional(),
        /** Failures in a row before the container is unhealthy (default 3). @example retries: 5 */
        retries: z.int(msg("expected a number of retries ≥ 1")).min(1, msg("expected a number of retries ≥ 1")).optional(),
        /** Start-up time during which failures do not count. @example startPeriod: "2m" */
        startPeriod: duration.optional(),
      },
      msg("expected { cmd, interval, timeout, retries, startPeriod }"),
    )
    .optional(),
  /**
   * The pod it runs in (`--pod`): its members share one network namespace; nixjs creates the
   * pod (unit `podman-pod-<name>`) and publishes there the ports and joins the networks its
   * members declare.
   * @example pod: "media"
   */
  pod: z.string(msg('expected a pod name like "media"')).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, msg('expected a pod name like "media"')).optional(),
  /**
   * When systemd restarts the container (its unit's `Restart=`; NixOS's default is
   * `"always"`). `"unless-stopped"` is accepted as `"always"`: systemd never restarts a unit
   * you stopped.
   * @example restart: "on-failure"
   */
  restart: z
    .enum(["always", "on-failure", "on-abnormal", "no", "unless-stopped"], msg('expected "always", "on-failure", "on-abnormal" or "no"'))
    .transform((v) => (v === "unless-stopped" ? "always" : v))
    .optional(),
  /**
   * Podman's log driver (NixOS's `log-driver`, default `"journald"`).
   * @example logDriver: "k8s-file"
   */
  logDriver: z.enum(["journald", "k8s-file", "json-file", "none", "passthrough", "passthrough-tty"], msg('expected "journald", "k8s-file", "json-file", "none", "passthrough" or "passthrough-tty"')).optional(),
  /**
   * Options of the log driver (`--log-opt`).
   * @example logOptions: { path: "/var/log/app.json", "max-size": "10mb" }
   */
  logOptions: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_-]*$/, msg('expected an option name like "max-size"')),
      z.union([z.string().regex(/^[^\s,]+$/, msg("expected a value without spaces or commas")), z.number()], msg("expected a string or a number")).transform(String),
      msg('expected { "max-size": "10mb" }'),
    )
    .optional(),
  /**
   * The user namespace (`--userns`): `"auto"` maps the container's root to an unprivileged
   * range of its own; `"keep-id"` maps your user to itself (rootless).
   * @example userns: "auto"
   */
  userns: z.string(msg(USERNS_MESSAGE)).regex(USERNS, msg(USERNS_MESSAGE)).optional(),
  /**
   * When Podman pulls the image (NixOS's `pull`, default `"missing"`).
   * @example pull: "newer"
   */
  pull: z.enum(["always", "missing", "never", "newer"], msg('expected "always", "missing", "never" or "newer"')).optional(),
  /**
   * What a host-network container (`network: "host"`) listens on, so the port checks and the
   * firewall know its host ports: a number (TCP on every address) or `{ port, protocol, address }`.
   * @example listens: [8096, { port: 1900, protocol: "udp" }]
   */
  listens: z.array(servicePort).optional(),
};

/**
 * `network` of a Podman container: `"host"`, or `{ container }` to share another Podman
 * container's network namespace (a VPN container such as gluetun).
 */
export const podmanNetwork = z.union(
  [
    z.literal("host"),
    z.strictObject({
      /** The Podman container whose network namespace this one joins. @example container: "gluetun" */
      container: containerName,
    }),
  ],
  msg('expected "host" or { container: "<name>" }'),
);

/** `extraOptions` flags a typed option says instead: option → the flags it writes. */
const FLAGS: readonly (readonly [string, readonly string[]])[] = [
  ["capabilities", ["--cap-add", "--cap-drop"]],
  ["privileged", ["--privileged"]],
  ["devices", ["--device"]],
  ["memory", ["--memory", "-m"]],
  ["memorySwap", ["--memory-swap"]],
  ["cpus", ["--cpus"]],
  ["pidsLimit", ["--pids-limit"]],
  ["sysctls", ["--sysctl"]],
  ["shmSize", ["--shm-size"]],
  ["healthCheck", ["--health-cmd", "--health-interval", "--health-timeout", "--health-retries", "--health-start-period"]],
  ["pod", ["--pod"]],
  ["logDriver", ["--log-driver"]],
  ["logOptions", ["--log-opt"]],
  ["userns", ["--userns"]],
  ["pull", ["--pull"]],
];

/**
 * The flag of one `extraOptions` argument: `"--memory=1g"` → `"--memory"`.
 * @example flagOf("--cap-add=NET_ADMIN") // "--cap-add"
 */
export function flagOf(arg: string): string {
  return arg.split("=")[0]!;
}

const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
const set = (v: unknown): boolean => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && v !== null && Object.keys(v).length === 0);

/**
 * Rules between the runtime options and the rest (on the raw input `r`): what a shared network
 * namespace, the host network and a pod exclude, and a setting given twice.
 * @example runtimeProblems({ network: { container: "gluetun" }, ports: ["8080:8080"] }) // [{ path: ["ports"], … }]
 */
export function runtimeProblems(r: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  const network = r["network"];
  const owner = typeof network === "object" && network !== null ? (network as Record<string, unknown>)["container"] : undefined;
  if (typeof owner === "string") {
    if (list(r["ports"]).length > 0) {
      problems.push({ path: ["ports"], message: `published ports belong to the network namespace's owner: publish them in container "${owner}"'s ports (the proxy and clients reach this container there)` });
    }
    if (list(r["networks"]).length > 0) problems.push({ path: ["networks"], message: `networks and network: { container } exclude each other: "${owner}" joins the networks` });
    if (list(r["listens"]).length > 0) problems.push({ path: ["listens"], message: `listens is for network: "host"; this container listens in "${owner}"'s namespace, reached through "${owner}"'s ports` });
  } else if (network !== "host" && list(r["listens"]).length > 0) {
    problems.push({ path: ["listens"], message: 'listens is for network: "host" (a container on its own network publishes with ports)' });
  }
  if (network !== undefined && network !== "host" && typeof owner !== "string") return problems;
  const sysctls = r["sysctls"];
  if (network !== undefined && typeof sysctls === "object" && sysctls !== null) {
    for (const key of Object.keys(sysctls)) {
      if (!key.startsWith("net.")) continue;
      const where = network === "host" ? "the host's network namespace (set it in boot.kernel.sysctl)" : `"${String(owner)}"'s network namespace (set it there)`;
      problems.push({ path: ["sysctls", key], message: `${key} belongs to ${where}: Podman refuses it here` });
    }
  }
  if (r["pod"] !== undefined) {
    if (network !== undefined) problems.push({ path: ["network"], message: "a pod member uses the pod's network namespace: drop network or pod" });
    if (r["userns"] !== undefined) problems.push({ path: ["userns"], message: "a pod member uses the pod's user namespace (Podman refuses --userns with --pod): drop userns or pod" });
  }
  const caps = r["capabilities"];
  if (typeof caps === "object" && caps !== null) {
    const seen = new Set<string>();
    for (const key of Object.keys(caps)) {
      const bare = key.replace(/^CAP_/, "");
      if (seen.has(bare)) problems.push({ path: ["capabilities", key], message: `${bare} is given twice (with and without CAP_): keep one` });
      seen.add(bare);
    }
  }
  list(r["extraOptions"]).forEach((arg, i) => {
    if (typeof arg !== "string") return;
    const flag = flagOf(arg);
    const option = FLAGS.find(([name, flags]) => set(r[name]) && flags.includes(flag))?.[0];
    if (option !== undefined) problems.push({ path: ["extraOptions", i], message: `${flag} is set by ${option} already: drop it here` });
  });
  return problems;
}
