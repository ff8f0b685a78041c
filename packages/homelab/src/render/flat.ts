import { n, type NixFile } from "@nixjs/expr-printer";
import { allSecrets } from "../facts/secrets.ts";
import type { Container, HostService } from "../model/index.ts";
import { PROXY_PROVIDERS, proxyProvider } from "../proxies/index.ts";
import { compareCodeUnits } from "../util/order.ts";
import type { RenderContext } from "./core/context.ts";
import { flakeBody, type DisabledModule, type FlakeModule } from "./core/flake.ts";
import { asFlakeModule, userModules } from "./core/flake-extras.ts";
import { hostBody } from "./core/host.ts";
import { moduleFile, type FileBody } from "./core/module.ts";
import { nspawnValue } from "./core/nspawn.ts";
import { proxyLabels } from "./core/labels.ts";
import { networkDependencies, podmanValue } from "./core/podman.ts";
import { descriptionLines, Sections } from "./core/sections.ts";
import { serviceBody } from "./core/services.ts";
import { authDnsFiles, generatedBody } from "../auth/files.ts";

/**
 * The container value with its section comments: one routing section per proxy that routes
 * to it (its provider's bindings), then "Container" and the description.
 */
function containerFileBody(ctx: RenderContext, c: Container, file: string): FileBody {
  const s = new Sections();
  for (const provider of PROXY_PROVIDERS) {
    const proxy = ctx.host.proxies.find((p) => p.kind === provider.kind);
    if (proxy !== undefined) s.add(provider.sectionTitle, provider.routeBindings(ctx, proxy, c));
  }
  const comment = ["Container", ...descriptionLines(c.description)];
  if (c.backend === "nspawn") {
    const value = nspawnValue(ctx, c, file);
    s.add(comment, [n.bind(["containers", c.name], value.expr)]);
    return { body: s.toAttrs(), usesHostConfig: value.usesHostConfig };
  }
  s.add(comment, [
    n.bind(["virtualisation", "oci-containers", "containers", c.name], podmanValue(c, undefined, undefined, proxyLabels(ctx, c), ctx.facts.release)),
    ...networkDependencies(c),
  ]);
  return { body: s.toAttrs() };
}

/** A module of the tree before it is rendered: where it goes, whether the flake imports it. */
interface Entry {
  readonly path: string;
  readonly enable: boolean;
  readonly description?: string;
  readonly render: () => FileBody;
}

/**
 * A host's modules as a layout writes them, before anything imports them: the files (paths
 * relative to the host's directory, `host.nix` included), the modules to import after
 * `host.nix` in their order, and the disabled ones (named in a comment where they would be).
 * The single-host flake imports them itself; a fleet host's `default.nix` does.
 */
export interface HostTree {
  readonly files: ReadonlyMap<string, NixFile>;
  readonly imports: readonly string[];
  readonly disabled: readonly DisabledModule[];
}

/**
 * The flat layout's modules of one host: one file per container (`containers/<name>.nix`, its
 * route co-located), each proxy's own files, one file per host service (`services/<name>.nix`),
 * the generated auth and DNS files, and `host.nix`.
 */
export function flatHostTree(ctx: RenderContext): HostTree {
  const files = new Map<string, NixFile>();
  const add = (path: string, file: NixFile): void => {
    // `validate` reports two parts writing one file (`file-conflict`, `duplicate-name`) first.
    if (files.has(path)) throw new Error(`render: two files would be written to ${path}`);
    files.set(path, file);
  };
  const entries: Entry[] = [];
  for (const c of ctx.containers) {
    const path = `containers/${c.name}.nix`;
    entries.push({ path, enable: c.enable, ...firstLine(c), render: () => containerFileBody(ctx, c, path) });
  }
  for (const p of ctx.host.proxies) {
    const provider = proxyProvider(p);
    for (const f of provider.files(ctx.lab, p)) entries.push({ path: f.path, enable: true, render: () => provider.renderFile(ctx, p, f) });
  }
  for (const svc of ctx.services) {
    entries.push({ path: `services/${svc.name}.nix`, enable: svc.enable, ...firstLine(svc), render: () => serviceBody(svc) });
  }
  for (const f of authDnsFiles(ctx)) entries.push({ path: f.path, enable: true, render: () => generatedBody(f) });
  entries.sort((a, b) => compareCodeUnits(a.path, b.path));
  const imports: string[] = [];
  const disabled: DisabledModule[] = [];
  for (const e of entries) {
    add(e.path, moduleFile(ctx.header, e.render()));
    if (e.enable) imports.push(e.path);
    else disabled.push({ path: e.path, ...(e.description === undefined ? {} : { description: e.description }) });
  }
  add("host.nix", moduleFile(ctx.header, { body: hostBody(ctx) }));
  return { files, imports, disabled };
}

/**
 * The default layout, seed 000's repository: the host's modules ({@link flatHostTree}),
 * `flake.nix` importing them, and the secret backend's rules file.
 */
export function renderFlat(ctx: RenderContext): Map<string, NixFile> {
  const tree = flatHostTree(ctx);
  const files = new Map(tree.files);
  const modules: FlakeModule[] = [...userModules(ctx.host).map(asFlakeModule), ...tree.imports.map((path) => ({ path }))];
  files.set("flake.nix", n.file(ctx.header, flakeBody(ctx.lab, ctx.host, ctx.backend, modules, tree.disabled)));
  addRulesFile(ctx, (path, file) => files.set(path, file));
  return files;
}

/**
 * The secret backend's rules file, when anything in the config is a secret and it is Nix
 * (`secrets/secrets.nix`; sops' `.sops.yaml` is a text file: see `renderTextFiles`).
 */
export function addRulesFile(ctx: RenderContext, add: (path: string, file: NixFile) => void): void {
  const secrets = allSecrets(ctx.facts.secrets);
  if (secrets.length === 0) return;
  const rules = ctx.backend.rulesFile(ctx.lab, secrets);
  if (rules.kind === "nix") add(rules.path, n.file(ctx.header, rules.body));
}

/** The first line of a description, for the flake's comment on a disabled module. */
export function firstLine(x: Container | HostService): { description?: string } {
  const first = descriptionLines(x.description)[0];
  return first === undefined ? {} : { description: first };
}
