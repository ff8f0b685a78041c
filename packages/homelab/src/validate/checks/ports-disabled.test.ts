import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string, more: object) => container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...more });

describe("a disabled container's ports", () => {
  test("no port-conflict, a note where enabling it would clash (with a container or the proxy)", () => {
    const lab = testLab({
      traefik: traefik({ mode: "service" }),
      containers: [
        podman("web", { ports: ["0.0.0.0:8080:80"] }),
        podman("old-web", { enable: false, ports: ["127.0.0.1:8080:80", "127.0.0.1:9090:90"] }),
        container("old-proxy", { enable: false, network: "host", ports: [443] }),
        container("old-fwd", { enable: false, forwardPorts: [{ hostPort: 8080, protocol: "udp" }] }), // udp: no clash
      ],
    });
    expect(findings(lab).filter((d) => d.severity === "error")).toEqual([]);
    expect(summary(lab, "disabled-would-conflict")).toEqual([
      "containers.old-proxy.ports[0] -> traefik.entryPoints.websecure",
      "containers.old-web.ports[0] -> containers.web.ports[0]",
    ]);
    expect(findings(lab, "disabled-would-conflict").every((d) => d.severity === "note")).toBe(true);
  });

  test("enabled, the same container is a port-conflict error", () => {
    const lab = testLab({ containers: [podman("web", { ports: ["0.0.0.0:8080:80"] }), podman("old-web", { ports: ["127.0.0.1:8080:80"] })] });
    expect(summary(lab, "port-conflict")).toEqual(["containers.old-web.ports[0] -> containers.web.ports[0]", "containers.web.ports[0] -> containers.old-web.ports[0]"]);
  });
});
