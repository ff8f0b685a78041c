import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { service } from "../../builders/service.ts";
import { hostFacts } from "../../facts/host-facts.ts";
import { onlyHost } from "../../model/index.ts";
import type { ServiceOptions } from "../../schema/service.ts";
import { findings, summary, testLab } from "../../../test-support/validate/test-lab.ts";

describe("firewall-port-unused", () => {
  test("an opening nothing nixjs knows listens on is a note naming the fix", () => {
    const lab = testLab({ firewall: { allowedTCPPorts: [8080], interfaces: { enp1s0: { allowedUDPPortRanges: [{ from: 60000, to: 61000 }] } } } });
    expect(findings(lab, "firewall-port-unused").map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        "note",
        "firewall.allowedTCPPorts[0]",
        'the firewall opens 8080/tcp, but nothing nixjs knows listens on that port: drop the opening if it is left over, or say what listens there with { port: 8080, for: "…" } (a hand-written module, say)',
      ],
      [
        "note",
        "firewall.interfaces.enp1s0.allowedUDPPortRanges[0]",
        'the firewall opens 60000–61000/udp on enp1s0, but nothing nixjs knows listens on those ports: drop the opening if it is left over, or say what listens there with { from: 60000, to: 61000, for: "…" } (a hand-written module, say)',
      ],
    ]);
  });

  test("quiet for openings a listener uses (host service, host network, forward, publish), or that say what they are for", () => {
    const lab = testLab({
      firewall: {
        allowedTCPPorts: [2222, 9000, 7000, { port: 25565, for: "minecraft in ./minecraft.nix" }],
        allowedUDPPortRanges: [{ from: 50, to: 60 }],
      },
      containers: [
        container("wiki", { ports: [80], forwardPorts: [{ hostPort: 2222, containerPort: 22 }] }),
        container("web", { network: "host", ports: [9000] }),
        container("app", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: ["7000:80"] }),
      ],
      services: [service("dns", { ports: [{ port: 53, protocol: "udp" }] })],
    });
    expect(findings(lab, "firewall-port-unused")).toEqual([]);
  });

  test("a listener on loopback does not use an opening; the wrong protocol does not either", () => {
    const lab = testLab({
      firewall: { allowedTCPPorts: [8000], allowedUDPPorts: [9000] },
      containers: [container("web", { network: "host", ports: [{ port: 8000, address: "127.0.0.1" }, 9000] })],
    });
    expect(summary(lab, "firewall-port-unused")).toEqual(["firewall.allowedTCPPorts[0]", "firewall.allowedUDPPorts[0]"]);
  });

  test("a firewall turned off opens nothing: no note", () => {
    expect(findings(testLab({ firewall: { enable: false, allowedTCPPorts: [8080] } }), "firewall-port-unused")).toEqual([]);
  });
});

describe("database-port-open", () => {
  test("a database's port opened on every interface: by the user, or for a listener known to be a database", () => {
    const lab = testLab({
      firewall: { allowedTCPPorts: [5432] },
      containers: [container("redis", { network: "host", ports: [6379] })],
      services: [service("pg", { ports: [3306], config: { services: { mysql: { enable: true } } } })],
    });
    expect(findings(lab, "database-port-open").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["warning", "firewall.allowedTCPPorts[0]", "the host firewall opens the database port 5432 (PostgreSQL) on every interface, reachable from every network the host is on: move it under firewall.interfaces.<lan interface>.allowedTCPPorts"],
      ["warning", "containers.redis.ports[0]", 'the host firewall opens the database port 6379 (Redis/Valkey) for the host-network container redis on every interface, reachable from every network the host is on: bind it to 127.0.0.1 or a LAN address (address), or open it on one interface (open: { interface: "<lan interface>" })'],
      ["warning", "services.pg.ports[0]", 'the host firewall opens the database port 3306 (MySQL/MariaDB) for the service pg on every interface, reachable from every network the host is on: bind it to 127.0.0.1 or a LAN address (address), or open it on one interface (open: { interface: "<lan interface>" })'],
    ]);
  });

  test("quiet on one interface, on loopback, unopened, for a listener that is no database, and for a range", () => {
    const lab = testLab({
      firewall: { interfaces: { enp1s0: { allowedTCPPorts: [5432] } }, allowedTCPPortRanges: [{ from: 3000, to: 7000 }], allowedTCPPorts: [9200] },
      containers: [
        container("postgres", { network: "host", ports: [{ port: 5433, address: "127.0.0.1" }, { port: 5434, open: false }, { port: 5435, open: { interface: "enp1s0" } }] }),
        container("opencloud", { network: "host", ports: [9200] }),
      ],
    });
    expect(findings(lab, "database-port-open")).toEqual([]);
  });
});

