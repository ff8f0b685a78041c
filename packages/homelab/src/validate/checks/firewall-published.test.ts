import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

const podman = (name: string, ports: string[]) => container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports });

describe("published-port-unfiltered", () => {
  test("a publish on every address or a forward, opened on one interface only, is reachable on all: warned with the fix", () => {
    const lab = testLab({
      firewall: { interfaces: { enp1s0: { allowedTCPPorts: [8080, 2222] }, wg0: { allowedTCPPorts: [8080] } } },
      containers: [podman("web", ["8080:80"]), container("git", { ports: [22], forwardPorts: [{ hostPort: 2222, containerPort: 22 }] })],
    });
    expect(findings(lab, "published-port-unfiltered").map((d) => [d.severity, d.path, d.message, d.related?.map((r) => r.path)])).toEqual([
      [
        "warning",
        "containers.git.forwardPorts[0]",
        "port 2222/tcp (the forwarded port of git) is opened in the firewall on enp1s0 only, but that restricts nothing: it comes in through DNAT, which NixOS's firewall does not filter, so it is reachable on every interface; systemd-nspawn forwards it from every host address: drop the forward and route the service through the proxy, or filter it in networking.firewall.extraForwardRules (nftables, with filterForward) before NixOS accepts DNAT-ed connections",
        ["firewall.interfaces.enp1s0.allowedTCPPorts[1]"],
      ],
      [
        "warning",
        "containers.web.ports[0]",
        'port 8080/tcp (the Podman container web) is opened in the firewall on enp1s0, wg0 only, but that restricts nothing: it comes in through DNAT, which NixOS\'s firewall does not filter, so it is reachable on every interface; publish it on the address of that interface ("<lan address>:8080:…") or on 127.0.0.1 behind the proxy',
        ["firewall.interfaces.enp1s0.allowedTCPPorts[0]", "firewall.interfaces.wg0.allowedTCPPorts[0]"],
      ],
    ]);
  });

  test("quiet: published on one address, opened everywhere too, not mentioned by the firewall, or a host-network listener on one interface", () => {
    const lab = testLab({
      firewall: { allowedTCPPorts: [7000], interfaces: { enp1s0: { allowedTCPPorts: [7000, 8080, 9000] } } },
      containers: [
        podman("lan", ["192.168.1.10:8080:80"]),
        podman("both", ["7000:80"]),
        podman("plain", ["7100:80"]),
        container("host", { network: "host", ports: [{ port: 9000, open: { interface: "enp1s0" } }] }),
      ],
    });
    expect(summary(lab, "published-port-unfiltered")).toEqual([]);
  });
});
