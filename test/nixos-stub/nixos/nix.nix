# nix.* (nixos/modules/config/nix.nix): `nix.settings` is free-form nix.conf with the common
# keys typed as NixOS types them; the rest of nix.* is declared loosely.
{ lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  confAtom = types.nullOr (types.oneOf [ types.bool types.int types.float types.str types.path types.package ])
    // { description = "Nix config atom (null, bool, int, float, str, path or package)"; };
  confValue = types.either confAtom (types.listOf confAtom);
in
{
  options.nix = {
    enable = opt types.bool true;
    package = opt types.package pkgs.nix;
    settings = opt
      (types.submodule {
        freeformType = types.attrsOf confValue;
        options = {
          max-jobs = opt (types.either types.int (types.enum [ "auto" ])) "auto";
          auto-optimise-store = opt types.bool false;
          cores = opt types.int 0;
          sandbox = opt (types.either types.bool (types.enum [ "relaxed" ])) true;
          substituters = opt (types.listOf types.str) [ ];
          trusted-substituters = opt (types.listOf types.str) [ ];
          trusted-public-keys = opt (types.listOf types.str) [ ];
          trusted-users = opt (types.listOf types.str) [ "root" ];
          allowed-users = opt (types.listOf types.str) [ "*" ];
          experimental-features = opt (types.listOf types.str) [ ];
          system-features = opt (types.listOf types.str) [ ];
        };
      }) { };
    gc = opt (types.attrsOf types.anything) { };
    optimise = opt (types.attrsOf types.anything) { };
    extraOptions = opt types.lines "";
    nixPath = opt (types.listOf types.str) [ ];
    registry = opt (types.attrsOf types.anything) { };
    channel.enable = opt types.bool true;
    distributedBuilds = opt types.bool false;
    buildMachines = opt (types.listOf types.attrs) [ ];
  };
}
