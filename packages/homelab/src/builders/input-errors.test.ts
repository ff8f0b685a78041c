import { n } from "@nixjs/expr-printer";
import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { caddy, caddyRoute, container, containerRef, formatPath, homelab, hostRef, onlyHost, publicValue, secret, service, traefik, traefikRoute } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => (d.path.length === 0 ? d.message : `${formatPath(d.path)}: ${d.message}`));
  }
  throw new Error("expected a HomelabInputError");
}

const base = { hostName: "server", domain: "example.org", stateVersion: "25.05" };

describe("HomelabInputError", () => {
  test("one error per call lists every problem, each with the field and the call site", () => {
    let error: HomelabInputError | undefined;
    try {
      container("immich", { ports: [70000], localAddress: "10.0.0.300" }); // line 23, column 7
    } catch (e) {
      error = e as HomelabInputError;
    }
    expect(error?.name).toBe("HomelabInputError");
    expect(error?.builder).toBe('container("immich")');
    expect(error?.site).toBe("packages/homelab/src/builders/input-errors.test.ts:23:7");
    expect(error?.message).toBe(
      [
        'packages/homelab/src/builders/input-errors.test.ts:23:7 container("immich").localAddress: expected an IPv4 address like "10.10.10.5", got "10.0.0.300"',
        'packages/homelab/src/builders/input-errors.test.ts:23:7 container("immich").ports[0]: expected a port 1–65535, got 70000',
      ].join("\n"),
    );
    expect(error?.diagnostics.map((d) => [d.severity, d.code, d.site])).toEqual([
      ["error", "invalid-value", "packages/homelab/src/builders/input-errors.test.ts:23:7"],
      ["error", "invalid-value", "packages/homelab/src/builders/input-errors.test.ts:23:7"],
    ]);
  });
});

