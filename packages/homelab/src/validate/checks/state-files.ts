/**
 * Containers' state directories and generated files, where a mistake cannot be intended:
 * two mounts of one container at one path (Podman refuses a duplicate destination, nspawn's
 * `bindMounts` keeps one), and one host directory declared twice with another owner or mode
 * (systemd-tmpfiles applies the first line and ignores the other).
 */
import { parseVolume } from "../../oci/volume.ts";
import type { Container } from "../../model/index.ts";
import { volumes } from "../../render/core/podman.ts";
import { stateRule } from "../../render/core/files.ts";
import { at, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";

interface Mount extends Located {
  readonly mountPoint: string;
}

/** Every mount point of a container with where it was declared. */
function mounts(c: Container): Mount[] {
  const out: Mount[] = [];
  const trim = (p: string) => p.replace(/(.)\/+$/, "$1");
  if (c.backend === "nspawn") {
    for (const b of c.bindMounts) out.push({ ...at(c, "bindMounts", b.mountPoint), mountPoint: trim(b.mountPoint) });
  } else {
    // The rendered volumes: the category's default `/config` mount included.
    const own = new Set(c.volumes);
    volumes(c).forEach((text) => {
      const v = parseVolume(text);
      if (v === undefined) return;
      const i = c.volumes.indexOf(text);
      out.push({ ...(own.has(text) ? at(c, "volumes", i) : at(c, "category")), mountPoint: trim(v.target) });
    });
  }
  c.files?.stateDirectories.forEach((d, i) => out.push({ ...at(c, "stateDirectories", i), mountPoint: d.mountPoint }));
  c.files?.configFiles.forEach((f, i) => out.push({ ...at(c, "configFiles", i), mountPoint: trim(f.mountPoint) }));
  return out;
}

interface State extends Located {
  readonly hostPath: string;
  readonly rule: string;
}

export function checkStateFiles(ctx: CheckContext): void {
  const enabled = ctx.host.containers.filter((c) => c.enable);
  // Every enabled container, with state files or not: two volumes at one target Podman refuses too.
  for (const c of enabled) {
    const groups = [...groupBy(mounts(c), (m) => m.mountPoint).values()];
    reportGroups(groups, (member, others, total) => {
      ctx.report.error("mount-point-conflict", member, `${c.name} mounts ${nameOthers(others, total)} at ${member.mountPoint} too: a mount point holds one thing (give each its own path)`, others);
    });
  }
  const states: State[] = enabled.flatMap((c) => (c.files?.stateDirectories ?? []).map((d, i) => ({ ...at(c, "stateDirectories", i), hostPath: d.hostPath, rule: stateRule(d) })));
  const conflicting = [...groupBy(states, (s) => s.hostPath).values()].filter((g) => new Set(g.map((s) => s.rule)).size > 1);
  reportGroups(conflicting, (member, others, total) => {
    ctx.report.error(
      "state-directory-conflict",
      member,
      `${member.hostPath} is also a state directory of ${nameOthers(others, total)} with another owner or mode ("${member.rule}" here): tmpfiles would apply one and ignore the other; give both the same user, group and mode`,
      others,
    );
  });
}