describe("open on a host-network Podman container's listens", () => {
  test("open: false leaves it out of the host firewall, { interface } opens it there only", () => {
    const lab = testLab({
      firewall: { allowedTCPPorts: [8096] },
      containers: [
        container("jellyfin", {
          backend: "podman",
          image: "docker.io/jellyfin/jellyfin:10.10.7",
          user: "1000",
          network: "host",
          listens: [{ port: 8096, open: false }, { port: 1900, protocol: "udp", open: { interface: "enp1s0" } }],
        }),
      ],
    });
    const fw = hostFacts(lab, onlyHost(lab)).firewall;
    expect(fw.entries.map((e) => [e.protocol, e.from, e.interface ?? "*", e.source.kind])).toEqual([
      ["udp", 1900, "enp1s0", "listener"],
      ["tcp", 8096, "*", "user"],
    ]);
    // The user's own opening of 8096 is used by the listener (bound on every address).
    expect(findings(lab, "firewall-port-unused")).toEqual([]);
  });
});

describe("database-port-open: which port is whose, and which listener is a database", () => {
  test.each([
    [1433, "SQL Server"],
    [2379, "etcd"],
    [3306, "MySQL/MariaDB"],
    [5432, "PostgreSQL"],
    [5984, "CouchDB"],
    [6379, "Redis/Valkey"],
    [7687, "Neo4j"],
    [8086, "InfluxDB"],
    [9042, "Cassandra"],
    [9200, "Elasticsearch/OpenSearch"],
    [11211, "memcached"],
    [26257, "CockroachDB"],
    [27017, "MongoDB"],
    [28015, "RethinkDB"],
  ])("a user's opening of %i names %s", (port, db) => {
    const found = findings(testLab({ firewall: { allowedTCPPorts: [port] } }), "database-port-open");
    expect(found.map((d) => [d.severity, d.path, d.message])).toEqual([
      ["warning", "firewall.allowedTCPPorts[0]", `the host firewall opens the database port ${port} (${db}) on every interface, reachable from every network the host is on: move it under firewall.interfaces.<lan interface>.allowedTCPPorts`],
    ]);
  });

  const served = (name: string, config: ServiceOptions["config"] = {}) =>
    summary(testLab({ services: [service(name, { ports: [5432], config })] }), "database-port-open");

  test.each(["postgresql", "mysql", "mongodb", "influxdb", "influxdb2", "elasticsearch", "opensearch", "memcached", "couchdb", "cassandra", "etcd", "neo4j", "clickhouse"])(
    "a service that enables services.%s is a database, whatever its name",
    (db) => {
      expect(served("app", { services: { [db]: { enable: true } } })).toEqual(["services.app.ports[0]"]);
      expect(served("app", { services: { [db]: { enable: false } } })).toEqual([]);
    },
  );

  test("Redis is a database when it declares a server; no servers is none", () => {
    expect(served("app", { services: { redis: { servers: { cache: { enable: true } } } } })).toEqual(["services.app.ports[0]"]);
    expect(served("app", { services: { redis: { servers: {} } } })).toEqual([]);
    expect(served("app", { services: { redis: { servers: null } } })).toEqual([]);
    expect(served("app")).toEqual([]);
  });

  test.each([
    "postgres", "postgresql", "pg", "pg16", "mysql", "mariadb", "mongo", "mongodb", "redis", "valkey", "keydb", "memcache", "memcached",
    "influx", "influxdb", "elastic", "elasticsearch", "opensearch", "couchdb", "cassandra", "etcd", "neo4j", "cockroach", "cockroachdb",
    "clickhouse", "immich-redis", "immich_postgres", "app.mysql", "redis-cache", "redis_cache", "redis.cache", "redis2",
  ])("a listener named %s is a database", (name) => {
    // A dotted name is quoted in a printed path.
    const key = name.includes(".") ? `["${name}"]` : `.${name}`;
    expect(served(name)).toEqual([`services${key}.ports[0]`]);
    const lab = testLab({ containers: [container(name, { network: "host", ports: [5432] })] });
    expect(summary(lab, "database-port-open")).toEqual([`containers${key}.ports[0]`]);
  });

  test.each(["pgadmin", "apg", "mypostgres", "redisinsight", "postgresx", "xredis", "app"])("a listener named %s is not a database by its name", (name) => {
    expect(served(name)).toEqual([]);
    const lab = testLab({ containers: [container(name, { network: "host", ports: [5432] })] });
    expect(summary(lab, "database-port-open")).toEqual([]);
  });

  test("a container that enables a NixOS database is one; a Podman database is database-exposed's, not reported here", () => {
    const lab = testLab({
      containers: [
        container("store", { network: "host", ports: [5432], config: { services: { postgresql: { enable: true } } } }),
        container("postgres", { backend: "podman", image: "docker.io/library/postgres:17", user: "1000", network: "host", listens: [5433] }),
      ],
      firewall: { allowedTCPPorts: [5433] },
    });
    expect(summary(lab, "database-port-open")).toEqual(["containers.store.ports[0]"]);
  });
});
