import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { caddy, caddyRoute, container, containerRef, homelab, hostRef, isContainer, isSecret, onlyHost, secret, service, traefik, traefikRoute } from "../index.ts";
import { collectInputErrors, isStandIn } from "./collect.ts";

describe("collectInputErrors", () => {
  test("outside a collection a builder throws at once", () => {
    expect(() => container("a", { ports: [0] })).toThrow(HomelabInputError);
  });

  test("inside one, every rejected call is recorded in call order and the config goes on", async () => {
    const { outcome, errors } = await collectInputErrors(async () => {
      const images = ["nginx", "redis", "postgres:16", "traefik"].map((image, i) => container(`app${i}`, { backend: "podman", image }));
      const bad = secret("bad name");
      const lab = homelab({ hostName: "x", domain: "example.org", stateVersion: "25.11", containers: [...images, container("ok", { secrets: [bad] })] });
      return { lab, images, bad };
    });
    expect(errors.map((e) => e.builder)).toEqual(['container("app0")', 'container("app1")', 'container("app3")', 'secret("bad name")']);
    expect(errors.map((e) => e.diagnostics[0]?.path)).toEqual([["image"], ["image"], ["image"], ["name"]]);
    expect(errors.map((e) => e.diagnostics[0]?.subject)).toEqual([
      { kind: "call", builder: "container", label: 'container("app0")', name: "app0" },
      { kind: "call", builder: "container", label: 'container("app1")', name: "app1" },
      { kind: "call", builder: "container", label: 'container("app3")', name: "app3" },
      { kind: "call", builder: "secret", label: 'secret("bad name")', name: "bad name" },
    ]);
    if (!outcome.ok) throw outcome.error;
    const { lab, images, bad } = outcome.value;
    // Stand-ins are of the right kind, so the calls that take them accept them.
    expect(images.map(isStandIn)).toEqual([true, true, false, true]);
    expect(images.every(isContainer)).toBe(true);
    expect(isSecret(bad) && isStandIn(bad)).toBe(true);
    expect(isStandIn(lab)).toBe(false);
    expect(onlyHost(lab).containers.map((c) => c.name)).toEqual(["app0", "app1", "app2", "app3", "ok"]);
  });

  test("every builder records instead of throwing, references included", async () => {
    const { errors, outcome } = await collectInputErrors(async () => [
      traefik({ entryPoint: "not ok" }),
      caddy({ httpPort: 0 }),
      traefikRoute({ port: 80 } as never),
      caddyRoute({ subdomain: "UPPER", port: 80 }),
      service("bad name"),
      containerRef("bad name").localAddress,
      hostRef([""]),
      homelab({ hostName: "bad.name" } as never),
    ]);
    expect(outcome.ok).toBe(true);
    expect(errors.map((e) => e.builder)).toEqual([
      "traefik({…})",
      "caddy({…})",
      "traefikRoute({…})",
      "caddyRoute({…})",
      'service("bad name")',
      'containerRef("bad name")',
      'hostRef("")',
      "homelab({…})",
    ]);
  });

  test("a throw of the config itself ends the collection with what was recorded so far", async () => {
    const { outcome, errors } = await collectInputErrors(async () => {
      container("a", { ports: [0] });
      throw new Error("boom");
    });
    expect(outcome).toEqual({ ok: false, error: new Error("boom") });
    expect(errors).toHaveLength(1);
    // The collection is over: builders throw again.
    expect(() => container("a", { ports: [0] })).toThrow(HomelabInputError);
  });

  test("one collection at a time", async () => {
    await expect(collectInputErrors(() => collectInputErrors(async () => 1))).resolves.toMatchObject({
      outcome: { ok: false, error: new Error("collectInputErrors: a collection is already active") },
    });
  });
});
