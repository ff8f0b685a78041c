import type { SourceSite } from "./site.ts";

/**
 * The flake beyond what nixjs generates: further inputs (with `follows`), modules and overlays
 * taken from inputs, hand-written modules, and extra `specialArgs`. Absent on a host that uses
 * none of it, so its `flake.nix` stays as before.
 */

/** One more flake input: `inputs.<name> = { url = …; inputs.<x>.follows = …; }`. */
export interface FlakeInputSpec {
  /** The input's name, as the flake's outputs receive it (`disko`, `nixpkgs-unstable`). */
  readonly name: string;
  readonly url: string;
  /** `flake = false`: a plain source tree, not a flake (its outputs cannot be referenced). */
  readonly flake: boolean;
  /**
   * `inputs.<its input>.follows = "<ours>"`, sorted by its input's name: e.g. `{ nixpkgs: "nixpkgs" }`
   * so the input's nixpkgs is ours (one nixpkgs in the lock file, not two).
   */
  readonly follows: readonly (readonly [string, string])[];
}

/**
 * A value of a flake input's outputs: `inputs.<input>.<path>`, e.g.
 * `inputs.disko.nixosModules.disko`. Made by `fromInput()`; validate checks the input exists.
 */
export interface InputRef {
  readonly kind: "input-ref";
  readonly input: string;
  /** The attribute path below the input, e.g. `["nixosModules", "disko"]`. */
  readonly path: readonly string[];
  /** The `fromInput()` call, for diagnostics about the reference. */
  readonly site?: SourceSite;
}

/** A module of the flake's list: a hand-written file, or one taken from an input. */
export type FlakeModuleRef = { readonly kind: "path"; readonly path: string } | InputRef;

/**
 * An overlay of the host's nixpkgs (`nixpkgs.overlays`): one an input provides
 * (`inputs.nur.overlays.default`), or a second nixpkgs input made available as `pkgs.<as>`
 * (`pkgs.unstable.jellyfin`), imported for the host's platform.
 */
export type FlakeOverlay =
  | InputRef
  | {
      readonly kind: "packages-from";
      /** The nixpkgs-like input, e.g. `nixpkgs-unstable`. */
      readonly input: string;
      /** The attribute of `pkgs` it becomes, e.g. `unstable`. */
      readonly as: string;
      /** nixpkgs `config` for it, e.g. `{ allowUnfree: true }`. */
      readonly config: { readonly [name: string]: unknown };
      /** The `packagesFrom()` call. */
      readonly site?: SourceSite;
    };

/** A value of `specialArgs`: plain data with input references anywhere inside. */
export type SpecialArg = unknown;

/** What the host's flake has beyond the generated inputs and modules. */
export interface FlakeSetup {
  /** Further inputs, in declaration order. */
  readonly inputs: readonly FlakeInputSpec[];
  /** The user's modules (`modules` of `homelab()`), files and input modules, in their order. */
  readonly modules: readonly FlakeModuleRef[];
  /** Further `specialArgs`, by name (after `inputs` and `domain`). */
  readonly specialArgs: { readonly [name: string]: SpecialArg };
  readonly overlays: readonly FlakeOverlay[];
}

const INPUT_REFS_KEY = Symbol.for("@nixjs/homelab.input-refs");

/** Input references are known by identity, in a set every copy of this package shares. */
const INPUT_REFS: WeakSet<object> = ((globalThis as { [INPUT_REFS_KEY]?: WeakSet<object> })[INPUT_REFS_KEY] ??= new WeakSet());

/**
 * Marks a frozen `{ kind: "input-ref", … }` as made by `fromInput()`.
 * @example registerInputRef({ kind: "input-ref", input: "disko", path: ["nixosModules", "disko"] })
 */
export function registerInputRef(ref: InputRef): InputRef {
  const frozen = Object.freeze({ ...ref, path: Object.freeze([...ref.path]) });
  INPUT_REFS.add(frozen);
  return frozen;
}

/** True for a value made by `fromInput()`. @example isInputRef(fromInput("disko", "nixosModules.disko")) // true */
export function isInputRef(value: unknown): value is InputRef {
  return typeof value === "object" && value !== null && INPUT_REFS.has(value);
}
