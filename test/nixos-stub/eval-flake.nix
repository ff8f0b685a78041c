# Entry point of the harness: calls a generated flake's `outputs` with stand-in inputs — `self`,
# `nixpkgs` (whose lib.nixosSystem evaluates with the stand-in modules) and `agenix` — and
# returns one host's evaluated system, its check (./nixos/check.nix) and a JSON-safe printer.
# Used by eval-server.ts; usable by hand:
#   nix-instantiate --store dummy:// --eval --strict --json -E \
#     '(import ./eval-flake.nix { flakeDir = /path/to/server; host = "homelab"; }).check'
{ flakeDir, host, extraModules ? [ ] }:
let
  lib = import ./lib;
  pkgs = import ./pkgs.nix { inherit lib; };
  nixos = import ./nixos { inherit lib pkgs; };
  root = toString flakeDir;

  # nixpkgs.lib.nixosSystem: eval-config.nix's arguments (an unknown one is an error there too).
  nixosSystem =
    { modules
    , specialArgs ? { }
    , system ? null
    , extraModules ? [ ]
    , prefix ? [ ]
    , lib ? null
    , pkgs ? null
    , baseModules ? null
    , modulesLocation ? null
    , check ? true
    }:
    nixos.evalSystem {
      inherit prefix specialArgs;
      # Wrapped so the modules listed in flake.nix name it as the file that imports them.
      modules = [ { _file = "${root}/flake.nix"; imports = modules; } ] ++ extraModules ++ harnessModules
        ++ lib'.optional (system != null) { _file = "nixpkgs.lib.nixosSystem"; nixpkgs.system = lib'.mkDefault system; };
    };
  lib' = lib;
  harnessModules = map (m: { _file = "evalServer extraModules"; imports = [ m ]; }) extraModules;

  stubInputs = {
    nixpkgs = {
      _type = "flake";
      outPath = pkgs.path;
      lib = lib // { inherit nixosSystem; };
      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: import ./pkgs.nix { inherit lib system; });
      nixosModules = { };
    };
    # agenix exports its module as a path, so importing it twice stays one module.
    agenix = {
      _type = "flake";
      outPath = "${pkgs.path}-agenix";
      nixosModules = { default = ./agenix/age.nix; age = ./agenix/age.nix; };
      packages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (_: { default = pkgs.agenix; agenix = pkgs.agenix; });
    };
  };

  flake = import (flakeDir + "/flake.nix");
  # Inputs the flake declares or names in `outputs`' arguments; unknown ones get a placeholder
  # that fails on first use.
  inputNames = lib.unique (lib.attrNames (flake.inputs or { }) ++ lib.attrNames (builtins.functionArgs flake.outputs));
  placeholder = name: { _type = "flake"; outPath = "${pkgs.path}-input-${name}"; };
  inputs = lib.genAttrs (lib.remove "self" inputNames) (name: stubInputs.${name} or (placeholder name)) // { inherit self; };
  outputs = flake.outputs inputs;
  self = outputs // { _type = "flake"; outPath = root; inherit inputs outputs; sourceInfo.outPath = root; };

  configurations = outputs.nixosConfigurations or { };
  system = configurations.${host} or (throw
    "flake.nix has no nixosConfigurations.${host} (it has: ${lib.concatStringsSep ", " (lib.attrNames configurations)})");

  # Values as JSON can carry them: paths inside the flake as "./relative", packages as their
  # store path, functions as a marker (nothing is copied to the store).
  toJSONable = v:
    if lib.isPath v then
      (let s = toString v; in if lib.hasPrefix "${root}/" s then "./${lib.removePrefix "${root}/" s}" else s)
    else if lib.isFunction v then "<function>"
    else if lib.isAttrs v then (if v ? outPath then toString v.outPath else lib.mapAttrs (_: toJSONable) v)
    else if lib.isList v then map toJSONable v
    else v;
in
{
  inherit (system) config options;
  inherit lib outputs toJSONable;
  check = import ./nixos/check.nix { inherit lib; } system.config;
}
