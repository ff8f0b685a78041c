import { z } from "../schema/zod.ts";
import { registerInputRef, type FlakeOverlay, type InputRef } from "../model/flake.ts";
import { inputName, markPackagesFrom } from "../schema/flake.ts";
import { captureSite } from "../site/capture.ts";
import { guardedValue } from "./collect.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

const attrPath = z
  .array(z.string().regex(/^[^\0".$]+$/, { error: "expected an attribute name" }), { error: "expected an attribute path" })
  .min(1, { error: 'expected an attribute path like "nixosModules.disko"' });

/**
 * A value of a flake input's outputs, written `inputs.<input>.<path>`: a module for `modules`
 * (`fromInput("disko", "nixosModules.disko")`), an overlay for `overlays`, a value for
 * `specialArgs`. The input is one of `homelab()`'s `inputs` (or `nixpkgs`, or the secret
 * backend's); `validate` reports one the flake does not have (`unknown-flake-input`).
 * @example modules: [fromInput("disko", "nixosModules.disko"), fromInput("impermanence", "nixosModules.impermanence")]
 * @example overlays: [fromInput("nur", "overlays.default")]
 */
export function fromInput(input: string, path: string | readonly string[]): InputRef {
  const site = captureSite(fromInput);
  const names = typeof path === "string" ? path.split(".") : [...path];
  return guardedValue(
    () => registerInputRef({ kind: "input-ref", input: "invalid", path: ["invalid"] }),
    () => {
      const label = callLabel("fromInput", input);
      const parsed = parseInput(attrPath, names, { label, site }, undefined, argumentProblems(inputName, input, "input"));
      return registerInputRef({ kind: "input-ref", input, path: parsed, site });
    },
  );
}

const packagesFromOptions = z.strictObject(
  {
    /** The attribute of `pkgs` the packages become. @example as: "unstable" */
    as: z
      .string({ error: 'expected an attribute name like "unstable"' })
      .regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, { error: 'expected an attribute name like "unstable"' }),
    /** nixpkgs `config` of that package set. @example config: { allowUnfree: true } */
    config: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()]), { error: "expected { allowUnfree: true }" }).optional(),
  },
  { error: 'expected { as: "unstable" }' },
);

/**
 * An overlay that makes a second nixpkgs input available as `pkgs.<as>`, imported for the
 * host's platform: `packagesFrom("nixpkgs-unstable", { as: "unstable" })` lets a module write
 * `pkgs.unstable.jellyfin`. The input is declared in `inputs`.
 * @example overlays: [packagesFrom("nixpkgs-unstable", { as: "unstable", config: { allowUnfree: true } })]
 */
export function packagesFrom(input: string, options: { readonly as: string; readonly config?: { readonly [name: string]: boolean | string | number } }): FlakeOverlay {
  const site = captureSite(packagesFrom);
  return guardedValue(
    () => markPackagesFrom({ kind: "packages-from", input: "invalid", as: "invalid", config: {} }),
    () => {
      const label = callLabel("packagesFrom", input);
      const o = parseInput(packagesFromOptions, options, { label, site }, undefined, argumentProblems(inputName, input, "input"));
      return markPackagesFrom({ kind: "packages-from", input, as: o.as, config: Object.freeze({ ...(o.config ?? {}) }), site });
    },
  );
}
