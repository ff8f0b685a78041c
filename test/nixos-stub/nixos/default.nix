# Evaluates a NixOS system like nixpkgs' nixos/lib/eval-config.nix: the base modules plus the
# given ones, with `pkgs` and `modulesPath` as module arguments and `specialArgs` on top.
# Container guests are evaluated with this same function (see ./virtualisation/containers.nix).
# The resulting config carries `_module.options` (the evaluated option tree): ./check.nix reads
# it to tell defined options from defaults, as NixOS's own config carries `_module`.
{ lib, pkgs }:
{
  evalSystem = { modules, specialArgs ? { }, prefix ? [ ] }:
    let
      withOverlays = overlays:
        if overlays == [ ] then pkgs
        else let final = builtins.foldl' (prev: overlay: prev // overlay final prev) pkgs overlays; in final;
      result = lib.evalModules {
        modules = import ./module-list.nix ++ modules;
        inherit prefix specialArgs;
        args = {
          # nixpkgs.overlays apply, as nixpkgs/nixos/modules/misc/nixpkgs.nix builds pkgs from
          # them: each overlay is `final: prev: { … }` over the stand-in packages.
          pkgs = withOverlays result.config.nixpkgs.overlays;
          # Nothing lives there: importing from modulesPath fails with "does not exist".
          modulesPath = "${pkgs.path}/nixos/modules";
        };
      };
    in
    result // {
      config = result.config // { _module = { inherit (result) options; }; };
      pkgs = withOverlays result.config.nixpkgs.overlays;
    };
}
