import { describe, expect, it } from "vitest";
import { podman } from "../../../test-support/render/model.ts";
import { podmanStateRules, portSpec, volumes } from "./podman.ts";

describe("Podman rendering details", () => {
  it("writes port specs as Podman takes them", () => {
    const spec = (hostAddress: string, protocol: "tcp" | "udp" = "tcp") =>
      portSpec({ hostAddress, hostPort: 8080, containerPort: 80, protocol });
    expect(spec("127.0.0.1")).toMatchObject({ kind: "string", parts: ["127.0.0.1:8080:80"] });
    expect(spec("0.0.0.0")).toMatchObject({ parts: ["8080:80"] });
    expect(spec("::1", "udp")).toMatchObject({ parts: ["[::1]:8080:80/udp"] });
  });

  it("mounts the category directory at /config unless a volume already uses it", () => {
    expect(volumes(podman("a", "x:1", { category: "media" }))).toEqual(["/opt/media/a:/config"]);
    expect(volumes(podman("a", "x:1", { category: "media", volumes: ["/mnt/tv:/tv"] }))).toEqual(["/opt/media/a:/config", "/mnt/tv:/tv"]);
    expect(volumes(podman("a", "x:1", { category: "media", volumes: ["/opt/media/a/data:/data"] }))).toEqual(["/opt/media/a/data:/data"]);
    expect(volumes(podman("a", "x:1", { volumes: ["/srv:/srv"] }))).toEqual(["/srv:/srv"]);
  });

  it("creates state directories owned by PUID/PGID, else the numeric user, else root", () => {
    expect(podmanStateRules(podman("a", "x:1", { category: "services", environment: { PUID: "1000", PGID: "100" } }))).toEqual([
      "d /opt/services/a 0755 1000 100 -",
    ]);
    expect(podmanStateRules(podman("a", "x:1", { category: "services", user: "70:70" }))).toEqual(["d /opt/services/a 0755 70 70 -"]);
    expect(podmanStateRules(podman("a", "x:1", { category: "services", user: "postgres" }))).toEqual(["d /opt/services/a 0755 root root -"]);
    expect(
      podmanStateRules(podman("a", "x:1", { category: "media", volumes: ["/opt/media/a/cfg:/config", "/opt/media/a/ro:/ro:ro", "/mnt/x:/x"] })),
    ).toEqual(["d /opt/media/a 0755 root root -", "d /opt/media/a/cfg 0755 root root -"]);
    expect(podmanStateRules(podman("a", "x:1"))).toEqual([]);
  });
});
