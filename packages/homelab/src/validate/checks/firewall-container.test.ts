import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

describe("container-firewall-unserved", () => {
  test("a guest firewall opening none of the container's declared listeners serves is warned, at the opening", () => {
    const lab = testLab({
      containers: [
        container("gitea", {
          ports: [3000],
          config: { networking: { firewall: { allowedTCPPorts: [80, 3000], allowedUDPPortRanges: [{ from: 60000, to: 61000 }], interfaces: { eth0: { allowedTCPPorts: [443] } } } } },
        }),
      ],
    });
    expect(findings(lab, "container-firewall-unserved").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["warning", "containers.gitea.config.networking.firewall.allowedTCPPorts[0]", "gitea's own firewall opens port 80/tcp, which none of its services serves (it declares 3000/tcp): if something listens there, add it to ports (nixjs then opens it); otherwise drop the opening"],
      ["warning", "containers.gitea.config.networking.firewall.allowedUDPPortRanges[0]", "gitea's own firewall opens ports 60000–61000/udp, which none of its services serves (it declares 3000/tcp): if something listens there, add it to ports (nixjs then opens it); otherwise drop the opening"],
      ["warning", "containers.gitea.config.networking.firewall.interfaces.eth0.allowedTCPPorts[0]", "gitea's own firewall opens port 443/tcp, which none of its services serves (it declares 3000/tcp): if something listens there, add it to ports (nixjs then opens it); otherwise drop the opening"],
    ]);
  });

  test("quiet: declared ports, forward targets, containers that declare no ports, host-network and disabled containers", () => {
    const lab = testLab({
      containers: [
        container("ssh", { ports: [80], forwardPorts: [{ hostPort: 2222, containerPort: 22 }], config: { networking: { firewall: { allowedTCPPorts: [22, 80] } } } }),
        container("undeclared", { config: { networking: { firewall: { allowedTCPPorts: [8080] } } } }),
        container("off", { enable: false, ports: [80], config: { networking: { firewall: { allowedTCPPorts: [81] } } } }),
        container("range", { ports: [{ port: 5000, protocol: "udp" }], config: { networking: { firewall: { allowedUDPPortRanges: [{ from: 4000, to: 6000 }] } } } }),
      ],
    });
    expect(findings(lab, "container-firewall-unserved")).toEqual([]);
  });
});
