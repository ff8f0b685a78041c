import { n, type NixFile } from "@nixjs/expr-printer";
import type { Container, HostService } from "../model/index.ts";
import { caddySection } from "./core/caddy.ts";
import type { RenderContext } from "./core/context.ts";
import { flakeBody, type DisabledModule, type FlakeModule } from "./core/flake.ts";
import { hostBody } from "./core/host.ts";
import { descriptionLines, Sections } from "./core/sections.ts";
import { moduleFile, type FileBody } from "./core/module.ts";
import { nspawnValue } from "./core/nspawn.ts";
import { networkDependencies, podmanValue } from "./core/podman.ts";
import { recipientsBody } from "./core/recipients.ts";
import { allSecrets } from "./core/secrets.ts";
import { serviceBody, traefikContainer, traefikServiceBody } from "./core/services.ts";
import { traefikSection } from "./core/traefik.ts";

/** The container value with its section comments: "Container" and the description. */
export function containerFileBody(ctx: RenderContext, c: Container, file: string): FileBody {
  const s = new Sections();
  s.add("Traefik routing", traefikSection(ctx, c, {}));
  s.add("Caddy routing", caddySection(ctx, c, {}));
  const comment = ["Container", ...descriptionLines(c.description)];
  if (c.backend === "nspawn") {
    const value = nspawnValue(ctx, c, file);
    s.add(comment, [n.bind(["containers", c.name], value.expr)]);
    return { body: s.toAttrs(), usesHostConfig: value.usesHostConfig };
  }
  s.add(comment, [
    n.bind(["virtualisation", "oci-containers", "containers", c.name], podmanValue(c)),
    ...networkDependencies(c),
  ]);
  return { body: s.toAttrs() };
}

/**
 * The default layout, seed 000's repository: `flake.nix`, `host.nix`, one file per container
 * (`containers/<name>.nix`, its route co-located), the Traefik container or service, one file
 * per host service (`services/<name>.nix`), and `secrets/secrets.nix`.
 */
export function renderFlat(ctx: RenderContext): Map<string, NixFile> {
  const files = new Map<string, NixFile>();
  const add = (path: string, file: NixFile): void => {
    if (files.has(path)) throw new Error(`render: two files would be written to ${path}`);
    files.set(path, file);
  };
  const imported: FlakeModule[] = [];
  const disabled: DisabledModule[] = [];
  const traefik = ctx.lab.traefik;
  const entries: { path: string; enable: boolean; description?: string; render: () => FileBody }[] = [];

  for (const c of ctx.containers) {
    const path = `containers/${c.name}.nix`;
    entries.push({ path, enable: c.enable, ...desc(c), render: () => containerFileBody(ctx, c, path) });
  }
  if (traefik?.mode === "container") {
    const path = "containers/traefik.nix";
    entries.push({ path, enable: true, render: () => traefikContainer(ctx, traefik, path) });
  }
  for (const svc of ctx.services) {
    const path = `services/${svc.name}.nix`;
    entries.push({ path, enable: svc.enable, ...desc(svc), render: () => serviceBody(svc) });
  }
  if (traefik?.mode === "service") {
    entries.push({ path: "services/traefik.nix", enable: true, render: () => traefikServiceBody(traefik) });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of entries) {
    add(e.path, moduleFile(ctx.header, e.render()));
    if (e.enable) imported.push({ path: e.path });
    else disabled.push({ path: e.path, ...(e.description === undefined ? {} : { description: e.description }) });
  }
  const modules = [...ctx.lab.modules.map((path) => ({ path })), ...imported];
  add("flake.nix", n.file(ctx.header, flakeBody(ctx.lab, modules, disabled)));
  add("host.nix", moduleFile(ctx.header, { body: hostBody(ctx) }));
  if (allSecrets(ctx.lab).length > 0) add("secrets/secrets.nix", n.file(ctx.header, recipientsBody(ctx.lab)));
  return files;
}

function desc(x: Container | HostService): { description?: string } {
  const first = descriptionLines(x.description)[0];
  return first === undefined ? {} : { description: first };
}

