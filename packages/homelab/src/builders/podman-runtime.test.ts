import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { container, formatPath } from "../index.ts";
import type { PodmanContainerOptions } from "../schema/podman.ts";
import { parseDevice } from "../schema/podman-runtime.ts";

const IMAGE = "docker.io/jellyfin/jellyfin:10.10.3";
const podman = (o: Partial<PodmanContainerOptions>) => container("app", { backend: "podman", image: IMAGE, ...o } as PodmanContainerOptions);

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

describe("container({ backend: \"podman\" }): the runtime options", () => {
  test("every option lands in runtime, defaults dropped, capability names without CAP_", () => {
    const c = podman({
      capabilities: { CAP_NET_ADMIN: true, MKNOD: false },
      devices: ["/dev/dri", "/dev/dvb:/dev/tuner:rw", { hostPath: "/dev/video0", permissions: "r" }],
      memory: "2g",
      memorySwap: "-1",
      cpus: 1.5,
      pidsLimit: 512,
      sysctls: { "net.ipv4.conf.all.src_valid_mark": 1, "net.ipv6.conf.all.disable_ipv6": true },
      shmSize: "1g",
      healthCheck: { cmd: ["curl", "-fsS", "http://localhost:8096/health"], interval: "30s", retries: 3 },
      restart: "unless-stopped",
      logDriver: "k8s-file",
      logOptions: { "max-size": "10mb", "max-file": 3 },
      userns: "auto:size=65536",
      pull: "newer",
    });
    expect(c.runtime).toEqual({
      capabilities: { NET_ADMIN: true, MKNOD: false },
      privileged: false,
      devices: [{ hostPath: "/dev/dri" }, { hostPath: "/dev/dvb", containerPath: "/dev/tuner", permissions: "rw" }, { hostPath: "/dev/video0", permissions: "r" }],
      memory: "2g",
      memorySwap: "-1",
      cpus: 1.5,
      pidsLimit: 512,
      sysctls: { "net.ipv4.conf.all.src_valid_mark": "1", "net.ipv6.conf.all.disable_ipv6": "1" },
      shmSize: "1g",
      healthCheck: { cmd: ["curl", "-fsS", "http://localhost:8096/health"], interval: "30s", retries: 3 },
      restart: "always",
      logDriver: "k8s-file",
      logOptions: { "max-size": "10mb", "max-file": "3" },
      userns: "auto:size=65536",
      pull: "newer",
      listens: [],
    });
    expect(Object.isFrozen(c.runtime.devices[0])).toBe(true);
  });

  test("network: { container }, pods and host-network listeners", () => {
    const vpn = podman({ network: { container: "gluetun" } });
    expect(vpn.network).toBeUndefined();
    expect(vpn.runtime.networkContainer).toBe("gluetun");
    expect(podman({ pod: "media", ports: ["127.0.0.1:8096:8096"] }).runtime.pod).toBe("media");
    const host = podman({ network: "host", listens: [8096, { port: 1900, protocol: "udp" }, { port: 8920, address: "127.0.0.1" }] });
    expect(host.network).toBe("host");
    expect(host.runtime.listens).toEqual([
      { port: 8096, protocol: "tcp", address: "0.0.0.0" },
      { port: 1900, protocol: "udp", address: "0.0.0.0" },
      { port: 8920, protocol: "tcp", address: "127.0.0.1" },
    ]);
  });

  test("device specs: host path, container path, permissions", () => {
    expect(parseDevice("/dev/dri")).toEqual({ hostPath: "/dev/dri" });
    expect(parseDevice("/dev/dri:rw")).toEqual({ hostPath: "/dev/dri", permissions: "rw" });
    expect(parseDevice("/dev/dri/renderD128:/dev/dri/renderD128:rwm")).toEqual({ hostPath: "/dev/dri/renderD128", containerPath: "/dev/dri/renderD128", permissions: "rwm" });
    for (const bad of ["dri", "/dev/dri:/x", "/dev/a:/dev/b:rw:m", "/etc/passwd", "/dev/dri:wr"]) expect(parseDevice(bad)).toBeUndefined();
  });

  test("values refused, each with its field", () => {
    expect(
      problems(() =>
        podman({
          capabilities: { NET_ADMN: true },
          devices: ["/etc/shadow"],
          memory: "lots",
          cpus: 0,
          sysctls: { "vm.swappiness": 10 },
          healthCheck: { cmd: [], interval: "often" },
          restart: "sometimes",
          userns: "keep-id:uid=me",
        } as never),
      ),
    ).toEqual([
      'capabilities.NET_ADMN: expected a capability name like "NET_ADMIN" (capabilities(7), upper case, "CAP_" optional), got "NET_ADMN"',
      'devices[0]: expected a device like "/dev/dri" or "/dev/dvb:/dev/dvb:rw", got "/etc/shadow"',
      'memory: expected a size like "512m" or "2g" (a number with b, k, m or g), got "lots"',
      "cpus: expected a number of CPUs like 1.5, got 0",
      'sysctls["vm.swappiness"]: expected a namespaced kernel parameter (net.*, kernel.shm*/msg*/sem, fs.mqueue.*): others belong to the host (boot.kernel.sysctl), got "vm.swappiness"',
      "healthCheck.cmd: expected a shell command or an argument vector, not empty, got a list",
      'healthCheck.interval: expected a duration like "30s", "2m" or "1m30s", got "often"',
      'restart: expected "always", "on-failure", "on-abnormal" or "no", got "sometimes"',
      'userns: expected "auto", "auto:size=65536", "keep-id", "keep-id:uid=1000,gid=1000", "nomap", "host", "private" or "ns:/path", got "keep-id:uid=me"',
    ]);
  });

  test("what a shared namespace, the host network and a pod exclude", () => {
    expect(problems(() => podman({ network: { container: "gluetun" }, ports: ["8080:8080"], networks: ["media"], sysctls: { "net.ipv4.ip_forward": 1 } }))).toEqual([
      `ports: published ports belong to the network namespace's owner: publish them in container "gluetun"'s ports (the proxy and clients reach this container there)`,
      `networks: networks and network: { container } exclude each other: "gluetun" joins the networks`,
      `sysctls["net.ipv4.ip_forward"]: net.ipv4.ip_forward belongs to "gluetun"'s network namespace (set it there): Podman refuses it here`,
    ]);
    expect(problems(() => podman({ listens: [8096] }))).toEqual(['listens: listens is for network: "host" (a container on its own network publishes with ports)']);
    expect(problems(() => podman({ network: { container: "gluetun" }, listens: [8096] }))).toEqual([
      `listens: listens is for network: "host"; this container listens in "gluetun"'s namespace, reached through "gluetun"'s ports`,
    ]);
    expect(problems(() => podman({ network: "host", sysctls: { "net.core.somaxconn": 1024 } }))).toEqual([
      `sysctls["net.core.somaxconn"]: net.core.somaxconn belongs to the host's network namespace (set it in boot.kernel.sysctl): Podman refuses it here`,
    ]);
    expect(problems(() => podman({ pod: "media", network: "host", userns: "auto" }))).toEqual([
      "network: a pod member uses the pod's network namespace: drop network or pod",
      "userns: a pod member uses the pod's user namespace (Podman refuses --userns with --pod): drop userns or pod",
    ]);
  });

  test("a capability given twice, with and without CAP_", () => {
    expect(problems(() => podman({ capabilities: { NET_ADMIN: true, CAP_NET_ADMIN: false } }))).toEqual(["capabilities.CAP_NET_ADMIN: NET_ADMIN is given twice (with and without CAP_): keep one"]);
  });

  test("extraOptions: a typed setting given twice, and hints that suggest accepted forms", () => {
    expect(problems(() => podman({ memory: "1g", privileged: true, extraOptions: ["--memory=2g", "--privileged", "--shm-size=1g"] }))).toEqual([
      "extraOptions[0]: --memory is set by memory already: drop it here",
      "extraOptions[1]: --privileged is set by privileged already: drop it here",
    ]);
    const hinted = problems(() => podman({ extraOptions: ["--network=container:gluetun", "--restart=unless-stopped"] }));
    expect(hinted).toEqual([
      'extraOptions[0]: use network: { container: "gluetun" } instead (nixjs orders it after "gluetun" and checks its ports)',
      'extraOptions[1]: use restart: "on-failure" (or "always", "no") instead: NixOS runs the container with --rm, which Podman refuses with --restart; systemd restarts it',
    ]);
    // The suggested forms are accepted.
    expect(podman({ network: { container: "gluetun" } }).runtime.networkContainer).toBe("gluetun");
    expect(podman({ restart: "on-failure" }).runtime.restart).toBe("on-failure");
    // Passthrough strings that worked before still do.
    expect(podman({ extraOptions: ["--memory=512m", "--cap-add=NET_ADMIN", "--device=/dev/dri"] }).extraOptions).toEqual(["--memory=512m", "--cap-add=NET_ADMIN", "--device=/dev/dri"]);
  });

  test("the call site is named", () => {
    let error: HomelabInputError | undefined;
    try {
      container("vpn", { backend: "podman", image: IMAGE, network: { container: "vpn-gw" }, ports: ["8080:8080"] }); // line 151, column 7
    } catch (e) {
      error = e as HomelabInputError;
    }
    expect(error?.diagnostics.map((d) => [d.code, formatPath(d.path), d.site])).toEqual([["invalid-value", "ports", "packages/homelab/src/builders/podman-runtime.test.ts:151:7"]]);
  });
});
