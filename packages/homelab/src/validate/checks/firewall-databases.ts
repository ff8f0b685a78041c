/**
 * Database ports: which well-known port belongs to which database, and whether a listener is a
 * database by what nixjs can see (a NixOS database service it enables, or its name). Read by
 * `database-port-open`; a port number alone never makes a listener a database (OpenCloud
 * serves on 9200, Elasticsearch's port).
 */
import { definedAt } from "../../config/defined.ts";
import type { Listener } from "../../facts/located.ts";
import type { Host } from "../../model/homelab.ts";

/** Well-known database and cache ports, with who uses them. */
export const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
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
]);

/** NixOS services that are databases: `services.<name>.enable` (or Redis's `servers`). */
const NIXOS_DATABASES = ["postgresql", "mysql", "mongodb", "influxdb", "influxdb2", "elasticsearch", "opensearch", "memcached", "couchdb", "cassandra", "etcd", "neo4j", "clickhouse"];

const DATABASE_NAME = /(^|[-_.])(postgres(ql)?|pg|mysql|mariadb|mongo(db)?|redis|valkey|keydb|memcached?|influx(db)?|elastic(search)?|opensearch|couchdb|cassandra|etcd|neo4j|cockroach(db)?|clickhouse)([-_.]|\d|$)/;

function enablesDatabase(config: unknown): boolean {
  if (NIXOS_DATABASES.some((s) => definedAt(config, ["services", s, "enable"]) === true)) return true;
  const redis = definedAt(config, ["services", "redis", "servers"]);
  return typeof redis === "object" && redis !== null && Object.keys(redis).length > 0;
}

/**
 * True when nixjs can tell `listener` is a database: its owner enables a NixOS database service
 * or is named like one (`postgres`, `immich-redis`).
 * @example isDatabaseListener(host, facts.listeners[0])
 */
export function isDatabaseListener(host: Host, listener: Listener): boolean {
  const { subject } = listener;
  if (subject.kind === "service") {
    const s = host.services.find((x) => x.name === subject.name);
    return s !== undefined && (enablesDatabase(s.config) || DATABASE_NAME.test(s.name));
  }
  if (subject.kind === "container") {
    const c = host.containers.find((x) => x.name === subject.name && x.enable);
    if (c === undefined) return false;
    // Podman databases are `database-exposed`'s (by image), not reported twice.
    if (c.backend === "podman") return false;
    return enablesDatabase(c.config) || DATABASE_NAME.test(c.name);
  }
  return false;
}
