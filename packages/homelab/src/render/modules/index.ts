import { n, type NixFile } from "@nixjs/expr-printer";
import { PROXY_PROVIDERS, proxyProvider } from "../../proxies/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import type { RenderContext } from "../core/context.ts";
import { flakeBody } from "../core/flake.ts";
import { asFlakeModule, userModules } from "../core/flake-extras.ts";
import { hostBody } from "../core/host.ts";
import { moduleFile, type FileBody } from "../core/module.ts";
import { serviceBody } from "../core/services.ts";
import { addRulesFile, firstLine, type HostTree } from "../flat.ts";
import { indexBody } from "./container.ts";
import { optionsBody } from "./options.ts";
import { PROFILE, profileBody, type ProfileImport } from "./profile.ts";
import { routeFileBody } from "./routes.ts";
import { authDnsFiles, generatedBody } from "../../auth/files.ts";

/**
 * The `modules` layout (seed 001): per container `containers/<name>/options.nix` and
 * `index.nix` (`lib.mkIf cfg.enable`), routes under `containers/<proxy>/routes/`, each proxy's
 * own files (Traefik in `containers/traefik/index.nix` or `services/traefik.nix`), host
 * services in `services/`, and `profiles/server.nix`, which imports them all and sets each
 * container's `enable`. `flake.nix` imports the profile.
 */
export function renderModules(ctx: RenderContext, namespace: string): Map<string, NixFile> {
  const tree = modulesHostTree(ctx, namespace);
  const files = new Map(tree.files);
  const modules = [...userModules(ctx.host).map(asFlakeModule), ...tree.imports.map((path) => ({ path }))];
  files.set("flake.nix", n.file(ctx.header, flakeBody(ctx.lab, ctx.host, ctx.backend, modules, [])));
  addRulesFile(ctx, (path, file) => files.set(path, file));
  return files;
}

/**
 * The modules layout's modules of one host: per container its options and index, routes,
 * proxy, auth, DNS and service files, `profiles/server.nix` importing them, and `host.nix`;
 * the flake (or a fleet host's `default.nix`) imports the profile.
 */
export function modulesHostTree(ctx: RenderContext, namespace: string): HostTree {
  const files = new Map<string, NixFile>();
  const add = (path: string, body: FileBody): void => {
    if (files.has(path)) throw new Error(`render: two files would be written to ${path}`);
    files.set(path, moduleFile(ctx.header, body));
  };
  const containers: ProfileImport[] = [];
  const routes: ProfileImport[] = [];
  const others: ProfileImport[] = [];
  for (const c of ctx.containers) {
    const dir = `containers/${c.name}`;
    add(`${dir}/options.nix`, { body: optionsBody(ctx, c, namespace) });
    add(`${dir}/index.nix`, indexBody(ctx, c, namespace, `${dir}/index.nix`));
    containers.push({ path: `${dir}/index.nix`, enable: true });
    for (const provider of PROXY_PROVIDERS) {
      const proxy = ctx.host.proxies.find((p) => p.kind === provider.kind);
      const body = proxy === undefined ? undefined : routeFileBody(ctx, provider, proxy, c, namespace);
      if (body === undefined) continue;
      const path = `containers/${provider.kind}/routes/${c.name}.nix`;
      add(path, body);
      routes.push({ path, enable: true });
    }
  }
  for (const p of ctx.host.proxies) {
    const provider = proxyProvider(p);
    for (const f of provider.files(ctx.lab, p)) {
      add(f.path, provider.renderFile(ctx, p, f));
      others.push({ path: f.path, enable: true });
    }
  }
  for (const f of authDnsFiles(ctx)) {
    add(f.path, generatedBody(f, namespace));
    others.push({ path: f.path, enable: true });
  }
  for (const svc of ctx.services) {
    const path = `services/${svc.name}.nix`;
    add(path, serviceBody(svc));
    others.push({ path, enable: svc.enable, ...firstLine(svc) });
  }
  const byPath = (a: ProfileImport, b: ProfileImport): number => compareCodeUnits(a.path, b.path);
  add(PROFILE, { body: profileBody(ctx, namespace, [...containers, ...routes.sort(byPath), ...others.sort(byPath)]) });
  add("host.nix", { body: hostBody(ctx, { stateDirectories: false }) });
  return { files, imports: [PROFILE], disabled: [] };
}
