# Options every NixOS system has: assertions/warnings (judged by ./check.nix the way building
# system.build.toplevel does), system.stateVersion (default and warning of the release),
# system.build.toplevel, nixpkgs.*, environment.*, time/i18n/console, and a few areas declared
# loosely (`attrsOf anything`) because nixjs never writes them but a hand-written module may.
{ config, options, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  loose = opt (types.attrsOf types.anything) { };
  strings = opt (types.listOf types.str) [ ];
  release = lib.trivial.release;

  etcModule = { name, config, ... }: {
    options = {
      enable = opt types.bool true;
      target = opt types.str name;
      text = opt (types.nullOr types.lines) null;
      source = mkOption { type = types.path; };
      mode = opt types.str "symlink";
      user = opt types.str "+0";
      group = opt types.str "+0";
      uid = opt types.int 0;
      gid = opt types.int 0;
    };
    config.source = lib.mkIf (config.text != null) (lib.mkDefault (pkgs.writeText "etc-${name}" config.text));
  };
in
{
  options = {
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; internal = true; };
    warnings = opt (types.listOf types.str) [ ];

    # nixos/modules/misc/version.nix: the default is the evaluated release, with a warning.
    system.stateVersion = opt types.str release;
    system.nixos.label = opt types.str "";
    system.nixos.release = mkOption { type = types.str; default = release; readOnly = true; };
    # `toplevel` stands for the built system: a derivation-shaped set whose evaluation performs
    # the check (./check.nix) that building the real one performs. Tools such as deploy-rs read it.
    system.build = opt (types.lazyAttrsOf types.unspecified) { };
    system.activationScripts = opt (types.attrsOf types.unspecified) { };
    meta = loose;
    documentation = loose;

    # Both have defaults so that forcing every value (./check.nix) only fails on a real error.
    nixpkgs.system = opt (types.nullOr types.str) null;
    nixpkgs.hostPlatform = mkOption {
      type = types.either types.str types.attrs;
      # The real error when neither is set (it surfaces when pkgs is built, i.e. always).
      default =
        if config.nixpkgs.system != null then config.nixpkgs.system
        else throw "Neither nixpkgs.hostPlatform nor the legacy option nixpkgs.system has been set.\nYou can set nixpkgs.hostPlatform in hardware-configuration.nix by re-running\na recent version of nixos-generate-config.\nThe option nixpkgs.system is still fully supported for NixOS 22.05 interoperability,\nbut will be deprecated in the future, so we recommend to set nixpkgs.hostPlatform.";
    };
    nixpkgs.buildPlatform = opt (types.either types.str types.attrs) config.nixpkgs.hostPlatform;
    nixpkgs.config = loose;
    nixpkgs.overlays = opt (types.listOf types.unspecified) [ ];
    nixpkgs.pkgs = opt types.attrs pkgs;

    environment.etc = opt (types.attrsOf (types.submodule etcModule)) { };
    environment.systemPackages = opt (types.listOf types.package) [ ];
    environment.variables = opt (types.attrsOf (types.either types.str (types.listOf types.str))) { };
    environment.sessionVariables = opt (types.attrsOf (types.either types.str (types.listOf types.str))) { };
    environment.shellAliases = opt (types.attrsOf (types.nullOr types.str)) { };

    # Declared loosely: nixjs does not write these, hand-written modules may.
    hardware = loose;
    programs = loose;
    security.sudo = loose;
    security.pam = loose;
    security.polkit = loose;
    security.apparmor = loose;
    security.wrappers = loose;
    security.rtkit = loose;
    console = loose;
    i18n = loose;
    powerManagement = loose;
    swapDevices = opt (types.listOf types.attrs) [ ];
    time.timeZone = opt (types.nullOr types.str) null;
  };

  config = {
    warnings = lib.optional (options.system.stateVersion.highestPrio == 1500)
      "system.stateVersion is not set, defaulting to ${release}. Read why this matters on https://nixos.org/manual/nixos/stable/options.html#opt-system.stateVersion.";
    system.build.toplevel = import ./toplevel.nix { inherit lib; } (config // { _module.options = options; });
  };
}