describe("each class of malformed input", () => {
  test("wrong types", () => {
    expect(problems(() => container("a", { autoStart: "yes", ports: ["80"], bindMounts: [] } as never))).toEqual([
      'autoStart: expected true or false (autoStart), got "yes"',
      'bindMounts: expected { "/mount/point": { hostPath, isReadOnly } }, got a list',
      'ports[0]: expected a port 1–65535 or { port, protocol, address }, got "80"',
    ]);
    expect(problems(() => container("a", 5 as never))).toEqual(["expected an object with container options, got 5"]);
    expect(problems(() => homelab(undefined as never))).toEqual(["required option missing: expected an object with homelab options"]);
    expect(problems(() => homelab({ ...base, containers: [{ name: "x" }] } as never))).toEqual(["containers[0]: expected a value made by container(name, {...}), got an object"]);
  });

  test("unknown options, with a suggestion for a near miss", () => {
    expect(problems(() => container("a", { autostart: true, frobnicate: 1 } as never))).toEqual([
      'autostart: unknown option "autostart"; did you mean "autoStart"?',
      'frobnicate: unknown option "frobnicate"',
    ]);
    expect(problems(() => container("a", { ports: [{ port: 1, protocl: "udp" }] } as never))).toEqual(['ports[0].protocl: unknown option "protocl"; did you mean "protocol"?']);
    expect(problems(() => homelab({ ...base, network: { pol: "10.0.0.0/24" } } as never))).toEqual(['network.pol: unknown option "pol"; did you mean "pool"?']);
  });

  test("missing required options", () => {
    expect(problems(() => homelab({ hostName: "server" } as never))).toEqual([
      'domain: required option missing: expected a lower-case domain name like "example.org"',
      'stateVersion: required option missing: expected a NixOS release like "25.05"',
    ]);
    expect(problems(() => container("a", { backend: "podman" } as never))).toEqual([
      'image: required option missing: expected an image with a tag, e.g. "lscr.io/linuxserver/sonarr:4.0.9"',
    ]);
  });

  test("invalid IPv4 addresses and CIDRs", () => {
    expect(problems(() => container("a", { hostAddress: "10.0.0", localAddress: "010.0.0.1" }))).toEqual([
      'hostAddress: expected an IPv4 address like "10.10.10.5", got "10.0.0"',
      'localAddress: expected an IPv4 address like "10.10.10.5", got "010.0.0.1"',
    ]);
    const pool = (p: string) => problems(() => homelab({ ...base, network: { pool: p } }));
    expect(pool("10.10.10.5/24")).toEqual(['network.pool: host bits are set: the network is 10.10.10.0/24']);
    expect(pool("10.10.10.0/30")).toEqual(["network.pool: expected a pool between /8 and /29 (a /29 holds two container address pairs), got \"10.10.10.0/30\""]);
    expect(pool("10.10.10.0")).toEqual(['network.pool: expected an IPv4 network like "10.10.10.0/24", got "10.10.10.0"']);
    expect(problems(() => container("a", { network: "host", ports: [{ port: 80, address: "::" }] }))).toEqual([
      'ports[0].address: expected an IPv4 address like "10.10.10.5", got "::"',
    ]);
  });

  test("ports out of range", () => {
    expect(problems(() => container("a", { ports: [0, 65536, 1.5], forwardPorts: [{ hostPort: -1 }] }))).toEqual([
      "forwardPorts[0].hostPort: expected a port 1–65535, got -1",
      "ports[0]: expected a port 1–65535, got 0",
      "ports[1]: expected a port 1–65535, got 65536",
      "ports[2]: expected a port 1–65535 or { port, protocol, address }, got 1.5",
    ]);
    expect(problems(() => traefikRoute({ subdomain: "a", port: 99999 }))).toEqual(["port: expected a port 1–65535, got 99999"]);
    expect(problems(() => container("a", { backend: "podman", image: "x:1", ports: [{ hostPort: 0 }] }))).toEqual(["ports[0].hostPort: expected a port 1–65535, got 0"]);
  });

  test("bad container, service and secret names", () => {
    expect(problems(() => container("my app"))).toEqual(['name: expected a container name: letters, digits and "-", starting with a letter or digit, at most 63 characters, got "my app"']);
    expect(problems(() => container("-x"))[0]).toContain('got "-x"');
    expect(problems(() => container(42 as never))).toEqual(['name: expected a container name like "immich", got 42']);
    expect(problems(() => service("a b"))[0]).toContain("name: expected a service name");
    expect(problems(() => secret("../etc/passwd"))[0]).toContain("name: expected a secret name");
    expect(problems(() => secret(".."))[0]).toContain("name: expected a secret name");
    expect(problems(() => containerRef("a_b c"))[0]).toContain("name: expected a container name");
    expect(problems(() => hostRef("")).length).toBe(1);
  });

  test("bad domains, host names and subdomains", () => {
    expect(problems(() => homelab({ hostName: "server.lan", domain: "Example.org", stateVersion: "25.04", system: "x86_64-darwin" }))).toEqual([
      'hostName: expected a host name: letters, digits and "-", no dots, at most 63 characters, got "server.lan"',
      'domain: expected a lower-case domain name like "example.org", got "Example.org"',
      'stateVersion: expected a NixOS release like "25.05", got "25.04"',
      'system: expected a Linux system like "x86_64-linux" or "aarch64-linux", got "x86_64-darwin"',
    ]);
    expect(problems(() => traefikRoute({ subdomain: "-bad", port: 80 }))).toEqual(['subdomain: expected a lower-case subdomain like "photos", got "-bad"']);
    expect(problems(() => caddyRoute({ host: "localhost", port: 80 }))).toEqual(['host: expected a lower-case host name like "sonarr.example.org", got "localhost"']);
  });

  test("images without a tag, or malformed", () => {
    const image = (i: string) => problems(() => container("a", { backend: "podman", image: i }));
    expect(image("nginx")).toEqual(['image: the image has no tag: pin a version, e.g. "nginx:1.2.3"']);
    expect(image("localhost:5000/app")).toEqual(['image: the image has no tag: pin a version, e.g. "localhost:5000/app:1.2.3"']);
    expect(image("Nginx:1")).toEqual(['image: expected an image with a tag, e.g. "lscr.io/linuxserver/sonarr:4.0.9", got "Nginx:1"']);
  });

  test("bad secret modes, owners and files", () => {
    expect(problems(() => secret("x", { mode: "644x", owner: "a b", file: "/abs/x.age" }))).toEqual([
      'file: expected a relative path like "secrets/authelia-jwt.age" (letters, digits, "._+-/"), got "/abs/x.age"',
      'owner: expected a user or group like "authelia-main" or "1000", got "a b"',
      'mode: expected an octal mode like "0400", got "644x"',
    ]);
  });

  test("bad publish specs", () => {
    const ports = (...p: string[]) => problems(() => container("a", { backend: "podman", image: "x:1", ports: p }));
    expect(ports("8080", "127.0.0.1::80", "1000-1001:1000-1001", "53:53/sctp", "[::1]:80:80", "1.2.3:80:80")).toEqual([
      'ports[0]: "8080" publishes on a random host port: write "8080:8080"',
      'ports[1]: "127.0.0.1::80" publishes on a random host port: give the host port',
      "ports[2]: port ranges are not supported: publish each port on its own",
      'ports[3]: unknown protocol "sctp": expected "tcp" or "udp"',
      "ports[4]: IPv6 bind addresses are not supported yet: bind to an IPv4 address",
      'ports[5]: "1.2.3" is not an IPv4 address; expected "hostPort:containerPort", "address:hostPort:containerPort", optionally "/tcp" or "/udp", e.g. "127.0.0.1:5432:5432"',
    ]);
  });

  test("config values Nix cannot hold", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(problems(() => container("a", { config: { f: () => 1, n: Number.NaN, m: new Map(), l: [undefined], c: cyclic } as never }))).toEqual([
      "config.f: a JS function cannot be written as Nix: build a Nix function with n.fn(…)",
      "config.n: expected a finite number (Nix has no NaN or Infinity), got NaN",
      "config.m: expected plain data, an AST node (n.*), a secret or a host reference, got a Map",
      "config.l[0]: a list element cannot be undefined",
      "config.c.self: the value contains itself (a cycle)",
    ]);
    expect(problems(() => container("a", { config: [] as never }))).toEqual(["config: expected an object of NixOS options, e.g. { services: { immich: { enable: true } } }, got a list"]);
  });

  test("config values only the printer knows it cannot write: caught at the builder, on the field", () => {
    const sparse = [1, , 3];
    expect(problems(() => container("a", { config: { big: 2n ** 63n, id: n.id("not valid"), s: "a\uD800", tiny: 5e-324, sparse } as never }))).toEqual([
      "config.big: 9223372036854775808 does not fit in a 64-bit Nix integer (range -9223372036854775808 … 9223372036854775807)",
      'config.id: "not valid" is not a Nix identifier (ASCII letters, digits, _ \' -, not starting with a digit, \' or -) (at name inside this Nix expression)',
      "config.s: string contains a lone UTF-16 surrogate (U+D800) at index 1; it has no UTF-8 encoding",
      "config.tiny: 5e-324 is subnormal; Nix rejects float literals below 2.2250738585072014e-308",
      "config.sparse[1]: a hole in a sparse array cannot be written as Nix",
    ]);
    expect(problems(() => service("s", { config: { services: { x: { ["a\uDC00"]: 1 } } } }))).toEqual([
      'config.services.x["a\\udc00"]: the attribute name "a\\udc00": it contains a lone UTF-16 surrogate (U+DC00) at index 1; it has no UTF-8 encoding',
    ]);
    // A Nix expression with an attribute defined twice, deep inside the config.
    expect(problems(() => container("a", { config: { x: n.attrs([n.bind("a", 1), n.bind("a", 2)]) } }))).toEqual([
      "config.x: attribute 'a' is already defined (at bindings[1].path[0] inside this Nix expression)",
    ]);
  });

  test('"__proto__" is an ordinary attribute in a config, and refused by name elsewhere', () => {
    const lab = homelab({ ...base, containers: [container("a", { config: { services: { x: JSON.parse('{"__proto__": 1, "b": 2}') as Record<string, number> } } })] });
    const config = (onlyHost(lab).containers[0] as unknown as { config: { services: { x: Record<string, unknown> } } }).config;
    expect(Object.keys(config.services.x)).toEqual(["__proto__", "b"]);
    expect(problems(() => container("p", { backend: "podman", image: "x:1", environment: JSON.parse('{"__proto__": "v", "A": "b"}') as Record<string, string> }))).toEqual([
      'environment.__proto__: "__proto__" cannot be a name here (JavaScript treats it specially and it would be lost); rename it',
    ]);
  });

  test("options that contradict each other", () => {
    expect(problems(() => container("a", { network: "host", privateNetwork: true, localAddress: "10.0.0.2", forwardPorts: [{ hostPort: 80 }] }))).toEqual([
      'privateNetwork: privateNetwork: true contradicts network: "host"; keep one of them',
      "localAddress: localAddress has no effect on a container with the host's network (NixOS ignores it); drop it or use a private network",
      "forwardPorts: forwardPorts has no effect on a container with the host's network (NixOS ignores it); drop it or use a private network",
    ]);
    expect(problems(() => traefikRoute({ subdomain: "a", host: "a.example.org", port: 1, auth: "authelia", public: true }))).toEqual([
      "host: give either subdomain or host, not both",
      "public: a route cannot be public and behind auth: drop public or auth",
    ]);
    expect(problems(() => container("a", { backend: "podman", image: "x:1", network: "host", ports: ["80:80"], extraOptions: ["--network=host", "--memory 1g"] }))).toEqual([
      'extraOptions[0]: use network: "host" instead, so the port checks know about it',
      'extraOptions[1]: each element is one argument: write "--memory=1g"',
      'ports: published ports do not apply with network: "host" (the service binds host ports itself); drop ports or the host network, and say what it serves with listens: [8096]',
    ]);
    expect(problems(() => container("a", { extraOptions: { autoStart: false, enableTun: true } }))).toEqual(["extraOptions.autoStart: use the typed option autoStart instead of extraOptions"]);
  });

  test("proxies and route extras", () => {
    expect(problems(() => traefik({ mode: "sidecar", acme: { email: "nope" } } as never))).toEqual([
      'mode: expected "container", "service" or "podman", got "sidecar"',
      'acme.email: expected an e-mail address like "admin@example.org", got "nope"',
    ]);
    expect(problems(() => caddy({ email: 5 } as never))).toEqual(['email: expected an e-mail address like "admin@example.org", got 5']);
    expect(problems(() => caddyRoute({ subdomain: "a", port: 1, basicAuth: { alice: "hunter2" } }))).toEqual([
      'basicAuth.alice: expected a bcrypt hash from "caddy hash-password" (plain passwords are not accepted), got "hunter2"',
    ]);
  });
});

describe("publicValue", () => {
  test("a literal and a reason in words; anything else is an input error of the call", () => {
    expect(problems(() => publicValue({} as never, "x"))).toEqual([
      "reason: expected why the value is public, in a few words (at least 6 characters), got \"x\"",
      "expected the literal: a string or a number, got an object",
    ]);
    expect(publicValue(42, "the port every guide uses")).toMatchObject({ kind: "publicValue", value: 42, reason: "the port every guide uses" });
  });
});

describe("layout.options", () => {
  test("a misspelt option names layout and the options there are; duplicates collapse and the order does not matter", () => {
    expect(problems(() => homelab({ ...base, layout: { kind: "modules", options: ["image", "imag" as "image"] } }))).toEqual([
      'layout: expected "flat", "modules" or { kind: "modules", namespace, options: ["image" | "autoStart", …] }, got an object',
    ]);
    const a = homelab({ ...base, layout: { kind: "modules", options: ["image", "autoStart", "image"] } });
    const b = homelab({ ...base, layout: { kind: "modules", options: ["autoStart", "image"] } });
    expect(a.layout).toEqual({ kind: "modules", namespace: "homelab.containers", options: ["autoStart", "image"] });
    expect(b.layout).toEqual(a.layout);
  });
});
