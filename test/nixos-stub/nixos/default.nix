# Evaluates a NixOS system like nixpkgs' nixos/lib/eval-config.nix: the base modules plus the
# given ones, with `pkgs` and `modulesPath` as module arguments and `specialArgs` on top.
# Container guests are evaluated with this same function (see ./containers.nix).
{ lib, pkgs }:
{
  evalSystem = { modules, specialArgs ? { }, prefix ? [ ] }:
    lib.evalModules {
      modules = import ./module-list.nix ++ modules;
      inherit prefix specialArgs;
      args = {
        inherit pkgs;
        # Nothing lives there: importing from modulesPath fails with "does not exist".
        modulesPath = "${pkgs.path}/nixos/modules";
      };
    } // { inherit pkgs; };
}
