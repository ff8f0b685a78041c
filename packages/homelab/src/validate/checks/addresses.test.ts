import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("address-conflict", () => {
  test("two containers with one localAddress, each naming the other", () => {
    const lab = testLab({
      containers: [
        container("a", { hostAddress: "10.10.10.2", localAddress: "10.10.10.3" }),
        container("b", { hostAddress: "10.10.10.4", localAddress: "10.10.10.3" }),
      ],
    });
    expect(summary(lab, "address-conflict")).toEqual(["containers.a.localAddress -> containers.b.localAddress", "containers.b.localAddress -> containers.a.localAddress"]);
    expect(findings(lab, "address-conflict")[0]!.message).toContain("10.10.10.3");
  });

  test("a shared hostAddress is fine (each veth gets it as /32)", () => {
    const lab = testLab({
      containers: [container("a", { hostAddress: "10.10.10.1", localAddress: "10.10.10.3" }), container("b", { hostAddress: "10.10.10.1", localAddress: "10.10.10.5" })],
    });
    expect(findings(lab).filter((d) => d.severity === "error")).toEqual([]);
  });

  test("disabled containers keep their addresses reserved", () => {
    const lab = testLab({
      containers: [container("old", { enable: false, localAddress: "10.10.10.3" }), container("new", { localAddress: "10.10.10.3" })],
    });
    expect(summary(lab, "address-conflict")).toEqual(["containers.new.localAddress -> containers.old.localAddress", "containers.old.localAddress -> containers.new.localAddress"]);
  });
});

describe("address-host-local", () => {
  test("a localAddress that is another container's hostAddress", () => {
    const lab = testLab({
      containers: [container("a", { hostAddress: "10.10.10.8", localAddress: "10.10.10.9" }), container("b", { hostAddress: "10.10.10.6", localAddress: "10.10.10.8" })],
    });
    expect(summary(lab, "address-host-local")).toEqual(["containers.b.localAddress -> containers.a.hostAddress"]);
  });

  test("a container whose two ends have one address", () => {
    const lab = testLab({ containers: [container("a", { hostAddress: "10.10.10.8", localAddress: "10.10.10.8" })] });
    const [d] = findings(lab, "address-host-local");
    expect(d?.message).toContain("own hostAddress");
  });
});

describe("addresses and the pool", () => {
  test("outside the pool, or its network or broadcast address", () => {
    const lab = testLab({
      containers: [
        container("a", { hostAddress: "10.10.11.2", localAddress: "10.10.10.3" }),
        container("b", { hostAddress: "10.10.10.0", localAddress: "10.10.10.255" }),
      ],
    });
    expect(summary(lab, "address-outside-pool")).toEqual(["containers.a.hostAddress"]);
    expect(findings(lab, "address-reserved").map((d) => [d.path, d.message.includes("network") ? "network" : "broadcast"])).toEqual([
      ["containers.b.hostAddress", "network"],
      ["containers.b.localAddress", "broadcast"],
    ]);
  });

  test("a full pool: the container that does not fit is reported", () => {
    // A /29 has 6 usable addresses: two aligned pairs and two single addresses, so three
    // containers fit and the fourth does not.
    const lab = testLab({ network: { pool: "10.10.10.0/29" }, containers: ["a", "b", "c", "d"].map((n) => container(n)) });
    const found = findings(lab, "pool-exhausted");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("10.10.10.0/29");
  });
});
