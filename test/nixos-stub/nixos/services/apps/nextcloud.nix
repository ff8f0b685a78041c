# services.nextcloud.* main options (nixos/modules/services/web-apps/nextcloud.nix). `hostName`,
# `config.dbtype` and `config.adminpassFile` have no default; the package default follows
# system.stateVersion. The module configures nginx (or caddy) and PHP-FPM; the stand-in only
# creates the nextcloud user. docs/nixos/apps.md.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  nullStr = opt (types.nullOr types.str) null;
  cfg = config.services.nextcloud;
in
{
  options.services.nextcloud = {
    enable = lib.mkEnableOption "nextcloud";
    hostName = mkOption { type = types.str; };
    package = opt types.package (if lib.versionOlder config.system.stateVersion "25.11" then pkgs.nextcloud31 else pkgs.nextcloud32);
    https = opt types.bool false;
    home = opt types.str "/var/lib/nextcloud";
    datadir = opt types.str cfg.home;
    maxUploadSize = opt types.str "512M";
    appstoreEnable = opt (types.nullOr types.bool) null;
    extraApps = opt (types.attrsOf types.package) { };
    extraAppsEnable = opt types.bool true;
    autoUpdateApps.enable = opt types.bool false;
    configureRedis = opt types.bool false;
    caching = { apcu = opt types.bool true; redis = opt types.bool false; memcached = opt types.bool false; };
    database.createLocally = opt types.bool false;
    config = {
      dbtype = mkOption { type = types.enum [ "sqlite" "pgsql" "mysql" ]; };
      dbname = opt (types.nullOr types.str) "nextcloud";
      dbuser = opt (types.nullOr types.str) "nextcloud";
      dbpassFile = nullStr;
      dbhost = nullStr;
      dbtableprefix = nullStr;
      adminuser = opt types.str "root";
      adminpassFile = mkOption { type = types.str; };
    };
    settings = opt (types.submodule { freeformType = (pkgs.formats.json { }).type; }) { };
    secretFile = nullStr;
    phpOptions = opt (types.attrsOf (types.oneOf [ types.str types.int ])) { };
    poolSettings = opt (types.attrsOf (types.oneOf [ types.str types.int types.bool ])) { };
    webserver = opt (types.enum [ "nginx" "caddy" ]) "nginx";
  };

  config = lib.mkIf cfg.enable {
    users.users.nextcloud = { home = cfg.home; group = "nextcloud"; isSystemUser = true; };
    users.groups.nextcloud = { };
  };
}
