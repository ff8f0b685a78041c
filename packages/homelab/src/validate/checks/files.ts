/**
 * Two parts of the config that would write one file of the tree: a host service named like the
 * file Traefik as a service writes (`service("traefik")` beside `traefik({ mode: "service" })`),
 * say. Same-kind duplicates (two containers of one name) are `duplicate-name`'s.
 */
import { formatPath } from "../../diagnostics/path.ts";
import { providerOf, proxyProvider } from "../../proxies/index.ts";
import { at, atService, type CheckContext } from "../context.ts";
import { groupBy, nameOthers, reportGroups, type Located } from "../report.ts";

interface Owner extends Located {
  /** Which builder: clashes within one kind are `duplicate-name`'s. */
  readonly kind: string;
  readonly file: string;
}

function owners(ctx: CheckContext): Owner[] {
  const { lab, host } = ctx;
  const modules = lab.layout.kind === "modules";
  const out: Owner[] = [];
  for (const c of host.containers) {
    out.push({ ...at(c), kind: "container", file: modules ? `containers/${c.name}/index.nix` : `containers/${c.name}.nix` });
  }
  for (const s of host.services) out.push({ ...atService(s), kind: "service", file: `services/${s.name}.nix` });
  for (const p of host.proxies) {
    const provider = proxyProvider(p);
    // The proxy's own container is one of the containers (`duplicate-name` covers a clash there).
    const kind = provider.containerNames(p).length > 0 ? "container" : p.kind;
    for (const f of provider.files(lab, p)) out.push({ ...f.owner, kind, file: f.path });
  }
  return out;
}

/** How to avoid a clash with the proxies among `owners` (their providers' hints), each once. */
function conflictHints(owners: readonly Owner[]): string {
  const hints = new Set<string>();
  for (const o of owners) {
    const hint = o.subject.kind === "proxy" ? providerOf(o.subject.name)?.fileConflictHint : undefined;
    if (hint !== undefined) hints.add(hint);
  }
  return [...hints].join("");
}

export function checkFiles(ctx: CheckContext): void {
  const groups = [...groupBy(owners(ctx), (o) => o.file).values()].filter((g) => new Set(g.map((o) => o.kind)).size > 1);
  reportGroups(groups, (member, others, total) => {
    ctx.report.error(
      "file-conflict",
      member,
      `${formatPath(member.path)} and ${nameOthers(others, total)} would both write ${member.file}: rename one${conflictHints([member, ...others])}`,
      others,
    );
  });
}
