import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { summary, testLab } from "../test-lab.ts";
import { pinnedRelease } from "./release.ts";

describe("option-unavailable", () => {
  test("privateUsers needs NixOS 25.05", () => {
    const containers = [container("a", { privateUsers: "pick" }), container("b", { privateUsers: "no" })];
    expect(summary(testLab({ nixpkgs: "github:NixOS/nixpkgs/nixos-24.11", containers }), "option-unavailable")).toEqual(["containers.a.privateUsers"]);
    expect(summary(testLab({ nixpkgs: "github:NixOS/nixpkgs/nixos-25.05", containers }), "option-unavailable")).toEqual([]);
    expect(summary(testLab({ nixpkgs: "github:NixOS/nixpkgs/nixos-unstable", containers }), "option-unavailable")).toEqual([]);
  });

  test("pinnedRelease", () => {
    expect(pinnedRelease("github:NixOS/nixpkgs/nixos-24.11")).toBe("24.11");
    expect(pinnedRelease("github:NixOS/nixpkgs/nixos-24.11-small")).toBe("24.11");
    expect(pinnedRelease("github:NixOS/nixpkgs/nixos-unstable")).toBeUndefined();
  });
});
