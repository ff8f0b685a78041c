/**
 * The flake's own inputs: every `fromInput()` reference (a module, an overlay, a special
 * argument), `packagesFrom()` and `follows` names an input the flake has, and no input of the
 * user is named like one nixjs generates (`nixpkgs`, the secret backend's `agenix`/`sops-nix`).
 */
import { isPlainObject } from "../../config/plain.ts";
import { isInputRef } from "../../model/flake.ts";
import type { SourceSite } from "../../model/index.ts";
import { atHomelab, type CheckContext } from "../context.ts";

/** A use of an input: its name, where in `homelab()`'s options, and the call that made it. */
interface Use {
  readonly input: string;
  readonly path: (string | number)[];
  readonly site?: SourceSite | undefined;
}

/** The input references inside a special argument's value, with their path below it. */
function refsIn(value: unknown, path: (string | number)[], out: Use[]): void {
  if (isInputRef(value)) out.push({ input: value.input, path, site: value.site });
  else if (Array.isArray(value)) value.forEach((v, i) => refsIn(v, [...path, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) refsIn(v, [...path, k], out);
}

export function checkFlake(ctx: CheckContext): void {
  const { host } = ctx;
  const setup = host.flake;
  if (setup === undefined) return;
  const generated = ["self", "nixpkgs", ctx.facts.backend.input.name];
  const names = new Set([...generated, ...setup.inputs.map((i) => i.name)]);
  const known = [...names].filter((x) => x !== "self").join(", ");
  const uses: Use[] = [];
  for (const input of setup.inputs) {
    if (generated.includes(input.name)) {
      const how = input.name === "nixpkgs" ? "set homelab({ nixpkgs }) or nixos to change it" : input.name === "self" ? "self is the flake itself" : "the secret backend's input";
      ctx.report.error("flake-input-reserved", atHomelab(host, "inputs", input.name), `nixjs generates the input ${input.name} itself (${how}): remove it from inputs`);
    }
    for (const [own, ours] of input.follows) uses.push({ input: ours.split("/")[0]!, path: ["inputs", input.name, "follows", own] });
  }
  setup.modules.forEach((m, i) => {
    if (m.kind === "input-ref") uses.push({ input: m.input, path: ["modules", i], site: m.site });
  });
  setup.overlays.forEach((o, i) => uses.push({ input: o.input, path: ["overlays", i], site: o.site }));
  for (const [name, value] of Object.entries(setup.specialArgs)) refsIn(value, ["specialArgs", name], uses);
  for (const use of uses) {
    if (names.has(use.input) && use.input !== "self") continue;
    const where = atHomelab(use.site === undefined ? host : { site: use.site }, ...use.path);
    const what = use.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
    ctx.report.error(
      "unknown-flake-input",
      where,
      `${what} names the input ${use.input}, which the flake does not have (it has ${known}): add it to inputs (inputs: { ${use.input}: { url: "github:owner/${use.input}" } }) or fix the name`,
    );
  }
}
