/**
 * The Podman runtime settings of a container (`container(name, { backend: "podman", … })`):
 * privileges, devices, limits, health, namespaces, restart and logging. Held in one field,
 * `PodmanContainer.runtime`, so the checks read them typed instead of parsing `extraOptions`.
 */
import type { ServicePort } from "./ports.ts";

/**
 * A device passed into the container (`--device`, NixOS's `devices`): the host path, where it
 * appears inside (the same path when absent) and the cgroup permissions (`rwm` when absent).
 */
export interface PodmanDevice {
  readonly hostPath: string;
  readonly containerPath?: string;
  /** Some of `r`, `w`, `m`, in that order. */
  readonly permissions?: string;
}

/** A health check (`--health-*`): Podman runs `cmd` inside the container. */
export interface HealthCheck {
  /** A shell command (`CMD-SHELL`) or an argument vector (exec form). */
  readonly cmd: string | readonly string[];
  /** Durations as Podman takes them: `"30s"`, `"1m30s"`. */
  readonly interval?: string;
  readonly timeout?: string;
  readonly retries?: number;
  readonly startPeriod?: string;
}

/**
 * When systemd restarts the container's unit (`Restart=`): oci-containers runs each container
 * as a systemd service started with `--rm`, so Podman's own `--restart` cannot apply.
 */
export type RestartPolicy = "always" | "on-failure" | "on-abnormal" | "no";

/** Podman's log drivers. */
export type LogDriver = "journald" | "k8s-file" | "json-file" | "none" | "passthrough" | "passthrough-tty";

/** When Podman pulls the image (NixOS's `pull`). */
export type PullPolicy = "always" | "missing" | "never" | "newer";

/** The Podman runtime settings; absent fields keep Podman's (and NixOS's) defaults. */
export interface PodmanRuntime {
  /** NixOS's `capabilities`: `true` adds (`--cap-add`), `false` drops (`--cap-drop`); names without `CAP_`. */
  readonly capabilities: { readonly [capability: string]: boolean };
  readonly privileged: boolean;
  readonly devices: readonly PodmanDevice[];
  /** `--memory`: `"512m"`, `"2g"`. */
  readonly memory?: string;
  /** `--memory-swap`: memory plus swap; `"-1"` for unlimited swap. */
  readonly memorySwap?: string;
  /** `--cpus`: how many CPUs' worth of time. */
  readonly cpus?: number;
  /** `--pids-limit`. */
  readonly pidsLimit?: number;
  /** `--sysctl`: namespaced kernel parameters. */
  readonly sysctls: { readonly [name: string]: string };
  /** `--shm-size`: `/dev/shm`'s size. */
  readonly shmSize?: string;
  readonly healthCheck?: HealthCheck;
  /** `network: { container }`: shares that container's network namespace (`--network=container:<name>`). */
  readonly networkContainer?: string;
  /** The pod it runs in (`--pod`); nixjs creates the pod with its members' published ports. */
  readonly pod?: string;
  readonly restart?: RestartPolicy;
  readonly logDriver?: LogDriver;
  /** `--log-opt`s. */
  readonly logOptions: { readonly [name: string]: string };
  /** `--userns`: `"auto"`, `"keep-id"`, `"auto:size=65536"` … */
  readonly userns?: string;
  readonly pull?: PullPolicy;
  /** What a host-network container listens on (host listeners for the port checks). */
  readonly listens: readonly ServicePort[];
}

/**
 * A container's runtime when no option is given: Podman's defaults.
 * @example podman("sonarr", image, { runtime: { ...DEFAULT_RUNTIME, privileged: true } })
 */
export const DEFAULT_RUNTIME: PodmanRuntime = Object.freeze({
  capabilities: Object.freeze({}),
  privileged: false,
  devices: Object.freeze([]),
  sysctls: Object.freeze({}),
  logOptions: Object.freeze({}),
  listens: Object.freeze([]),
});
