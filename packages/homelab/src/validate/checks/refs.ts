/** References to other containers (`containerRef`) point at enabled private-network containers. */
import type { CheckContext } from "../context.ts";
import { at } from "../context.ts";

const ADDRESS_FIELDS = new Set(["localAddress", "hostAddress"]);

export function checkRefs(ctx: CheckContext): void {
  for (const scan of ctx.facts.configs) {
    for (const { ref, path } of scan.refs) {
      if (ref.path[0] !== "containers" || ref.path.length < 2) continue;
      const name = ref.path[1]!;
      const target = ctx.facts.byName.get(name)?.[0];
      const field = ref.path[2];
      const dotted = `config.${ref.path.join(".")}`;
      let why: string | undefined;
      if (target === undefined) why = `there is no container "${name}"`;
      else if (!target.enable) why = `container "${name}" is disabled, so its options are not defined`;
      else if (target.backend !== "nspawn") why = `"${name}" is a Podman container, not a NixOS container`;
      else if (field !== undefined && ADDRESS_FIELDS.has(field) && target.network !== "private") {
        why = `"${name}" shares the host's network and has no ${field}`;
      }
      if (why !== undefined) {
        ctx.report.error("ref-unknown", { ...scan.at, path }, `${dotted} cannot be evaluated: ${why}`, target === undefined ? [] : [at(target)]);
      }
    }
  }
}
