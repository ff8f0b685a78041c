/**
 * The flake's own inputs: every `fromInput()` reference (a module, an overlay, a special
 * argument), `packagesFrom()` and `follows` names an input the flake has, and no input of the
 * user is named like one nixjs generates (`nixpkgs`, the secret backend's `agenix`/`sops-nix`).
 */
import { isPlainObject } from "../../config/plain.ts";
import { isInputRef } from "../../model/flake.ts";
import { atHomelab, type CheckContext } from "../context.ts";

/** The input references inside a special argument's value, with their path below it. */
function refsIn(value: unknown, path: (string | number)[], out: { input: string; path: (string | number)[] }[]): void {
  if (isInputRef(value)) out.push({ input: value.input, path });
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
  const unknown = (input: string, at: (string | number)[], what: string): void => {
    if (names.has(input) && input !== "self") return;
    ctx.report.error("unknown-flake-input", atHomelab(host, ...at), `${what} names the input ${input}, which the flake does not have (it has ${known}): add it to inputs (inputs: { ${input}: { url: "github:owner/${input}" } }) or fix the name`);
  };
  for (const input of setup.inputs) {
    if (generated.includes(input.name)) {
      ctx.report.error("flake-input-reserved", atHomelab(host, "inputs", input.name), `nixjs generates the input ${input.name} itself (${input.name === "nixpkgs" ? "set homelab({ nixpkgs }) or nixos to change it" : input.name === "self" ? "self is the flake itself" : "the secret backend's"}): remove it from inputs`);
    }
    for (const [own, ours] of input.follows) unknown(ours.split("/")[0]!, ["inputs", input.name, "follows", own], `inputs.${input.name}.follows.${own}`);
  }
  setup.modules.forEach((m, i) => {
    if (m.kind === "input-ref") unknown(m.input, ["modules", i], `modules[${i}]`);
  });
  setup.overlays.forEach((o, i) => unknown(o.input, ["overlays", i], `overlays[${i}]`));
  for (const [name, value] of Object.entries(setup.specialArgs)) {
    const refs: { input: string; path: (string | number)[] }[] = [];
    refsIn(value, ["specialArgs", name], refs);
    for (const r of refs) unknown(r.input, r.path, r.path.join("."));
  }
}
