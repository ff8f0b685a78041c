import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import { bindMountRule, writableMounts } from "../../facts/mounts.ts";
import type { Container, PodmanContainer } from "../../model/index.ts";
import { sortedUnique } from "../../util/order.ts";
import type { RenderContext } from "../core/context.ts";
import { descriptionLines, Sections } from "../core/sections.ts";
import type { FileBody } from "../core/module.ts";
import { nspawnValue } from "../core/nspawn.ts";
import { proxyLabels } from "../core/labels.ts";
import { networkDependencies, podmanStateRules, podmanValue } from "../core/podman.ts";
import { cfgBinding, cfgOption, exposes, mainOptions, optionPath, whenEnabled } from "./shared.ts";
import { dropShadowedMountRules, stateDirectoryRules } from "../core/files.ts";

function rulesList(rules: readonly string[]): NixExpr {
  return n.list(rules.map((r) => n.str(r)));
}

/**
 * `assertions` for the host-level secrets a Podman container reads (seed 001): switching it on
 * without the secret declared fails the build with a message naming both, instead of a
 * container that starts without its environment file.
 */
function secretAssertions(ctx: RenderContext, namespace: string, c: PodmanContainer): NixBinding[] {
  if (c.environmentFiles.length === 0) return [];
  const names = sortedUnique(c.environmentFiles.map((s) => s.name));
  const option = optionPath(namespace, c).join(".");
  return [
    n.bind(
      "assertions",
      n.list(
        names.map((name) => {
          const test = ctx.backend.declaredTest(name);
          return n.attrs([
            n.bind("assertion", test.assertion),
            n.bind("message", `${option} needs the ${ctx.backend.kind} secret ${name} (${test.option}, declared in host.nix)`),
          ]);
        }),
      ),
    ),
  ];
}

/**
 * `containers/<name>/index.nix` (seed 001): imports its options, and under
 * `lib.mkIf cfg.enable` defines the container (`cfg.port` where the route's port goes), its
 * state directories and its secret assertions.
 */
export function indexBody(ctx: RenderContext, c: Container, namespace: string, file: string): FileBody {
  const main = mainOptions(c);
  const s = new Sections();
  const comment = ["Container", ...descriptionLines(c.description)];
  let usesHostConfig = false;
  if (c.backend === "nspawn") {
    const value = nspawnValue(
      ctx,
      c,
      file,
      undefined,
      main === undefined ? undefined : { port: main.port, portExpr: main.portExpr },
      exposes(ctx, "autoStart") ? cfgOption("autoStart") : undefined,
    );
    usesHostConfig = value.usesHostConfig;
    s.add(comment, [n.bind(["containers", c.name], value.expr)]);
    const writable = dropShadowedMountRules(sortedUnique([...stateDirectoryRules(c), ...writableMounts(c).map((m) => bindMountRule(m.hostPath))]));
    if (writable.length > 0) {
      s.add("Host directories of writable bind mounts (created when missing, owner left alone)", [
        n.bind("systemd.tmpfiles.rules", rulesList(writable)),
      ]);
    }
  } else {
    s.add(comment, [
      n.bind(["virtualisation", "oci-containers", "containers", c.name], podmanValue(c, main?.port, main?.portExpr, proxyLabels(ctx, c, main), ctx.facts.release, exposes(ctx, "image") ? cfgOption("image") : undefined)),
      ...networkDependencies(c),
    ]);
    const rules = sortedUnique([...podmanStateRules(c), ...stateDirectoryRules(c)]);
    if (rules.length > 0) s.add("State directory", [n.bind("systemd.tmpfiles.rules", rulesList(rules))]);
    s.add("Secrets it reads", secretAssertions(ctx, namespace, c));
  }

  const body = n.attrs([
    n.bind("imports", n.list([n.path("./options.nix")])),
    n.bind("config", whenEnabled(s.toAttrs()), { blankLineBefore: true }),
  ]);
  return { body, bindings: [cfgBinding(namespace, c)], usesHostConfig };
}
