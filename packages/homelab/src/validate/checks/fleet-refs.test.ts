import { n, print } from "@nixjs/expr-printer";
import { nixEval } from "@nixjs/testkit";
import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../../errors/input-error.ts";
import { container, formatSite, hostRef, isFleetRef, isHostRef, service } from "../../index.ts";
import { guestConfig } from "../../render/core/guest-config.ts";
import { moduleFile } from "../../render/core/module.ts";
import { serviceBody } from "../../render/core/services.ts";
import type { NspawnContainer } from "../../model/index.ts";
import { fleetFindings, fleetSummary, testFleet, testHost } from "../../../test-support/validate/fleet-lab.ts";
import { testLab } from "../../../test-support/validate/test-lab.ts";

describe("hostRef(name).address and .container(c).address", () => {
  test("fleet references, printed as selections of the module argument fleet", () => {
    const nas = hostRef("nas");
    expect(isHostRef(nas)).toBe(true);
    expect(isFleetRef(nas.address)).toBe(true);
    expect(isHostRef(nas.address)).toBe(false);
    expect(print(n.file([], n.str`http://${nas.address}:8096`))).toBe('"http://${fleet.hosts.nas.address}:8096"\n');
    expect(print(n.file([], nas.container("db").address))).toBe("fleet.hosts.nas.containers.db.address\n");
    expect([nas.address.fleetHost, nas.container("db").address.value]).toEqual(["nas", { kind: "containerAddress", container: "db" }]);
    // The host reference itself is unchanged: a path into the host's own config.
    expect(print(n.file([], hostRef("networking.hostName")))).toBe("config.networking.hostName\n");
    expect(JSON.stringify(hostRef("networking.hostName"))).toBe(JSON.stringify(n.select("config.networking.hostName")));
  });

  test("an option path or a bad container name is rejected at the hostRef call, naming what was asked", () => {
    const messages = (f: () => unknown): string[] => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(HomelabInputError);
        return (e as HomelabInputError).diagnostics.map((d) => `${d.site.replace(/:\d+:\d+$/, "")} ${(e as HomelabInputError).builder}${d.path.length === 0 ? "" : `.${d.path.join(".")}`}: ${d.message}`);
      }
      throw new Error("expected a HomelabInputError");
    };
    expect(messages(() => hostRef("networking.hostName").address)).toEqual([
      'packages/homelab/src/validate/checks/fleet-refs.test.ts hostRef("networking.hostName").address: hostRef(name).address takes the name of a host of the fleet like "nas", not an option path: got "networking.hostName"',
    ]);
    expect(messages(() => hostRef("nas").container("a b").address)).toEqual([
      'packages/homelab/src/validate/checks/fleet-refs.test.ts hostRef("nas").container("a b").address.container: expected a container name: letters, digits and "-", starting with a letter or digit, at most 63 characters, got "a b"',
    ]);
  });

  test("in a module, the reference makes fleet a module argument, also through a guest config, and evaluates against fleet.nix's shape", () => {
    const svc = service("backup", { config: { services: { restic: { server: n.str`rest:http://${hostRef("nas").address}:8000/` } } } });
    const guest = container("app", { config: { environment: { etc: { db: { text: hostRef("nas").container("db").address } } }, x: n.select("pkgs.hello") } }) as NspawnContainer;
    const g = guestConfig({ container: guest, stateVersion: "25.05", declarations: undefined });
    const body = n.attrs([n.bind("svc", serviceBody(svc).body), n.bind("guest", g.expr)]);
    const text = print(moduleFile("h", { body }));
    // lib: the guest config's own lib.mkForce (useHostResolvConf).
    expect(text.split("\n")[1]).toBe("{ fleet, lib, ... }:");
    const fleet = "{ hosts = { nas = { address = \"192.168.1.10\"; containers.db.address = \"10.10.10.3\"; }; }; }";
    const value = nixEval(`let m = ${text}; r = m { fleet = ${fleet}; lib.mkForce = x: x; }; in { svc = r.svc.services.restic.server; db = (r.guest { config = { }; pkgs.hello = "h"; }).environment.etc.db.text; }`);
    expect(value).toEqual({ svc: "rest:http://192.168.1.10:8000/", db: "10.10.10.3" });
  });
});

