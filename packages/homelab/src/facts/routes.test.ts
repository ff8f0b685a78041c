import { describe, expect, test } from "vitest";
import { caddy, caddyRoute, container, homelab, onlyHost, route, service, traefik, traefikRoute } from "../index.ts";
import { placedRoutes, routeProxy } from "./routes.ts";

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };

describe("placedRoutes", () => {
  test("routes of enabled containers, then the host's, each with its host name, proxy and target", () => {
    const hass = service("hass", { ports: [8123] });
    const lab = homelab({
      ...base,
      traefik: traefik(),
      services: [hass],
      containers: [
        container("immich", { ports: [2283], route: route({ subdomain: "photos", port: 2283 }) }),
        container("off", { enable: false, ports: [80], route: route({ subdomain: "off", port: 80 }) }),
        container("cam", { ports: [80], route: route({ host: "cam.lan.example.org", to: { url: "http://192.168.1.30" } }) }),
      ],
      routes: [
        route({ subdomain: "hass", to: { service: "hass", port: 8123 } }),
        route({ subdomain: "ghost", to: { container: "off", port: 80 } }),
        route({ subdomain: "nobody", to: { service: "nobody", port: 1 } }),
        route({ subdomain: "dash", to: "api@internal" }),
      ],
    });
    const host = onlyHost(lab);
    const [immich, , cam] = host.containers;
    const placed = placedRoutes(lab, host);
    expect(placed.map((r) => [r.host, r.proxy, r.owner?.name, r.path.join(".")])).toEqual([
      ["photos.example.org", "traefik", "immich", "containers.immich.routes.0"],
      ["cam.lan.example.org", "traefik", "cam", "containers.cam.routes.0"],
      ["hass.example.org", "traefik", undefined, "routes.0"],
      ["ghost.example.org", "traefik", undefined, "routes.1"],
      ["nobody.example.org", "traefik", undefined, "routes.2"],
      ["dash.example.org", "traefik", undefined, "routes.3"],
    ]);
    expect(placed[0]!.target).toEqual({ kind: "container", container: immich, port: 2283 });
    // A route with `to` given to a container goes to `to`.
    expect(placed[1]!.target).toEqual({ kind: "url", url: "http://192.168.1.30" });
    expect(cam).toBeDefined();
    expect(placed[2]!.target).toEqual({ kind: "service", service: host.services[0], port: 8123 });
    // A disabled target is missing, and named, so a check can say why.
    expect(placed[3]!.target).toEqual({ kind: "missing", of: "container", name: "off", port: 80, disabled: host.containers[1] });
    expect(placed[4]!.target).toEqual({ kind: "missing", of: "service", name: "nobody", port: 1 });
    expect(placed[5]!.target).toEqual({ kind: "traefikApi" });
    // Host-level routes are located at their own call.
    expect(placed[2]!.site).toBe(host.routes[0]!.site);
  });

  test("the proxy: the route's own, else the host's only one, else none", () => {
    const r = route({ subdomain: "a", port: 1 });
    const only = onlyHost(homelab({ ...base, caddy: caddy() }));
    const both = onlyHost(homelab({ ...base, caddy: caddy(), traefik: traefik() }));
    const none = onlyHost(homelab(base));
    expect([routeProxy(only, r), routeProxy(both, r), routeProxy(none, r)]).toEqual(["caddy", undefined, undefined]);
    expect(routeProxy(both, traefikRoute({ subdomain: "a", port: 1 }))).toBe("traefik");
    expect(routeProxy(none, caddyRoute({ subdomain: "a", port: 1 }))).toBe("caddy");
  });
});
