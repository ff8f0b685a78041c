# Evaluates a NixOS system like nixpkgs' nixos/lib/eval-config.nix: the base modules plus the
# given ones, with `pkgs` and `modulesPath` as module arguments and `specialArgs` on top.
# Container guests are evaluated with this same function (see ./virtualisation/containers.nix).
# The resulting config carries `_module.options` (the evaluated option tree): ./check.nix reads
# it to tell defined options from defaults, as NixOS's own config carries `_module`.
{ lib, pkgs }:
{
  evalSystem = { modules, specialArgs ? { }, prefix ? [ ] }:
    let
      result = lib.evalModules {
        modules = import ./module-list.nix ++ modules;
        inherit prefix specialArgs;
        args = {
          inherit pkgs;
          # Nothing lives there: importing from modulesPath fails with "does not exist".
          modulesPath = "${pkgs.path}/nixos/modules";
        };
      };
    in
    result // {
      config = result.config // { _module = { inherit (result) options; }; };
      inherit pkgs;
    };
}
