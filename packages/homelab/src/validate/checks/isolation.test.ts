import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("isolation-inconsistent", () => {
  test("one note listing the private-network containers without privateUsers, naming the rest", () => {
    const lab = testLab({
      containers: [
        container("immich", { privateUsers: "pick" }),
        container("authelia"),
        container("vault", { privateUsers: 65536 }),
        container("wiki", { privateUsers: "no" }),
        container("dns", { network: "host" }), // no private network: user namespaces are another matter there
        container("old", { enable: false }), // disabled: not counted
      ],
    });
    const found = findings(lab, "isolation-inconsistent");
    expect(found.map((d) => [d.severity, d.path])).toEqual([["note", "containers.authelia.privateUsers"]]);
    expect(found[0]!.message).toBe(
      '2 of 4 private-network containers run with privateUsers (immich, vault), these do not, so root inside them is root on the host: authelia, wiki. Give them privateUsers: "pick" unless they need the host\'s UIDs',
    );
    expect(summary(lab, "isolation-inconsistent")).toEqual([
      "containers.authelia.privateUsers -> containers.wiki.privateUsers, containers.immich.privateUsers, containers.vault.privateUsers",
    ]);
  });

  test("consistent either way: nothing", () => {
    expect(findings(testLab({ containers: [container("a"), container("b")] }), "isolation-inconsistent")).toEqual([]);
    expect(findings(testLab({ containers: [container("a", { privateUsers: "pick" }), container("b", { privateUsers: "identity" })] }), "isolation-inconsistent")).toEqual([]);
  });
});