describe("fleet-ref-unknown", () => {
  test("a host the fleet does not have, at the config path that holds the reference", () => {
    const svc = service("backup", { config: { services: { restic: { server: n.str`rest:http://${hostRef("nsa").address}:8000/` } } } });
    const lab = testFleet([testHost("proxy", { address: "192.168.1.2", services: [svc] }), testHost("nas", { address: "192.168.1.10" })]);
    expect(fleetSummary(lab, "fleet-ref-unknown")).toEqual(["proxy: services.backup.config.services.restic.server"]);
    const [d] = fleetFindings(lab, "fleet-ref-unknown");
    expect(d!.site).toBe(formatSite(svc.site));
    expect(d!.message).toBe('hostRef("nsa").address cannot be evaluated: the fleet has no host "nsa" (its hosts: "nas", "proxy")');
  });

  test("a container that is missing, disabled, a Podman one, or on the host network", () => {
    const refs = ["db", "old", "pod", "hostnet", "nope", "ok"].map((c) => hostRef("nas").container(c).address);
    const lab = testFleet([
      testHost("proxy", { address: "192.168.1.2", services: [service("client", { config: { refs } })] }),
      testHost("nas", {
        address: "192.168.1.10",
        containers: [
          container("old", { enable: false }),
          container("pod", { backend: "podman", image: "postgres:16.4", user: "999:999" }),
          container("hostnet", { network: "host" }),
          container("ok", {}),
        ],
      }),
    ]);
    expect(fleetSummary(lab, "fleet-ref-unknown")).toEqual([
      "proxy: services.client.config.refs[0]",
      "proxy: services.client.config.refs[1] -> containers.old",
      "proxy: services.client.config.refs[2] -> containers.pod",
      "proxy: services.client.config.refs[3] -> containers.hostnet",
      "proxy: services.client.config.refs[4]",
    ]);
    expect(fleetFindings(lab, "fleet-ref-unknown").map((d) => d.message)).toEqual([
      'hostRef("nas").container("db").address cannot be evaluated: nas has no container "db"',
      'hostRef("nas").container("old").address cannot be evaluated: container "old" on nas is disabled',
      'hostRef("nas").container("pod").address cannot be evaluated: "pod" on nas is a Podman container, whose address Podman picks when it starts: refer to hostRef("nas").address and the port it publishes',
      'hostRef("nas").container("hostnet").address cannot be evaluated: "hostnet" on nas shares the host\'s network: refer to hostRef("nas").address',
      'hostRef("nas").container("nope").address cannot be evaluated: nas has no container "nope"',
    ]);
  });

  test("references to hosts and private-network containers the fleet has are fine; a host named needs an address", () => {
    const uses = service("client", { config: { a: hostRef("nas").address, b: hostRef("nas").container("db").address, c: hostRef("dns").address } });
    const lab = testFleet([testHost("proxy", { address: "192.168.1.2", services: [uses] }), testHost("nas", { address: "192.168.1.10", containers: [container("db", {})] }), testHost("dns")]);
    expect(fleetFindings(lab, "fleet-ref-unknown")).toEqual([]);
    expect(fleetSummary(lab, "host-address-missing")).toEqual(["dns: address -> services.client.config.c"]);
    expect(fleetFindings(lab, "host-address-missing")[0]!.message).toBe(
      'dns has no LAN address, but hostRef("dns").address on proxy refers to it: set address: "192.168.1.10" (its address), or give it exactly one static IPv4 address in network.interfaces',
    );
  });
});

describe("fleet-required: a fleet reference in a homelab of one host", () => {
  test("reported at the reference; a homelab({ hostName }) has no fleet.nix", () => {
    const lab = testLab({ services: [service("client", { config: { a: hostRef("nas").address } })] });
    expect(fleetSummary(lab, "fleet-required")).toEqual(["-: services.client.config.a"]);
    expect(fleetFindings(lab, "fleet-required")[0]!.message).toBe(
      'hostRef("nas").address refers to another host, but this homelab is one host (homelab({ hostName })): write it as a fleet, homelab({ hosts: [host(…), …] }), or use containerRef/hostRef("<option path>") for this host\'s own values',
    );
  });
});
