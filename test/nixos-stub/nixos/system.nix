# Options every NixOS system has: assertions/warnings (judged by ./check.nix the way building
# system.build.toplevel does), system.stateVersion, nixpkgs.*, boot.*, environment.*, users.*,
# systemd units and tmpfiles, and a few areas declared loosely (`attrsOf anything`) because
# nixjs never writes them but a user's hand-written module may.
{ config, options, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  loose = opt (types.attrsOf types.anything) { };
  strings = opt (types.listOf types.str) [ ];

  # NixOS declares every systemd unit key; here the usual ones are typed and the rest is
  # free-form (looser: a misspelt unit key is not caught).
  unitModule = {
    freeformType = types.attrsOf types.anything;
    options = {
      enable = opt types.bool true;
      description = opt types.str "";
      wantedBy = strings; requiredBy = strings; upheldBy = strings;
      wants = strings; requires = strings; after = strings; before = strings;
      bindsTo = strings; partOf = strings; conflicts = strings; requisite = strings;
      onFailure = strings; onSuccess = strings; aliases = strings; documentation = strings;
      unitConfig = loose;
      restartTriggers = opt (types.listOf types.unspecified) [ ];
      reloadTriggers = opt (types.listOf types.unspecified) [ ];
    };
  };
  serviceModule = {
    imports = [ unitModule ];
    options = {
      serviceConfig = loose;
      environment = opt (types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]))) { };
      path = opt (types.listOf (types.either types.package types.str)) [ ];
      script = opt types.lines "";
      scriptArgs = opt types.str "";
      preStart = opt types.lines "";
      postStart = opt types.lines "";
      reload = opt types.lines "";
      preStop = opt types.lines "";
      postStop = opt types.lines "";
      restartIfChanged = opt types.bool true;
      reloadIfChanged = opt types.bool false;
      stopIfChanged = opt types.bool true;
      startAt = opt (types.either types.str (types.listOf types.str)) [ ];
    };
  };

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

  # users: the usual keys typed, the rest free-form (looser than NixOS).
  userModule = { name, ... }: {
    freeformType = types.attrsOf types.anything;
    options = {
      name = opt types.str name;
      isSystemUser = opt types.bool false;
      isNormalUser = opt types.bool false;
      group = opt types.str "";
      extraGroups = strings;
      uid = opt (types.nullOr types.int) null;
      home = opt types.str "/var/empty";
      createHome = opt types.bool false;
      description = opt types.str "";
      linger = opt (types.nullOr types.bool) null;
    };
  };
  groupModule = { name, ... }: {
    freeformType = types.attrsOf types.anything;
    options = {
      name = opt types.str name;
      gid = opt (types.nullOr types.int) null;
      members = strings;
    };
  };
  stateVersionDefault = "25.05";
in
{
  options = {
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; internal = true; };
    warnings = opt (types.listOf types.str) [ ];

    system.stateVersion = opt types.str stateVersionDefault;
    system.nixos.label = opt types.str "";
    meta = loose;

    # Both have defaults so that forcing every value (./check.nix) only fails on a real error.
    nixpkgs.system = opt (types.nullOr types.str) null;
    nixpkgs.hostPlatform = mkOption {
      type = types.either types.str types.attrs;
      # The real error when neither is set (it surfaces when pkgs is built, i.e. always).
      default =
        if config.nixpkgs.system != null then config.nixpkgs.system
        else throw "Neither nixpkgs.hostPlatform nor the legacy option nixpkgs.system has been set.\nYou can set nixpkgs.hostPlatform in hardware-configuration.nix by re-running\na recent version of nixos-generate-config.\nThe option nixpkgs.system is still fully supported for NixOS 22.05 interoperability,\nbut will be deprecated in the future, so we recommend to set nixpkgs.hostPlatform.";
    };
    nixpkgs.config = loose;
    nixpkgs.overlays = opt (types.listOf types.unspecified) [ ];

    boot.isNspawnContainer = opt types.bool false;
    boot.isContainer = opt types.bool config.boot.isNspawnContainer;
    boot.kernel.sysctl = loose;
    boot.kernelModules = strings;
    boot.kernelParams = strings;
    boot.kernelPackages = opt types.attrs { kernel = { version = "6.6.0"; }; };
    boot.loader = loose;
    boot.initrd = loose;
    boot.tmp = loose;

    environment.etc = opt (types.attrsOf (types.submodule etcModule)) { };
    environment.systemPackages = opt (types.listOf types.package) [ ];
    environment.variables = opt (types.attrsOf (types.either types.str (types.listOf types.str))) { };
    environment.sessionVariables = opt (types.attrsOf (types.either types.str (types.listOf types.str))) { };

    users.users = opt (types.attrsOf (types.submodule userModule)) { };
    users.groups = opt (types.attrsOf (types.submodule groupModule)) { };
    users.mutableUsers = opt types.bool true;

    systemd.services = opt (types.attrsOf (types.submodule serviceModule)) { };
    systemd.targets = opt (types.attrsOf (types.submodule unitModule)) { };
    systemd.timers = opt (types.attrsOf (types.submodule unitModule)) { };
    systemd.sockets = opt (types.attrsOf (types.submodule unitModule)) { };
    systemd.tmpfiles.rules = strings;
    systemd.tmpfiles.settings = opt (types.attrsOf (types.attrsOf (types.attrsOf loose.type))) { };

    # Declared loosely: nixjs does not write these, hand-written modules may.
    fileSystems = loose;
    hardware = loose;
    nix = loose;
    programs = loose;
    security = loose;
    console = loose;
    i18n = loose;
    time.timeZone = opt (types.nullOr types.str) null;
  };

  config.warnings = lib.optional (options.system.stateVersion.highestPrio == 1500)
    "system.stateVersion is not set, defaulting to ${stateVersionDefault}. Read why this matters on https://nixos.org/manual/nixos/stable/options.html#opt-system.stateVersion.";
}
