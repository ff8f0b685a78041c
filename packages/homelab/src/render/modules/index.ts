import { n, type NixFile } from "@nixjs/expr-printer";
import type { RenderContext } from "../core/context.ts";
import { flakeBody } from "../core/flake.ts";
import { hostBody } from "../core/host.ts";
import { moduleFile, type FileBody } from "../core/module.ts";
import { recipientsBody } from "../core/recipients.ts";
import { allSecrets } from "../core/secrets.ts";
import { serviceBody, traefikContainer, traefikServiceBody } from "../core/services.ts";
import { indexBody } from "./container.ts";
import { optionsBody } from "./options.ts";
import { PROFILE, profileBody, type ProfileImport } from "./profile.ts";
import { caddyRouteBody, traefikRouteBody } from "./routes.ts";

/**
 * The `modules` layout (seed 001): per container `containers/<name>/options.nix` and
 * `index.nix` (`lib.mkIf cfg.enable`), routes under `containers/caddy/routes/` and
 * `containers/traefik/routes/`, Traefik itself in `containers/traefik/index.nix` (or
 * `services/traefik.nix`), host services in `services/`, and `profiles/server.nix`, which
 * imports them all and sets each container's `enable`. `flake.nix` imports the profile.
 */
export function renderModules(ctx: RenderContext, namespace: string): Map<string, NixFile> {
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
    const caddy = caddyRouteBody(ctx, c, namespace);
    if (caddy !== undefined) {
      add(`containers/caddy/routes/${c.name}.nix`, caddy);
      routes.push({ path: `containers/caddy/routes/${c.name}.nix`, enable: true });
    }
    const traefik = traefikRouteBody(ctx, c, namespace);
    if (traefik !== undefined) {
      add(`containers/traefik/routes/${c.name}.nix`, traefik);
      routes.push({ path: `containers/traefik/routes/${c.name}.nix`, enable: true });
    }
  }
  const traefik = ctx.lab.traefik;
  if (traefik?.mode === "container") {
    const path = "containers/traefik/index.nix";
    add(path, traefikContainer(ctx, traefik, path));
    others.push({ path, enable: true });
  } else if (traefik?.mode === "service") {
    add("services/traefik.nix", traefikServiceBody(traefik));
    others.push({ path: "services/traefik.nix", enable: true });
  }
  for (const svc of ctx.services) {
    const path = `services/${svc.name}.nix`;
    add(path, serviceBody(svc));
    const first = svc.description?.split("\n")[0];
    others.push({ path, enable: svc.enable, ...(first === undefined ? {} : { description: first }) });
  }
  const byPath = (a: ProfileImport, b: ProfileImport): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  add(PROFILE, { body: profileBody(ctx, namespace, [...containers, ...routes.sort(byPath), ...others.sort(byPath)]) });
  const modules = [...ctx.lab.modules.map((path) => ({ path })), { path: PROFILE }];
  files.set("flake.nix", n.file(ctx.header, flakeBody(ctx.lab, modules, [])));
  add("host.nix", { body: hostBody(ctx, { stateDirectories: false }) });
  if (allSecrets(ctx.lab).length > 0) files.set("secrets/secrets.nix", n.file(ctx.header, recipientsBody(ctx.lab)));
  return files;
}
