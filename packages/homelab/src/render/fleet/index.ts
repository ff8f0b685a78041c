/**
 * A fleet's tree (`homelab({ hosts })`): every host's modules under `hosts/<name>/` in the
 * lab's layout with a `default.nix` importing them, and at the root `flake.nix`, `fleet.nix`,
 * `common.nix` (with `defaults`) and the secret backend's rules file.
 */
import { n, type NixFile } from "@nixjs/expr-printer";
import { hostFacts } from "../../facts/host-facts.ts";
import type { Homelab } from "../../model/index.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { hostContext } from "../core/host-context.ts";
import { moduleFile } from "../core/module.ts";
import { flatHostTree } from "../flat.ts";
import { modulesHostTree } from "../modules/index.ts";
import { localSecretPaths } from "../secret-paths.ts";
import { commonBody } from "./common.ts";
import { defaultNixBody } from "./default-nix.ts";
import { fleetFactsBody } from "./facts-file.ts";
import { fleetFlakeBody } from "./flake.ts";
import { fleetSecrets } from "./rules.ts";

/** Where a fleet host's files go. @example hostDir("nas") // "hosts/nas/" */
export function hostDir(name: string): string {
  return `hosts/${name}/`;
}

/**
 * The Nix files of a fleet's tree, relative path → AST (unsorted; `render` sorts).
 * @example [...renderFleet(lab, header).keys()] // ["hosts/nas/default.nix", "hosts/nas/host.nix", …, "flake.nix", "fleet.nix"]
 */
export function renderFleet(lab: Homelab, header: string): Map<string, NixFile> {
  const files = new Map<string, NixFile>();
  const hosts = [...lab.hosts].sort((a, b) => compareCodeUnits(a.name, b.name));
  const first = hosts[0];
  if (first === undefined) return files;
  const backend = hostFacts(lab, first).backend;
  for (const host of hosts) {
    const ctx = hostContext(lab, host, header, hostDir(host.name));
    const tree = lab.layout.kind === "modules" ? modulesHostTree(ctx, lab.layout.namespace) : flatHostTree(ctx);
    // A secret's `path` as the backend names it (unchanged under agenix).
    for (const [path, file] of tree.files) files.set(`${ctx.dir}${path}`, localSecretPaths(ctx.backend, file));
    files.set(`${ctx.dir}default.nix`, moduleFile(header, { body: defaultNixBody(tree) }));
  }
  files.set("flake.nix", n.file(header, fleetFlakeBody(lab, backend)));
  files.set("fleet.nix", n.file(header, fleetFactsBody(lab)));
  const defaults = lab.fleet?.defaults;
  if (defaults !== undefined) files.set("common.nix", moduleFile(header, { body: commonBody(defaults) }));
  const secrets = fleetSecrets(lab, backend);
  if (secrets.length > 0) {
    const rules = backend.rulesFile(lab, secrets);
    if (rules.kind === "nix") files.set(rules.path, n.file(header, rules.body));
  }
  return files;
}
