/**
 * Two parts of the config that would write one file of the tree: a host service named like the
 * file Traefik as a service writes (`service("traefik")` beside `traefik({ mode: "service" })`),
 * say. Same-kind duplicates (two containers of one name) are `duplicate-name`'s.
 */
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";

interface Owner extends Located {
  readonly kind: string;
  readonly what: string;
}

function owners(ctx: CheckContext): Owner[] {
  const { lab } = ctx;
  const modules = lab.layout.kind === "modules";
  const out: Owner[] = [];
  for (const c of lab.containers) {
    const path = modules ? `containers/${c.name}/index.nix` : `containers/${c.name}.nix`;
    out.push({ ...at(c), kind: "container", what: path });
  }
  for (const s of lab.services) out.push({ ...atService(s), kind: "service", what: `services/${s.name}.nix` });
  const t = lab.traefik;
  if (t !== undefined) {
    const path = t.mode === "service" ? "services/traefik.nix" : modules ? "containers/traefik/index.nix" : "containers/traefik.nix";
    // As a container it is one of the containers (`duplicate-name` covers a clash there).
    out.push({ path: "traefik", site: t.site, kind: t.mode === "service" ? "traefik" : "container", what: path });
  }
  return out;
}

export function checkFiles(ctx: CheckContext): void {
  const groups = [...groupBy(owners(ctx), (o) => o.what).values()].filter((g) => new Set(g.map((o) => o.kind)).size > 1);
  reportGroups(groups, (member, others, total) => {
    ctx.report.error(
      "file-conflict",
      member,
      `${member.path} and ${nameOthers(others, total)} would both write ${member.what}: rename one${member.path === "traefik" || others.some((o) => o.path === "traefik") ? ' (or pick traefik({ mode: "container" }))' : ""}`,
      others,
    );
  });
}
