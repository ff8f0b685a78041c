import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { route } from "../../builders/route.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import type { PodmanContainerOptions } from "../../schema/podman.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";
import { isRuntimeSocket } from "./podman-runtime.ts";

const podman = (name: string, o: Partial<PodmanContainerOptions> = {}) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...o } as PodmanContainerOptions);

describe("the container runtime's socket mounted into a container", () => {
  test("which host paths are (or hold) the socket", () => {
    for (const p of ["/run/podman/podman.sock", "/var/run/podman/podman.sock", "/var/run/docker.sock", "/run/docker.sock", "/run/user/1000/podman/podman.sock", "/run/user/1000/podman", "/run/podman/", "/var/run", "/run"]) {
      expect(isRuntimeSocket(p), p).toBe(true);
    }
    for (const p of ["/run/agenix/key", "/run/podman.sock.d", "/var/lib/docker.sock", "/srv/run/docker.sock", "/run/user/me/podman/podman.sock", "/opt/media/run"]) {
      expect(isRuntimeSocket(p), p).toBe(false);
    }
  });

  test("writable: an error; read-only: a warning; typed volumes, -v arguments and nspawn bind mounts alike", () => {
    const lab = testLab({
      containers: [
        podman("portainer", { volumes: ["/run/podman/podman.sock:/var/run/docker.sock", "/opt/services/portainer:/data"] }),
        podman("homepage", { volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"] }),
        podman("watchtower", { extraOptions: ["--volume=/run/user/1000/podman/podman.sock:/var/run/docker.sock"] }),
        container("runner", { bindMounts: { "/var/run/docker.sock": { hostPath: "/run/docker.sock", isReadOnly: false } } }),
        podman("idle", { enable: false, volumes: ["/run/podman/podman.sock:/sock"] }),
      ],
    });
    expect(findings(lab, "runtime-socket-writable").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["error", "containers.portainer.volumes[0]", "portainer mounts the container runtime's socket /run/podman/podman.sock writable: whoever controls portainer can start a privileged container and so owns the host; give it a socket proxy that allows only the API calls it needs, or drop the mount"],
      ["error", 'containers.runner.bindMounts["/var/run/docker.sock"]', "runner mounts the container runtime's socket /run/docker.sock writable: whoever controls runner can start a privileged container and so owns the host; give it a socket proxy that allows only the API calls it needs, or drop the mount"],
      ["error", "containers.watchtower.extraOptions[0]", "watchtower mounts the container runtime's socket /run/user/1000/podman/podman.sock writable: whoever controls watchtower can start a privileged container and so owns the host; give it a socket proxy that allows only the API calls it needs, or drop the mount"],
    ]);
    expect(findings(lab, "runtime-socket-mounted").map((d) => [d.severity, d.path])).toEqual([["warning", "containers.homepage.volumes[0]"]]);
    expect(findings(lab, "runtime-socket-mounted")[0]!.message).toContain("read-only, which does not limit the API");
    expect(findings(lab, "runtime-socket-public")).toEqual([]);
    expect(findings(lab, "runtime-socket-writable")[0]!.site).toMatch(/podman-runtime\.test\.ts:\d+:\d+$/);
  });

  test("routed beyond the LAN: an error even read-only; a LAN-only route keeps the warning", () => {
    const lab = testLab({
      caddy: caddy({ email: "admin@example.org" }),
      containers: [
        podman("dozzle", { volumes: ["/run/podman/podman.sock:/var/run/docker.sock:ro"], ports: ["127.0.0.1:8081:8080"], route: route({ subdomain: "logs", port: 8081, public: true }) }),
        podman("homepage", { volumes: ["/run/podman/podman.sock:/var/run/docker.sock:ro"], ports: ["127.0.0.1:3000:3000"], route: route({ subdomain: "home", port: 3000, clients: ["192.168.1.0/24"], public: true }) }),
      ],
    });
    const [found, ...rest] = findings(lab, "runtime-socket-public");
    expect(rest).toEqual([]);
    expect([found?.severity, found?.path]).toEqual(["error", "containers.dozzle.volumes[0]"]);
    expect(found?.message).toBe(
      "dozzle is routed beyond the LAN (logs.example.org) and mounts the container runtime's socket /run/podman/podman.sock: whoever controls dozzle can start a privileged container and so owns the host, and anyone who breaks into it from the internet does; give it a socket proxy that allows only the API calls it needs, or drop the mount, or restrict the route to LAN clients",
    );
    expect(summary(lab, "runtime-socket-mounted")).toEqual(["containers.homepage.volumes[0]"]);
  });

  test("other mounts under /run and sockets of other programs pass", () => {
    const lab = testLab({ containers: [podman("a", { volumes: ["/run/agenix/a-env:/secrets/env:ro", "/run/postgresql:/run/postgresql"] })] });
    expect(findings(lab).filter((d) => d.code.startsWith("runtime-socket"))).toEqual([]);
  });
});

describe("privileged together with explicit capabilities", () => {
  test("warns at privileged, naming each capability (typed or --cap-* argument)", () => {
    const lab = testLab({
      containers: [
        podman("hass", { privileged: true, capabilities: { NET_ADMIN: true, MKNOD: false } }),
        podman("legacy", { extraOptions: ["--privileged", "--cap-add=CAP_SYS_ADMIN"] }),
      ],
    });
    const found = findings(lab, "privileged-capabilities");
    expect(found.map((d) => [d.severity, d.path, d.related?.map((r) => r.path)])).toEqual([
      ["warning", "containers.hass.privileged", ["containers.hass.capabilities.NET_ADMIN", "containers.hass.capabilities.MKNOD"]],
      ["warning", "containers.legacy.extraOptions[0]", ["containers.legacy.extraOptions[1]"]],
    ]);
    expect(found[0]!.message).toBe("hass is privileged, which grants every capability: its capabilities (NET_ADMIN, MKNOD) mean nothing, drops included; drop privileged and keep the capabilities it needs");
  });

  test("privileged alone, or capabilities alone, pass", () => {
    const lab = testLab({ containers: [podman("a", { privileged: true }), podman("b", { capabilities: { NET_ADMIN: true } })] });
    expect(findings(lab, "privileged-capabilities")).toEqual([]);
  });
});

describe("a device passed to every container", () => {
  test("three or more Podman containers, all with /dev/dri: one warning naming them", () => {
    const lab = testLab({
      containers: [
        podman("jellyfin", { devices: ["/dev/dri"] }),
        podman("sonarr", { devices: ["/dev/dri/"] }),
        podman("radarr", { extraOptions: ["--device=/dev/dri:/dev/dri"] }),
        podman("off", { enable: false }),
        container("nspawn-app"),
      ],
    });
    const found = findings(lab, "device-everywhere");
    expect(found.map((d) => [d.severity, d.path, d.related?.map((r) => r.path)])).toEqual([
      ["warning", "containers.jellyfin.devices[0]", ["containers.sonarr.devices[0]", "containers.radarr.extraOptions[0]"]],
    ]);
    expect(found[0]!.message).toBe(
      "/dev/dri is passed to every Podman container (jellyfin, radarr, sonarr), the mark of a shared default: give it only to the containers that use it (the media server that transcodes, not all 3)",
    );
  });

  test("one container without it, or only two containers, pass", () => {
    const some = testLab({ containers: [podman("jellyfin", { devices: ["/dev/dri"] }), podman("plex", { devices: ["/dev/dri"] }), podman("sonarr")] });
    expect(findings(some, "device-everywhere")).toEqual([]);
    const two = testLab({ containers: [podman("jellyfin", { devices: ["/dev/dri"] }), podman("plex", { devices: ["/dev/dri"] })] });
    expect(findings(two, "device-everywhere")).toEqual([]);
  });
});
