/**
 * `host.nix`: what the host needs for its containers, and only that, one named section each:
 * identity and state version; the secret backend's host declarations; NAT for private-network
 * containers; the host's own network and firewall (`host-network.ts`, from the facts, as the
 * checks see them); Podman; each proxy's own part; Podman networks; state directories.
 */
import { natComment, natInternal } from "./nat.ts";
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import { bindMountRule, writableMounts } from "../../facts/mounts.ts";
import { declaredIn } from "../../facts/secrets.ts";
import { HOST_SYSTEM } from "../../facts/systems.ts";
import { isPrivateNspawn } from "../../model/lookup.ts";
import { proxyProvider } from "../../proxies/index.ts";
import { compareCodeUnits, sortedUnique } from "../../util/order.ts";
import { placed, type RenderContext } from "./context.ts";
import { networkUnit, podmanStateRules } from "./podman.ts";
import { podUnits } from "./podman-runtime.ts";
import { Sections } from "./sections.ts";
import { firewallSection, networkSection } from "./host-network.ts";
import { openingsSection } from "../fleet/openings.ts";
import { dropShadowedMountRules, stateDirectoryRules as fileStateRules } from "./files.ts";

type Section = readonly [comment: string | readonly string[] | undefined, bindings: readonly NixBinding[]];

function list(values: readonly (string | number)[]): NixExpr {
  return n.list(values.map((v) => (typeof v === "number" ? n.int(v) : n.str(v))));
}

function identity(ctx: RenderContext): Section {
  const { host } = ctx;
  return [
    undefined,
    [
      n.bind("networking.hostName", host.name),
      ...(host.network.nftables ? [n.bind("networking.nftables.enable", true)] : []),
      n.bind("nixpkgs.hostPlatform", host.system),
      n.bind("system.stateVersion", host.stateVersion),
    ],
  ];
}

function secrets(ctx: RenderContext): Section {
  const own = declaredIn(ctx.facts.secrets, HOST_SYSTEM);
  if (own.length === 0) return [undefined, []];
  return [`${ctx.backend.kind}: secrets the host decrypts with its own key`, ctx.backend.hostDeclarations(own, ctx.host.identityPaths, placed(ctx, "host.nix"))];
}

/** NAT (`ve-+`, or `ve-*` under nftables, whose wildcard differs). */
function nat(ctx: RenderContext): Section {
  if (!ctx.containers.some((c) => c.enable && isPrivateNspawn(c))) return [undefined, []];
  const { network } = ctx.host;
  const value = [
    n.bind("enable", true),
    ...natInternal(ctx),
    ...(network.externalInterface === undefined ? [] : [n.bind("externalInterface", network.externalInterface)]),
  ];
  return [natComment(ctx), [n.bind("networking.nat", n.attrs(value))]];
}

function podman(ctx: RenderContext): Section {
  if (!ctx.containers.some((c) => c.enable && c.backend === "podman")) return [undefined, []];
  return [
    "Podman runs the OCI containers",
    [n.bind("virtualisation.podman.enable", true), n.bind("virtualisation.oci-containers.backend", "podman")],
  ];
}

/** Custom Podman networks enabled containers join. */
function podmanNetworks(ctx: RenderContext): string[] {
  return sortedUnique(ctx.containers.flatMap((c) => (c.enable && c.backend === "podman" ? c.networks : [])));
}

function networks(ctx: RenderContext): Section {
  const bindings = podmanNetworks(ctx).map((net) =>
    n.bind(
      ["systemd", "services", networkUnit(net)],
      n.attrs([
        n.bind("description", `Podman network ${net}`),
        n.bind("serviceConfig", n.attrs([n.bind("Type", "oneshot"), n.bind("RemainAfterExit", true)])),
        n.bind("path", n.list([n.select("config.virtualisation.podman.package")])),
        n.bind("script", n.indented(`podman network exists ${net} || podman network create ${net}\n`)),
      ]),
    ),
  );
  return ["Podman networks, created once; the containers that join one require its unit", bindings];
}

/** Directories that must exist on the host before a container starts. */
function stateDirectoryRules(ctx: RenderContext): string[] {
  const rules = new Set<string>();
  for (const c of ctx.containers) {
    if (!c.enable) continue;
    for (const r of fileStateRules(c)) rules.add(r);
    if (c.backend === "podman") for (const r of podmanStateRules(c)) rules.add(r);
    else for (const m of writableMounts(c)) rules.add(bindMountRule(m.hostPath));
  }
  return dropShadowedMountRules([...rules]).sort(compareCodeUnits);
}

/** The body of `host.nix`; the modules layout keeps state directories in each container's module. */
export function hostBody(ctx: RenderContext, options: { readonly stateDirectories: boolean } = { stateDirectories: true }): NixExpr {
  const s = new Sections();
  for (const [comment, bindings] of [identity(ctx), networkSection(ctx), secrets(ctx), nat(ctx), firewallSection(ctx), openingsSection(ctx), podman(ctx)]) s.add(comment, bindings);
  for (const p of ctx.host.proxies) for (const section of proxyProvider(p).hostSections(ctx, p)) s.add(section.comment, section.bindings);
  s.add(...networks(ctx));
  s.add(...podUnits(ctx, networkUnit));
  const rules = options.stateDirectories ? stateDirectoryRules(ctx) : [];
  if (rules.length > 0) s.add("State directories of the containers, created when missing", [n.bind("systemd.tmpfiles.rules", list(rules))]);
  return s.toAttrs();
}
