# services.traefik.* (nixos/modules/services/web-servers/traefik.nix): the same module in 25.11
# and 26.05 (docs/nixos/traefik.md: the static.*/dynamic.* refactor was merged to unstable in
# January 2026 and reverted in February, before 26.05 branched). Both configuration options are
# TOML values: any nesting of sets, lists and scalars, never `null`. Defining
# staticConfigOptions replaces its default entirely. The module creates the traefik user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  toml = (pkgs.formats.toml { }).type;
  cfg = config.services.traefik;
  releaseTable = { "25.11" = { }; "26.05" = { }; };
in
{
  options.services.traefik = lib.stub.pick "services.traefik" releaseTable // {
    enable = lib.mkEnableOption "Traefik web server";
    package = opt types.package pkgs.traefik;
    staticConfigOptions = opt toml { entryPoints.http.address = ":80"; };
    staticConfigFile = opt (types.nullOr types.path) null;
    dynamicConfigOptions = opt toml { };
    dynamicConfigFile = opt (types.nullOr types.path) null;
    plugins = opt (types.listOf types.package) [ ];
    dataDir = opt types.path "/var/lib/traefik";
    group = opt types.str "traefik";
    environmentFiles = opt (types.listOf types.path) [ ];
  };

  config = lib.mkIf cfg.enable {
    services.traefik.staticConfigOptions = lib.mkIf (cfg.plugins != [ ]) {
      experimental.localPlugins = lib.listToAttrs (map (p: lib.nameValuePair p.plugin { inherit (p) moduleName; }) cfg.plugins);
    };
    warnings = lib.optional (!lib.all (p: p._isTraefikPlugin or false) cfg.plugins) ''
      Some of the Traefik plugins in 'services.traefik.plugins' may be misconfigured.
      The following paths are built from derivations that do not have the '_isTraefikPlugin' attribute set to 'true':
      - ${lib.concatMapStringsSep "\n- " (p: toString p) (lib.filter (p: !(p._isTraefikPlugin or false)) cfg.plugins)}
    '';
    systemd.services.traefik = {
      description = "Traefik web server";
      wants = [ "network-online.target" ];
      after = [ "network-online.target" ];
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        EnvironmentFile = cfg.environmentFiles;
        User = "traefik";
        Group = cfg.group;
        ReadWritePaths = [ cfg.dataDir ];
        RuntimeDirectory = "traefik";
        WorkingDirectory = cfg.dataDir;
      };
    };
    users.users.traefik = { group = "traefik"; home = cfg.dataDir; createHome = true; isSystemUser = true; };
    users.groups.traefik = { };
  };
}
