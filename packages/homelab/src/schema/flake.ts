/**
 * Options of `homelab()` for the flake beyond what nixjs generates: `inputs` (with `follows`),
 * `modules` taken from inputs, `specialArgs`, `overlays`. Which input a reference names is
 * checked by `validate` (`unknown-flake-input`), which knows the secret backend's input too.
 */
import { z } from "./zod.ts";
import { isPlainObject } from "../config/plain.ts";
import { isSecret } from "../model/brand.ts";
import { isInputRef, type FlakeOverlay, type InputRef } from "../model/flake.ts";
import { flakeUrl, modulePath } from "./primitives.ts";

const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A flake input's name, as its outputs' argument (`disko`, `nixpkgs-unstable`). */
export const inputName = z
  .string({ error: 'expected an input name like "disko"' })
  .regex(INPUT_NAME, { error: 'expected an input name like "disko" (letters, digits, "_" and "-")' });

/** What `follows` names: one of our inputs, or an input of one (`"home-manager/nixpkgs"`). */
const followsPath = z
  .string({ error: 'expected the input it follows, like "nixpkgs"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_-]*(\/[A-Za-z_][A-Za-z0-9_-]*)*$/, { error: 'expected the input it follows, like "nixpkgs" or "home-manager/nixpkgs"' });

/**
 * One more flake input.
 * @example { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } }
 */
export const flakeInputSchema = z.strictObject(
  {
    /** The flake URL. @example url: "github:nix-community/home-manager/release-25.11" */
    url: flakeUrl,
    /**
     * Its own inputs that follow ours, by its input's name: `{ nixpkgs: "nixpkgs" }` makes it
     * use our nixpkgs (one nixpkgs in the lock file).
     * @example follows: { nixpkgs: "nixpkgs" }
     * @example follows: { nixpkgs: "nixpkgs", "flake-utils": "flake-utils" }
     */
    follows: z.record(inputName, followsPath, { error: 'expected { input: "ours" }, like { nixpkgs: "nixpkgs" }' }).optional(),
    /** `false`: a plain source tree, not a flake (`flake = false`). Default `true`. @example flake: false */
    flake: z.boolean({ error: "expected true or false (flake)" }).optional(),
  },
  { error: 'expected { url, follows }, like { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } }' },
);

/** A value made by `fromInput()`. */
export const inputRef = z.custom<InputRef>(isInputRef, { error: 'expected a value made by fromInput(input, "attribute.path")' });

/**
 * A module of the flake's list: a hand-written file relative to the output directory, or a
 * module an input provides.
 * @example "./hardware-configuration.nix"
 * @example fromInput("disko", "nixosModules.disko")
 */
export const flakeModule = z.union([modulePath, inputRef], {
  error: 'expected a relative path like "./hardware-configuration.nix" or fromInput("disko", "nixosModules.disko")',
});

/** Arguments NixOS or nixjs passes to every module already: a special argument cannot take their name. */
export const RESERVED_SPECIAL_ARGS: readonly string[] = Object.freeze(["config", "domain", "inputs", "lib", "modulesPath", "options", "pkgs", "specialArgs"]);

/** Why `value` cannot be a special argument, with the path below it; undefined when it can. */
function specialArgProblem(value: unknown, path: readonly (string | number)[]): { path: (string | number)[]; message: string; value: unknown } | undefined {
  if (isInputRef(value) || value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { path: [...path], message: "expected a finite number", value };
  if (isSecret(value)) {
    return { path: [...path], message: "a secret cannot be a special argument (flake.nix has no config to find its path in); use it in a module's config", value };
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = specialArgProblem(v, [...path, i]);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = specialArgProblem(v, [...path, k]);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  return { path: [...path], message: "expected plain data (strings, numbers, booleans, null, lists, objects) or fromInput(…)", value };
}

/**
 * Further `specialArgs` of `nixosSystem`, by name: plain data and input references.
 * @example specialArgs: { role: "server", disks: ["/dev/nvme0n1"], hardware: fromInput("nixos-hardware", "nixosModules") }
 */
export const specialArgsSchema = z
  .record(
    z
      .string({ error: 'expected an argument name like "role"' })
      .regex(/^[A-Za-z_][A-Za-z0-9_'-]*$/, { error: 'expected an argument name like "role"' })
      .refine((k) => !RESERVED_SPECIAL_ARGS.includes(k), {
        error: (issue) => `${String(issue.input)} is an argument every module gets already (${RESERVED_SPECIAL_ARGS.join(", ")}); pick another name`,
      }),
    z.unknown().check((ctx) => {
      const p = specialArgProblem(ctx.value, []);
      if (p !== undefined) ctx.issues.push({ code: "custom", message: p.message, input: p.value, path: p.path });
    }),
    { error: "expected { name: value }" },
  );

const PACKAGES_FROM = Symbol.for("@nixjs/homelab.packages-from");

/**
 * Marks an overlay made by `packagesFrom()`.
 * @example markPackagesFrom({ kind: "packages-from", input: "nixpkgs-unstable", as: "unstable", config: {} })
 */
export function markPackagesFrom<T extends Extract<FlakeOverlay, { kind: "packages-from" }>>(o: T): T {
  Object.defineProperty(o, PACKAGES_FROM, { value: true, enumerable: false });
  return Object.freeze(o);
}

/** True for a value made by `packagesFrom()`. */
export function isPackagesFrom(value: unknown): value is Extract<FlakeOverlay, { kind: "packages-from" }> {
  return typeof value === "object" && value !== null && (value as { [PACKAGES_FROM]?: boolean })[PACKAGES_FROM] === true;
}

/**
 * An overlay: an input's (`fromInput("nur", "overlays.default")`), or a second nixpkgs as
 * `pkgs.<as>` (`packagesFrom("nixpkgs-unstable", { as: "unstable" })`).
 */
export const overlaySchema = z.union([inputRef, z.custom<FlakeOverlay>(isPackagesFrom)], {
  error: 'expected fromInput("nur", "overlays.default") or packagesFrom("nixpkgs-unstable", { as: "unstable" })',
});

/** `homelab()`'s flake options, spread into its schema. */
export const flakeShape = {
  /**
   * More flake inputs, by name, each with the inputs of its own that follow ours. `nixpkgs`
   * and the secret backend's input (`agenix`, `sops-nix`) are generated: do not list them.
   * @example inputs: { disko: { url: "github:nix-community/disko", follows: { nixpkgs: "nixpkgs" } },
   *   impermanence: { url: "github:nix-community/impermanence" } }
   */
  inputs: z.record(inputName, flakeInputSchema, { error: "expected { name: { url, follows } }" }).optional(),
  /**
   * Further arguments of every module (`specialArgs` of `nixosSystem`), after `inputs` and
   * `domain`: plain data, and values of inputs (`fromInput(…)`).
   * @example specialArgs: { role: "server" }
   */
  specialArgs: specialArgsSchema.optional(),
  /**
   * Overlays of the host's nixpkgs (`nixpkgs.overlays`), in order.
   * @example overlays: [fromInput("nur", "overlays.default"), packagesFrom("nixpkgs-unstable", { as: "unstable" })]
   */
  overlays: z.array(overlaySchema).optional(),
};
