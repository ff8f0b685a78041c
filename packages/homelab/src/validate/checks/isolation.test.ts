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

  test("over ten on either side: the first ten named, the rest counted; the related list names the others, three at most", () => {
    const pad = (i: number) => String(i).padStart(2, "0");
    const isolated = Array.from({ length: 11 }, (_, i) => container(`iso${pad(i + 1)}`, { privateUsers: "pick" }));
    const shared = Array.from({ length: 12 }, (_, i) => container(`sh${pad(i + 1)}`));
    const found = findings(testLab({ containers: [...isolated, ...shared] }), "isolation-inconsistent");
    expect(found.map((d) => [d.severity, d.path])).toEqual([["note", "containers.sh01.privateUsers"]]);
    expect(found[0]!.message).toBe(
      "11 of 23 private-network containers run with privateUsers (iso01, iso02, iso03, iso04, iso05, iso06, iso07, iso08, iso09, iso10 and 1 more), " +
        "these do not, so root inside them is root on the host: sh01, sh02, sh03, sh04, sh05, sh06, sh07, sh08, sh09, sh10 and 2 more. " +
        'Give them privateUsers: "pick" unless they need the host\'s UIDs',
    );
    expect(found[0]!.related!.map((r) => r.path)).toEqual(["containers.sh02.privateUsers", "containers.sh03.privateUsers", "containers.sh04.privateUsers"]);
  });

  test("exactly ten on a side: all ten named, nothing counted", () => {
    const isolated = Array.from({ length: 10 }, (_, i) => container(`iso${i}`, { privateUsers: 65536 * (i + 1) }));
    const found = findings(testLab({ containers: [...isolated, container("plain")] }), "isolation-inconsistent");
    expect(found.map((d) => d.path)).toEqual(["containers.plain.privateUsers"]);
    expect(found[0]!.message).toContain("10 of 11 private-network containers run with privateUsers (iso0, iso1, iso2, iso3, iso4, iso5, iso6, iso7, iso8, iso9), these do not");
    expect(found[0]!.message).toContain("root on the host: plain. Give");
  });
});
