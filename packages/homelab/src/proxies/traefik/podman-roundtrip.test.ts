/**
 * One model, two renderers, one meaning: the same routes rendered as labels (Traefik in
 * Podman) and as the file provider's routers (Traefik as a host service), both evaluated in
 * the stand-in NixOS, the labels decoded the way Traefik's Docker provider reads them, and
 * the routers compared.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubEval } from "../../../test-support/render/stub.ts";
import { sharedRoutesLab } from "../../../test-support/render/podman-lab.ts";

/** A router as both providers express it, middlewares without their provider (`@file`). */
interface Router {
  rule?: string;
  priority?: number;
  service?: string;
  entryPoints?: string[];
  middlewares?: string[];
  tls?: { certResolver?: string };
}

/** The machine's own module the test lab lists (the stand-in brings file systems and boot loader). */
function withHardware(dir: string): string {
  writeFileSync(join(dir, "hardware-configuration.nix"), "{ }\n");
  return dir;
}

/** A middleware's name without its provider: `@file` (nixjs's) and `@docker` (a route's own strip-prefix). */
const withoutProvider = (name: string): string => name.replace(/@(file|docker)$/, "");

/**
 * Traefik's reading of `traefik.http.routers.<name>.<option>` labels: keys case-insensitive,
 * list values comma-separated, `tls=true` an empty TLS section. Other labels (services, the
 * network) are returned apart.
 */
function decodeLabels(labels: Record<string, string>): { routers: Record<string, Router>; ports: Record<string, number> } {
  const routers: Record<string, Router> = {};
  const ports: Record<string, number> = {};
  for (const [key, value] of Object.entries(labels)) {
    const port = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.server\.port$/i.exec(key);
    if (port !== null) ports[port[1]!] = Number(value);
    const m = /^traefik\.http\.routers\.([^.]+)\.(.+)$/i.exec(key);
    if (m === null) continue;
    const r = (routers[m[1]!] ??= {});
    const option = m[2]!.toLowerCase();
    if (option === "rule") r.rule = value;
    else if (option === "service") r.service = value;
    else if (option === "entrypoints") r.entryPoints = value.split(",");
    else if (option === "middlewares") r.middlewares = value.split(",").map(withoutProvider);
    else if (option === "priority") r.priority = Number(value);
    else if (option === "tls") {
      if (value === "true") r.tls ??= {};
      else delete r.tls;
    }
    else if (option === "tls.certresolver") r.tls = { ...r.tls, certResolver: value };
    else throw new Error(`a label this test does not decode: ${key}`);
  }
  return { routers, ports };
}

describe("labels and the file provider: the same routers from the same routes", () => {
  let podmanDir: string;
  let serviceDir: string;
  suiteTree(sharedRoutesLab("podman"), (_t, d) => (podmanDir = withHardware(d)));
  suiteTree(sharedRoutesLab("service"), (_t, d) => (serviceDir = withHardware(d)));

  it("same rule, entry points, middlewares, TLS and service per router; the label port is the container port the file's URL reaches", () => {
    const oci = "config.virtualisation.oci-containers.containers";
    const labelled = stubEval(podmanDir, { sonarr: `${oci}.sonarr.labels`, whoami: `${oci}.whoami.labels` }) as Record<string, Record<string, string>>;
    // A route's own strip-prefix middleware: defined by labels on one side, in the file on the other.
    const strip = stubEval(serviceDir, { file: "config.services.traefik.dynamicConfigOptions.http.middlewares" }).file as Record<string, unknown>;
    const file = stubEval(serviceDir, {
      routers: "config.services.traefik.dynamicConfigOptions.http.routers",
      urls: "builtins.mapAttrs (_: s: map (x: x.url) s.loadBalancer.servers) config.services.traefik.dynamicConfigOptions.http.services",
      published: `builtins.mapAttrs (_: c: c.ports) ${oci}`,
    }) as { routers: Record<string, Router>; urls: Record<string, string[]>; published: Record<string, string[]> };

    const fromLabels = { ...decodeLabels(labelled.sonarr!).routers, ...decodeLabels(labelled.whoami!).routers };
    const fromFile = Object.fromEntries(
      Object.entries(file.routers)
        .filter(([name]) => name !== "authelia") // an nspawn container: the file provider in both modes
        .map(([name, r]) => [name, { ...r, ...(r.middlewares === undefined ? {} : { middlewares: r.middlewares.map(withoutProvider) }) }]),
    );
    expect(Object.keys(fromLabels).sort()).toEqual(["sonarr", "whoami-who", "whoami-who-2", "whoami-who-lan"]);
    expect(fromLabels).toEqual(fromFile);
    // Written out once, so a change to both renderers at once is seen too.
    expect(fromLabels["sonarr"]).toEqual({ rule: "Host(`tv.example.org`)", service: "sonarr", entryPoints: ["websecure"], middlewares: ["authelia", "compress", "crowdsec"], tls: { certResolver: "le" } });
    expect(fromLabels["whoami-who-lan"]).toEqual({ rule: "Host(`who.lan`) && PathRegexp(`^/v[0-9]+/`)", service: "whoami", entryPoints: ["web"] });
    expect(fromLabels["whoami-who-2"]).toEqual({
      rule: "Host(`who.example.org`) && PathPrefix(`/api`) && (ClientIP(`192.168.1.0/24`) || ClientIP(`10.0.0.0/8`))",
      service: "whoami",
      entryPoints: ["websecure"],
      middlewares: ["whoami-who-2-strip"],
      priority: 20,
      tls: { certResolver: "le" },
    });
    expect(strip["whoami-who-2-strip"]).toEqual({ stripPrefix: { prefixes: ["/api"] } });
    expect(labelled.whoami!["traefik.http.middlewares.whoami-who-2-strip.stripprefix.prefixes"]).toBe("/api");

    // The file provider reaches the published host port; the label names the container port it maps to.
    const ports = { ...decodeLabels(labelled.sonarr!).ports, ...decodeLabels(labelled.whoami!).ports };
    for (const [service, port] of Object.entries(ports)) {
      const hostPort = /:(\d+)$/.exec(file.urls[service]![0]!)![1];
      expect(file.published[service]).toContain(`127.0.0.1:${hostPort}:${port}`);
    }
    expect(ports).toEqual({ sonarr: 8989, whoami: 80 });
  });
});
