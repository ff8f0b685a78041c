# nix.* (nixos/modules/config/nix.nix): `nix.settings` is free-form nix.conf with the common
# keys typed as NixOS types them; `nix.gc` as services/misc/nix-gc.nix declares it in 25.11 and
# 26.05 (`dates` a string or a list since PR 405219, May 2025; the rename of `automatic` to
# `enable`, PR 453642, is not in either release); the rest of nix.* is declared loosely.
{ config, lib, pkgs, ... }:
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
    gc = {
      automatic = opt types.bool false;
      dates = mkOption { type = types.either types.singleLineStr (types.listOf types.str); default = [ "03:15" ]; apply = lib.toList; };
      randomizedDelaySec = opt types.singleLineStr "0";
      persistent = opt types.bool true;
      options = opt types.singleLineStr "";
    };
    optimise = opt (types.attrsOf types.anything) { };
    extraOptions = opt types.lines "";
    nixPath = opt (types.listOf types.str) [ ];
    registry = opt (types.attrsOf types.anything) { };
    channel.enable = opt types.bool true;
    distributedBuilds = opt types.bool false;
    buildMachines = opt (types.listOf types.attrs) [ ];
  };

  # nix-gc.nix: the collector's unit, started at `dates` when automatic.
  config = {
    assertions = [ { assertion = config.nix.gc.automatic -> config.nix.enable; message = "nix.gc.automatic requires nix.enable"; } ];
    systemd.services.nix-gc = lib.mkIf config.nix.enable {
      description = "Nix Garbage Collector";
      script = "exec ${config.nix.package.out or config.nix.package}/bin/nix-collect-garbage ${config.nix.gc.options}";
      serviceConfig.Type = "oneshot";
      startAt = lib.optionals config.nix.gc.automatic config.nix.gc.dates;
    };
    systemd.timers.nix-gc = lib.mkIf config.nix.gc.automatic {
      timerConfig = { RandomizedDelaySec = config.nix.gc.randomizedDelaySec; Persistent = config.nix.gc.persistent; };
    };
  };
}
