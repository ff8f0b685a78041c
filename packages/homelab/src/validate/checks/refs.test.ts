import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { containerRef, hostRef } from "../../builders/refs.ts";
import { service } from "../../builders/service.ts";
import { summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("ref-unknown", () => {
  test("references must reach an enabled private-network nspawn container", () => {
    const lab = testLab({
      containers: [
        container("authelia"),
        container("off", { enable: false }),
        container("adguard", { network: "host" }),
        container("pg", { backend: "podman", image: "docker.io/library/postgres:16", user: "999" }),
        container("immich", {
          config: {
            ok: containerRef("authelia").localAddress,
            host: hostRef("networking.hostName"),
            ghost: containerRef("ghost").localAddress,
            off: containerRef("off").hostAddress,
            adguard: containerRef("adguard").localAddress,
            pg: containerRef("pg").localAddress,
          },
        }),
      ],
      services: [service("tunnel", { config: { url: containerRef("authelia").localAddress, bad: containerRef("nobody").localAddress } })],
    });
    expect(summary(lab, "ref-unknown")).toEqual([
      "containers.immich.config.adguard -> containers.adguard",
      "containers.immich.config.ghost",
      "containers.immich.config.off -> containers.off",
      "containers.immich.config.pg -> containers.pg",
      "services.tunnel.config.bad",
    ]);
  });
});
