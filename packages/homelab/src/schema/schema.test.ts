import { describe, expect, test } from "vitest";
import { formatIpv4, parseCidr, parseIpv4 } from "../net/ipv4.ts";
import { isPinnedImage, parseImage } from "../oci/image.ts";
import { formatPublish, parsePublish } from "./publish.ts";

describe("IPv4", () => {
  test("parse and format round-trip, including the upper half", () => {
    for (const a of ["0.0.0.0", "10.10.10.5", "192.168.100.11", "255.255.255.255"]) expect(formatIpv4(parseIpv4(a)!)).toBe(a);
    expect(parseIpv4("192.168.100.11")).toBe(3232261131);
    for (const bad of ["256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4 ", "a.b.c.d"]) expect(parseIpv4(bad)).toBeUndefined();
  });

  test("pools", () => {
    expect(parseCidr("10.10.10.0/24")).toEqual({ ok: true, pool: { base: 168430080, prefix: 24, size: 256, network: 168430080, broadcast: 168430335 } });
    expect(parseCidr("10.10.10.0/33")).toMatchObject({ ok: false, reason: "expected a prefix length 0–32" });
  });
});

describe("parseImage", () => {
  test.each([
    ["lscr.io/linuxserver/sonarr:4.0.9", { name: "lscr.io/linuxserver/sonarr", tag: "4.0.9" }, true],
    ["postgres:16", { name: "postgres", tag: "16" }, true],
    ["localhost:5000/app", { name: "localhost:5000/app" }, false],
    ["nginx:latest", { name: "nginx", tag: "latest" }, false],
    ["ghcr.io/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", { name: "ghcr.io/a/b", digest: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }, true],
  ])("%s", (text, ref, pinned) => {
    expect(parseImage(text)).toEqual(ref);
    expect(isPinnedImage(parseImage(text)!)).toBe(pinned);
  });

  test("rejects malformed references", () => {
    for (const bad of ["", "UPPER:1", "a::1", "a:b:c", "a@sha256:xyz", "a/:1"]) expect(parseImage(bad)).toBeUndefined();
  });
});

describe("parsePublish", () => {
  test("the forms with a host port, round-tripping through formatPublish", () => {
    for (const spec of ["127.0.0.1:5432:5432", "8080:80", "53:53/udp", "10.0.0.1:443:8443/tcp"]) {
      const r = parsePublish(spec);
      if (!r.ok) throw new Error(r.reason);
      expect(formatPublish(r.port)).toBe(spec.replace("/tcp", ""));
    }
    expect(parsePublish("8080:80")).toEqual({ ok: true, port: { hostAddress: "0.0.0.0", hostPort: 8080, containerPort: 80, protocol: "tcp" } });
  });

  test("ports out of range and malformed specs", () => {
    for (const bad of ["0:80", "65536:80", "80:", "a:b", "1:2:3:4", "80:080"]) expect(parsePublish(bad).ok).toBe(false);
  });
});
