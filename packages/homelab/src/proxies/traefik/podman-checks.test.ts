import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";
import { traefik } from "./builders.ts";

describe("traefik({ mode: \"podman\" }) checks", () => {
  test("traefik-socket-writable: the API socket mounted again without :ro", () => {
    const lab = testLab({
      traefik: traefik({
        mode: "podman",
        volumes: ["/run/podman/podman.sock:/run/podman.sock", "/var/run/docker.sock:/var/run/docker2.sock:rw", "/opt/services/traefik/plugins:/plugins"],
      }),
    });
    const found = findings(lab, "traefik-socket-writable");
    expect(found.map((d) => [d.severity, d.path])).toEqual([
      ["error", "traefik.volumes[0]"],
      ["error", "traefik.volumes[1]"],
    ]);
    expect(found[0]?.message).toBe(
      "/run/podman/podman.sock:/run/podman.sock mounts the container engine's API socket writable: whoever controls Traefik could start a privileged container (root on the host). nixjs already mounts the Podman socket read-only for the Docker provider: drop this volume, or add :ro",
    );
  });

  test("traefik-socket-writable: read-only, or another file, is fine", () => {
    const lab = testLab({ traefik: traefik({ mode: "podman", volumes: ["/run/user/1000/podman/podman.sock:/podman.sock:ro", "/opt/socks:/socks"] }) });
    expect(findings(lab, "traefik-socket-writable")).toEqual([]);
  });

  test("duplicate-name: a Podman container named traefik beside the Traefik container", () => {
    const clash = testLab({ traefik: traefik({ mode: "podman" }), containers: [container("traefik", { backend: "podman", image: "docker.io/library/traefik:v3.3.5", user: "1000" })] });
    expect(findings(clash, "duplicate-name").map((d) => [d.path, d.message])).toEqual([
      [
        "containers.traefik",
        'traefik() already defines the container "traefik" (its modes "container" and "podman" run Traefik as that container): rename this container, or use traefik({ mode: "service" })',
      ],
    ]);
    const renamed = testLab({ traefik: traefik({ mode: "podman" }), containers: [container("proxy-old", { backend: "podman", image: "docker.io/library/traefik:v3.3.5", user: "1000" })] });
    expect(findings(renamed, "duplicate-name")).toEqual([]);
  });
});
