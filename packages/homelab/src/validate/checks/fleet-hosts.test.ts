import { describe, expect, test } from "vitest";
import { container, formatSite, host, secret } from "../../index.ts";
import { fleetFindings, fleetSummary, testFleet, testHost } from "../../../test-support/validate/fleet-lab.ts";
import { testLab } from "../../../test-support/validate/test-lab.ts";

const base = { stateVersion: "25.05", network: { pool: "10.10.10.0/24" }, modules: ["./hardware-configuration.nix"] } as const;

describe("host-name-duplicate", () => {
  test("two hosts of one name, each at its own host() call naming the other", () => {
    const a = host("nas", { ...base, address: "192.168.1.10" });
    const b = host("nas", { ...base, address: "192.168.1.11" });
    const lab = testFleet([a, b, testHost("proxy", { address: "192.168.1.2" })]);
    const found = fleetFindings(lab, "host-name-duplicate");
    expect(found.map((d) => [d.host, d.subject, d.site, d.related?.map((r) => r.site)])).toEqual([
      ["nas", { kind: "host", name: "nas" }, formatSite(a.site), [formatSite(b.site)]],
      ["nas", { kind: "host", name: "nas" }, formatSite(b.site), [formatSite(a.site)]],
    ]);
    expect(found[0]!.site).toMatch(/fleet-hosts\.test\.ts:\d+:\d+$/);
    expect(found[0]!.message).toBe('2 hosts are named "nas": a name is the host\'s networking.hostName and its nixosConfigurations.nas, so it must be one host\'s; rename the others');
  });

  test("distinct names are fine", () => {
    const lab = testFleet([testHost("nas", { address: "192.168.1.10" }), testHost("proxy", { address: "192.168.1.2" })]);
    expect(fleetFindings(lab, "host-name-duplicate")).toEqual([]);
  });
});

describe("host-address-conflict", () => {
  test("two hosts claim one address: an explicit address and an interface's only IPv4 address", () => {
    const nas = host("nas", { ...base, address: "192.168.1.10" });
    const dns = host("dns", { ...base, network: { pool: "10.10.10.0/24", interfaces: { end0: { addresses: ["fd00::53/64", "192.168.1.10/24"] } } } });
    const lab = testFleet([nas, dns, testHost("proxy", { address: "192.168.1.2" })]);
    expect(fleetSummary(lab, "host-address-conflict")).toEqual([
      'dns: network.interfaces.end0.addresses[1] -> address',
      "nas: address -> network.interfaces.end0.addresses[1]",
    ]);
    const [onDns] = fleetFindings(lab, "host-address-conflict");
    expect(onDns!.site).toBe(formatSite(dns.site));
    expect(onDns!.message).toBe('192.168.1.10 is also the address of host "nas": two machines cannot share one LAN address (routes, firewall openings and deploys would reach either); give each host its own');
  });

  test("distinct addresses, and hosts without one, are fine", () => {
    const lab = testFleet([testHost("nas", { address: "192.168.1.10" }), testHost("proxy", { address: "192.168.1.2" }), testHost("spare"), testHost("spare2")]);
    expect(fleetFindings(lab, "host-address-conflict")).toEqual([]);
  });
});

describe("host-address-shadowed", () => {
  test("a host's address inside another host's container pool, at that host's network.pool", () => {
    const proxy = host("proxy", { ...base, address: "192.168.1.2", network: { pool: "192.168.1.0/24" } });
    const lab = testFleet([proxy, testHost("nas", { address: "192.168.1.10" })]);
    expect(fleetSummary(lab, "host-address-shadowed")).toEqual(["proxy: network.pool -> address"]);
    const [d] = fleetFindings(lab, "host-address-shadowed");
    expect(d!.site).toBe(formatSite(proxy.site));
    expect(d!.message).toBe(
      'its container pool 192.168.1.0/24 holds 192.168.1.10, the LAN address of host "nas": proxy gives its containers addresses from it, and one given that address would take nas\'s place for proxy; pick a pool outside the LAN (network: { pool: "10.233.0.0/24" })',
    );
  });

  test("a host's address inside Podman's default network on another host, at the container that makes it", () => {
    const lab = testFleet([
      testHost("media", { address: "192.168.1.20", containers: [container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", user: "1000:1000", ports: ["8989:8989"] })] }),
      testHost("odd", { address: "10.88.0.7" }),
    ]);
    expect(fleetSummary(lab, "host-address-shadowed")).toEqual(["media: containers.sonarr -> address"]);
    expect(fleetFindings(lab, "host-address-shadowed")[0]!.message).toBe(
      'Podman\'s default network 10.88.0.0/16 holds 10.88.0.7, the LAN address of host "odd": media routes 10.88.0.0/16 to its Podman bridge, so it cannot reach odd; give odd an address outside 10.88.0.0/16',
    );
  });

  test("addresses outside every other host's ranges are fine; a host's own pool is not this check's", () => {
    const lab = testFleet([
      testHost("proxy", { address: "192.168.1.2", network: { pool: "10.0.0.0/24" } }),
      testHost("nas", { address: "192.168.1.10", network: { pool: "10.0.1.0/24" } }),
      testHost("self", { address: "10.0.2.5", network: { pool: "10.0.2.0/24" } }),
    ]);
    expect(fleetFindings(lab, "host-address-shadowed")).toEqual([]);
  });
});

describe("per-host findings in a fleet", () => {
  test("name their host, even in a fleet of one host, and a host option points at its host() call", () => {
    const sonarr = container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", ports: ["8989:8989"], environmentFiles: [secret("sonarr-env")] });
    const nas = host("nas", { ...base, agenix: { identityPaths: [] }, containers: [sonarr] });
    const lab = testFleet([nas], { agenix: { recipients: { alice: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHx alice@laptop" } } });
    const found = fleetFindings(lab).filter((d) => d.code === "podman-user" || d.code === "identity-paths-empty");
    expect(found.map((d) => [d.code, d.host, d.path, d.site])).toEqual([
      ["identity-paths-empty", "nas", "agenix.identityPaths", formatSite(nas.site)],
      ["podman-user", "nas", "containers.sonarr", formatSite(sonarr.site)],
    ]);
  });

  test("a homelab({ hostName }) names no host", () => {
    const lab = testLab({ containers: [container("sonarr", { backend: "podman", image: "lscr.io/linuxserver/sonarr:4.0.9", ports: ["8989:8989"] })] });
    expect(fleetFindings(lab, "podman-user").map((d) => d.host)).toEqual([undefined]);
  });
});
