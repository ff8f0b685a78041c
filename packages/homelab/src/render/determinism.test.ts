import { describe, expect, it } from "vitest";
import { isPlainObject } from "../config/plain.ts";
import { onlyHost, proxyOf, type Container, type Homelab, type HostService, type NixConfig } from "../model/index.ts";
import { structuralKey } from "./core/structural-key.ts";
import { render } from "./index.ts";
import { printAll } from "../../test-support/render/files.ts";
import { seed000, seed001 } from "../../test-support/render/labs.ts";
import { homelab, nspawn, podman, service } from "../../test-support/render/model.ts";

/** Reverses the key order of every plain object (declaration order of the user's objects). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys((value as Record<string, unknown>)[k])]));
}

function rebuild(c: Container): Container {
  if (c.backend === "nspawn") {
    const { kind: _k, name: _n, backend: _b, ...rest } = c;
    return nspawn(c.name, {
      ...rest,
      config: reverseKeys(c.config) as NixConfig,
      secrets: [...c.secrets].reverse(),
      bindMounts: [...c.bindMounts].reverse(),
    });
  }
  const { kind: _k, name: _n, backend: _b, image, ...rest } = c;
  return podman(c.name, image, {
    ...rest,
    environment: reverseKeys(c.environment) as Record<string, string>,
    labels: reverseKeys(c.labels) as Record<string, string>,
  });
}

/** The same lab declared in another order: containers, services, keys, secrets. */
function shuffled(lab: Homelab): Homelab {
  const swap = <T>(items: readonly T[]): T[] => {
    const out = [...items].reverse();
    if (out.length > 2) out.push(out.splice(1, 1)[0] as T);
    return out;
  };
  const host = onlyHost(lab);
  const traefik = proxyOf(host, "traefik");
  const caddy = proxyOf(host, "caddy");
  return homelab({
    hostName: host.name,
    domain: lab.domain,
    stateVersion: host.stateVersion,
    release: host.release,
    nixpkgs: host.nixpkgs,
    network: host.network,
    layout: lab.layout,
    modules: host.modules,
    ...(traefik === undefined ? {} : { traefik }),
    ...(caddy === undefined ? {} : { caddy }),
    containers: swap(host.containers.map(rebuild)),
    services: swap(host.services.map((s: HostService) => service(s.name, { ...s, config: reverseKeys(s.config) as NixConfig }))),
    agenix: { identityPaths: host.identityPaths, recipients: reverseKeys(lab.secrets.recipients) as Record<string, string> },
  });
}

describe("render is deterministic", () => {
  for (const [name, make] of [
    ["seed 000", () => seed000()],
    ["seed 001 (modules)", () => seed001()],
    ["seed 001 (flat)", () => seed001({ kind: "flat" })],
  ] as const) {
    it(`${name}: declaration order does not change a byte`, () => {
      const lab = make();
      const again = shuffled(lab);
      expect(onlyHost(again).containers.map((c) => c.name)).not.toEqual(onlyHost(lab).containers.map((c) => c.name));
      const a = render(lab);
      const b = render(again);
      expect([...b.keys()]).toEqual([...a.keys()]);
      expect(structuralKey([...b])).toBe(structuralKey([...a]));
      expect([...printAll(b)]).toEqual([...printAll(a)]);
    });
  }

  it("two renders of one lab are equal, and files come sorted by path", () => {
    const lab = seed000();
    const paths = [...render(lab).keys()];
    expect(paths).toEqual([...paths].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect([...printAll(render(lab))]).toEqual([...printAll(render(lab))]);
  });

  it("allocated addresses do not depend on declaration order", () => {
    const lab = homelab({ containers: [nspawn("a"), nspawn("b"), nspawn("c")] });
    const again = homelab({ containers: [nspawn("c"), nspawn("a"), nspawn("b")] });
    expect([...printAll(render(again))]).toEqual([...printAll(render(lab))]);
  });
});
