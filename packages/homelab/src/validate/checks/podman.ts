/**
 * Podman: `dependsOn` names enabled Podman containers without cycles; seed 001's best
 * practices as warnings (pinned images, a non-root user, databases on loopback).
 */
import type { PodmanContainer } from "../../model/index.ts";
import { isLoopback } from "../../net/ipv4.ts";
import { isPinnedImage, parseImage } from "../../oci/image.ts";
import { at, type CheckContext } from "../context.ts";
import { stronglyConnected } from "../graph.ts";

/** Images of databases and caches that should never listen on a public address. */
const DATABASES = /^(postgres|postgresql|postgis|timescaledb|mysql|mariadb|mongo|mongodb|redis|valkey|keydb|memcached|influxdb|clickhouse(-server)?|couchdb|cassandra|elasticsearch|opensearch|neo4j|cockroach|questdb|rethinkdb|dragonfly|etcd)$/;

/** True when the image is a database by its last path component (`docker.io/library/postgres:16`). */
export function isDatabaseImage(image: string): boolean {
  const ref = parseImage(image);
  const last = (ref?.name ?? image).split("/").pop() ?? "";
  return DATABASES.test(last) || /(^|-)(postgres|mariadb|mysql|mongo|redis)(-|$)/.test(last);
}

export function checkPodman(ctx: CheckContext): void {
  const { report } = ctx;
  const podmans = ctx.facts.enabled.filter((c): c is PodmanContainer => c.backend === "podman");
  const names = new Set(podmans.map((c) => c.name));

  for (const c of podmans) {
    c.dependsOn.forEach((dep, i) => {
      if (names.has(dep) && dep !== c.name) return;
      const target = ctx.facts.byName.get(dep)?.[0];
      const why =
        dep === c.name ? "a container cannot depend on itself"
        : target === undefined ? `there is no container "${dep}"`
        : !target.enable ? `container "${dep}" is disabled`
        : `"${dep}" is an nspawn container (dependsOn takes Podman containers; order against container@${dep}.service in systemd instead)`;
      report.error("depends-on-unknown", at(c, "dependsOn", i), `dependsOn "${dep}": ${why}`, target === undefined || dep === c.name ? [] : [at(target)]);
    });
  }

  const edges = new Map(podmans.map((c) => [c.name, c.dependsOn.filter((d) => names.has(d) && d !== c.name)]));
  for (const cycle of stronglyConnected(edges)) {
    if (cycle.length < 2) continue;
    const members = new Set(cycle);
    for (const c of podmans) {
      if (!members.has(c.name)) continue;
      const next = c.dependsOn.find((d) => members.has(d) && d !== c.name)!;
      if (next === undefined) continue; // a duplicate name's other container (duplicate-name) has the edge; this one none
      const target = ctx.facts.byName.get(next)![0]!;
      report.error("depends-on-cycle", at(c, "dependsOn"), `dependsOn forms a cycle among ${cycle.join(", ")}: systemd cannot order these units; drop one dependency`, [at(target)]);
    }
  }

  for (const c of podmans) {
    const ref = parseImage(c.image);
    if (ref === undefined || !isPinnedImage(ref)) {
      const why = ref?.tag === "latest" ? 'is tagged "latest"' : "has no tag";
      report.warning("image-tag", at(c, "image"), `${c.image} ${why}: updates happen by surprise and cannot be rolled back; pin a version tag or digest`);
    }
    if (c.user === undefined && c.environment["PUID"] === undefined && c.environment["PGID"] === undefined) {
      report.warning("podman-user", at(c), `${c.name} runs as the image's default user (often root): set user: "1000:1000" or PUID/PGID in environment`);
    }
    if (isDatabaseImage(c.image)) {
      if (c.network === "host") {
        report.warning("database-exposed", at(c, "network"), `${c.name} is a database on the host network, reachable on every host address: use a private network and publish on 127.0.0.1`);
      }
      c.ports.forEach((p, i) => {
        if (isLoopback(p.hostAddress)) return;
        report.warning("database-exposed", at(c, "ports", i), `${c.name} is a database published on ${p.hostAddress}:${p.hostPort}, which bypasses the firewall: publish it as "127.0.0.1:${p.hostPort}:${p.containerPort}"`);
      });
    }
  }
}
