/**
 * The parts of `flake.nix` a host's {@link FlakeSetup} adds: its inputs (with `follows`), input
 * modules as `inputs.<input>.<path>`, further `specialArgs`, and an inline module setting
 * `nixpkgs.overlays`. Each is empty for a host without a setup, so its flake stays as before.
 */
import { n, type NixBinding, type NixExpr } from "@nixjs/expr-printer";
import { isPlainObject } from "../../config/plain.ts";
import type { FlakeInputSpec, FlakeModuleRef, FlakeOverlay, Host, InputRef } from "../../model/index.ts";
import { isInputRef } from "../../model/flake.ts";
import { compareCodeUnits } from "../../util/order.ts";
import { dataToNix, dataToTree } from "./data.ts";

/**
 * `inputs.<input>.<path>`: the flake's outputs bind every input as `inputs` (`@inputs`).
 * @example inputRefExpr(fromInput("disko", "nixosModules.disko")) // inputs.disko.nixosModules.disko
 */
export function inputRefExpr(ref: InputRef): NixExpr {
  return n.select(n.id("inputs"), [ref.input, ...ref.path]);
}

/**
 * `disko = { url = …; inputs.nixpkgs.follows = "nixpkgs"; };`, or `x.url = …;` when the url is
 * all there is (as `nixpkgs.url`).
 */
export function inputBinding(input: FlakeInputSpec): NixBinding {
  const rest: NixBinding[] = [
    ...(input.flake ? [] : [n.bind("flake", false)]),
    ...input.follows.map(([own, ours]) => n.bind(["inputs", own, "follows"], ours)),
  ];
  if (rest.length === 0) return n.bind([input.name, "url"], input.url);
  return n.bind(input.name, n.attrs([n.bind("url", input.url), ...rest]));
}

/** The host's further inputs, as bindings of `inputs`. */
export function extraInputs(host: Host): NixBinding[] {
  return (host.flake?.inputs ?? []).map(inputBinding);
}

/** One module of the user's list: a path, or an input's module. */
export function userModuleExpr(m: FlakeModuleRef, path: (p: string) => NixExpr): NixExpr {
  return m.kind === "path" ? path(m.path) : inputRefExpr(m);
}

/** The user's modules in their order: the setup's (with input modules), else the paths. */
export function userModules(host: Host): readonly FlakeModuleRef[] {
  return host.flake?.modules ?? host.modules.map((path) => ({ kind: "path" as const, path }));
}

/** A user module as the flake's list takes it (see `FlakeModule` in `flake.ts`). */
export function asFlakeModule(m: FlakeModuleRef): { readonly path: string } | { readonly ref: InputRef } {
  return m.kind === "path" ? { path: m.path } : { ref: m };
}

/** Plain data with input references replaced by their expressions, for `dataToNix`. */
function withInputRefs(value: unknown): unknown {
  if (isInputRef(value)) return inputRefExpr(value);
  if (Array.isArray(value)) return value.map(withInputRefs);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withInputRefs(v)]));
  return value;
}

/** Further `specialArgs` bindings, sorted by name (their order carries no meaning). */
export function extraSpecialArgs(host: Host): NixBinding[] {
  const args = host.flake?.specialArgs ?? {};
  return Object.keys(args)
    .sort(compareCodeUnits)
    .map((name) => n.bind(name, dataToNix(withInputRefs(args[name]), { hostConfig: "config", path: `specialArgs.${name}` })));
}

/**
 * `final: prev: { <as> = import inputs.<input> { inherit (final.stdenv.hostPlatform) system; config = …; }; }`:
 * a second nixpkgs for the host's platform (`final.system` is deprecated since 24.11).
 */
function overlayExpr(o: FlakeOverlay): NixExpr {
  if (o.kind === "input-ref") return inputRefExpr(o);
  const config = Object.fromEntries(Object.keys(o.config).sort(compareCodeUnits).map((k) => [k, o.config[k]]));
  const rest = Object.keys(config).length === 0 ? [] : dataToTree({ config }, { hostConfig: "config", path: `overlays.${o.as}` }).toBindings();
  const args = n.attrs([n.inherit(["system"], n.select("final.stdenv.hostPlatform")), ...rest]);
  return n.fn("final", n.fn("prev", n.attrs([n.bind(o.as, n.call("import", n.select(n.id("inputs"), [o.input]), args))])));
}

/** `{ nixpkgs.overlays = [ … ]; }`, a module of the flake's list; undefined without overlays. */
export function overlaysModule(host: Host): NixExpr | undefined {
  const overlays = host.flake?.overlays ?? [];
  if (overlays.length === 0) return undefined;
  return n.attrs([n.bind(["nixpkgs", "overlays"], n.list(overlays.map(overlayExpr)))]);
}
