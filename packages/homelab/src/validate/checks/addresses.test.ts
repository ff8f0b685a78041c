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

  test("a disabled container is not checked: a note says it would clash, no error", () => {
    const lab = testLab({
      containers: [
        container("old", { enable: false, hostAddress: "10.10.10.2", localAddress: "10.10.10.3" }),
        container("new", { hostAddress: "10.10.10.4", localAddress: "10.10.10.3" }),
        container("gone", { enable: false, hostAddress: "10.10.10.6", localAddress: "10.10.10.4" }),
        container("spare", { enable: false, hostAddress: "10.10.10.6", localAddress: "10.10.10.7" }),
      ],
    });
    expect(findings(lab).filter((d) => d.severity !== "note")).toEqual([]);
    expect(summary(lab, "disabled-would-conflict")).toEqual([
      "containers.gone.localAddress -> containers.new.hostAddress",
      "containers.old.localAddress -> containers.new.localAddress",
    ]);
    // Two disabled containers sharing addresses are nobody's concern until one is enabled.
    expect(findings(lab, "disabled-would-conflict").every((d) => d.severity === "note")).toBe(true);
  });

  test("a disabled container keeps its addresses reserved: the allocator never hands them out", () => {
    const lab = testLab({ network: { pool: "10.10.10.0/29" }, containers: [container("old", { enable: false, hostAddress: "10.10.10.2", localAddress: "10.10.10.3" }), container("a"), container("b")] });
    expect(findings(lab).filter((d) => d.severity !== "note")).toEqual([]);
    expect(findings(lab, "disabled-would-conflict")).toEqual([]);
  });

  test("a disabled container the pool has no room for: a note, the enabled ones get their addresses", () => {
    // A /29 holds three containers; "aaa" sorts first but is disabled, so it is placed last.
    const lab = testLab({ network: { pool: "10.10.10.0/29" }, containers: [container("aaa", { enable: false }), ...["b", "c", "d"].map((n) => container(n))] });
    expect(findings(lab).filter((d) => d.severity !== "note")).toEqual([]);
    expect(findings(lab, "disabled-would-conflict").map((d) => [d.path, d.message.includes("no free address")])).toEqual([["containers.aaa", true]]);
  });
});

describe("a shared hostAddress", () => {
  test("one host-side address for every veth, outside the pool, the guests' addresses allocated", () => {
    const shared = "192.168.100.1";
    const lab = testLab({ containers: ["a", "b", "c"].map((n) => container(n, { hostAddress: shared })) });
    expect(findings(lab)).toEqual([]);
  });

  test("a guest address equal to the shared host address is still an error, naming every container that has it", () => {
    const lab = testLab({
      containers: [container("a", { hostAddress: "10.10.10.1" }), container("b", { hostAddress: "10.10.10.1" }), container("c", { localAddress: "10.10.10.1" })],
    });
    expect(summary(lab, "address-host-local")).toEqual(["containers.c.localAddress -> containers.a.hostAddress, containers.b.hostAddress"]);
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
  test("explicit addresses outside the pool are valid: the pool governs allocation only", () => {
    const lab = testLab({
      containers: [
        container("a", { hostAddress: "10.10.11.2", localAddress: "10.10.10.3" }),
        container("b", { hostAddress: "172.16.5.1", localAddress: "172.16.5.2" }),
      ],
    });
    expect(findings(lab)).toEqual([]);
  });

  test("an explicit address inside Podman's networks is a warning naming the Podman container", () => {
    const podman = (name: string, more: object = {}) => container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ...more });
    const lab = testLab({
      containers: [
        container("a", { hostAddress: "10.88.0.1", localAddress: "10.89.0.7" }),
        container("b", { hostAddress: "10.10.10.88" }), // inside the pool: fine
        podman("web"),
        podman("db", { networks: ["backend"] }),
      ],
    });
    expect(summary(lab, "address-overlap")).toEqual(["containers.a.hostAddress -> containers.web", "containers.a.localAddress -> containers.db.networks"]);
    expect(findings(lab, "address-overlap")[0]!.message).toContain("Podman's default network (10.88.0.0/16)");
    expect(findings(lab).filter((d) => d.severity === "error")).toEqual([]);
    // Without Podman containers on the host those networks do not exist.
    expect(findings(testLab({ containers: [container("a", { hostAddress: "10.88.0.1", localAddress: "10.89.0.7" })] }))).toEqual([]);
  });

  test("addresses no container can have: the pool's network and broadcast address, loopback, multicast", () => {
    const lab = testLab({
      containers: [
        container("b", { hostAddress: "10.10.10.0", localAddress: "10.10.10.255" }),
        container("c", { hostAddress: "127.0.0.2", localAddress: "224.0.0.5" }),
      ],
    });
    expect(findings(lab, "address-reserved").map((d) => [d.path, /network|broadcast|loopback|multicast/.exec(d.message)?.[0]])).toEqual([
      ["containers.b.hostAddress", "network"],
      ["containers.b.localAddress", "broadcast"],
      ["containers.c.hostAddress", "loopback"],
      ["containers.c.localAddress", "multicast"],
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
