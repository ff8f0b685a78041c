import { describe, expect, test } from "vitest";
import { addressList, boolSetting, imageIs, nixosEnables } from "./app-match.ts";

describe("imageIs", () => {
  test("matches whole trailing repository components, with or without registry and tag", () => {
    expect(imageIs("lscr.io/linuxserver/sonarr:4.0.9", ["sonarr"])).toBe(true);
    expect(imageIs("ghcr.io/hotio/sonarr:release-4.0.9", ["sonarr"])).toBe(true);
    expect(imageIs("docker.io/portainer/portainer-ce:2.21.4", ["portainer/portainer-ce"])).toBe(true);
    expect(imageIs("portainer/portainer-ce@sha256:" + "a".repeat(64), ["portainer/portainer-ce"])).toBe(true);
    expect(imageIs("quay.io/cockpit/ws:330", ["cockpit/ws"])).toBe(true);
  });

  test("a name that only contains the repository, or another org's generic name, does not match", () => {
    expect(imageIs("lscr.io/linuxserver/sonarr-exporter:1.0", ["sonarr"])).toBe(false);
    expect(imageIs("example/not-sonarr:1", ["sonarr"])).toBe(false);
    expect(imageIs("example/ws:1", ["cockpit/ws"])).toBe(false);
  });
});

test("nixosEnables reads the enable option, true only", () => {
  expect(nixosEnables({ services: { gitea: { enable: true } } }, ["services", "gitea", "enable"])).toBe(true);
  expect(nixosEnables({ services: { gitea: { enable: false } } }, ["services", "gitea", "enable"])).toBe(false);
  expect(nixosEnables({}, ["services", "gitea", "enable"])).toBe(false);
});

describe("settings as apps read them", () => {
  test("booleans from Nix and from the environment", () => {
    expect([true, "true", "TRUE", "1", "yes", "on"].map(boolSetting)).toEqual([true, true, true, true, true, true]);
    expect([false, "false", "0", "no", "off"].map(boolSetting)).toEqual([false, false, false, false, false]);
    expect([undefined, 1, "maybe", {}].map(boolSetting)).toEqual([undefined, undefined, undefined, undefined]);
  });

  test("address lists: a Nix list, or one string with commas and/or spaces", () => {
    expect(addressList("127.0.0.1, ::1")).toEqual(["127.0.0.1", "::1"]);
    expect(addressList("127.0.0.1 10.10.10.1")).toEqual(["127.0.0.1", "10.10.10.1"]);
    expect(addressList(["127.0.0.1", "::1"])).toEqual(["127.0.0.1", "::1"]);
    expect(addressList("")).toEqual([]);
    expect(addressList([{ kind: "select" }])).toBeUndefined();
    expect(addressList(5)).toBeUndefined();
  });
});
