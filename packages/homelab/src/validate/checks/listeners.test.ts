import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { caddy } from "../../proxies/caddy/builders.ts";
import { traefik } from "../../proxies/traefik/builders.ts";
import { service } from "../../builders/service.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string, ports: string[], enable = true) =>
  container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports, enable });

describe("port-conflict", () => {
  test("Traefik and Caddy both take 80 and 443 over TCP (Caddy's HTTP/3 on UDP 443 is alone)", () => {
    const lab = testLab({ traefik: traefik(), caddy: caddy() });
    expect(summary(lab, "port-conflict")).toEqual([
      "caddy.httpPort -> traefik.entryPoints.web",
      "caddy.httpsPort -> traefik.entryPoints.websecure",
      "traefik.entryPoints.web -> caddy.httpPort",
      "traefik.entryPoints.websecure -> caddy.httpsPort",
    ]);
  });

  test("Caddy on other ports beside Traefik: no conflict", () => {
    const lab = testLab({ traefik: traefik(), caddy: caddy({ httpPort: 8081, httpsPort: 8443 }) });
    expect(findings(lab, "port-conflict")).toEqual([]);
    expect(caddy({ httpPort: 80, httpsPort: 443 })).not.toHaveProperty("httpPort");
  });

  test("0.0.0.0 overlaps every address; distinct addresses do not overlap", () => {
    const lab = testLab({
      containers: [
        podman("wild", ["8080:80"]),
        container("local", { network: "host", ports: [{ port: 8080, address: "127.0.0.1" }] }),
        podman("lan", ["10.0.0.1:8080:80"]),
        podman("other", ["127.0.0.2:9000:80"]),
        podman("other2", ["127.0.0.3:9000:80"]),
      ],
    });
    expect(summary(lab, "port-conflict")).toEqual([
      "containers.lan.ports[0] -> containers.wild.ports[0]",
      "containers.local.ports[0] -> containers.wild.ports[0]",
      "containers.wild.ports[0] -> containers.local.ports[0], containers.lan.ports[0]",
    ]);
    expect(findings(lab, "port-conflict").find((d) => d.path === "containers.wild.ports[0]")?.message).toBe(
      "port 8080/tcp on every address (the Podman container wild) is also bound by containers.local.ports[0] and containers.lan.ports[0]: move one to another port or bind them to different addresses",
    );
  });

  test("the same address twice conflicts; TCP and UDP never do", () => {
    const lab = testLab({
      containers: [
        container("adguard", { network: "host", ports: [{ port: 53, protocol: "udp" }, 53] }),
        podman("dns", ["127.0.0.1:53:53/udp"]),
        podman("a", ["127.0.0.1:7000:7000"]),
        podman("b", ["127.0.0.1:7000:7000"]),
      ],
    });
    expect(summary(lab, "port-conflict")).toEqual([
      "containers.a.ports[0] -> containers.b.ports[0]",
      "containers.adguard.ports[0] -> containers.dns.ports[0]",
      "containers.b.ports[0] -> containers.a.ports[0]",
      "containers.dns.ports[0] -> containers.adguard.ports[0]",
    ]);
  });

  test("forwarded nspawn ports, host services and proxies are listeners; disabled containers are not", () => {
    const lab = testLab({
      caddy: caddy(),
      containers: [
        container("wiki", { forwardPorts: [{ hostPort: 8081, containerPort: 80 }] }),
        podman("web", ["8081:80"]),
        podman("off", ["443:443"], false),
      ],
      services: [service("tunnel", { ports: [{ port: 80, address: "127.0.0.1" }] })],
    });
    expect(summary(lab, "port-conflict")).toEqual([
      "caddy.httpPort -> services.tunnel.ports[0]",
      "containers.web.ports[0] -> containers.wiki.forwardPorts[0]",
      "containers.wiki.forwardPorts[0] -> containers.web.ports[0]",
      "services.tunnel.ports[0] -> caddy.httpPort",
    ]);
  });

  test("ports of a private-network container are inside its own namespace", () => {
    const lab = testLab({ containers: [container("a", { ports: [80] }), container("b", { ports: [80] })], caddy: caddy() });
    expect(findings(lab, "port-conflict")).toEqual([]);
  });
});
