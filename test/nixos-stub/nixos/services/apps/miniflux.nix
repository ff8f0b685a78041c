# services.miniflux.* (nixos/modules/services/web-apps/miniflux.nix; the same in 25.11 and 26.05).
# `config` is Miniflux's environment; CREATE_ADMIN defaults to 1, so `adminCredentialsFile`
# (ADMIN_USERNAME/ADMIN_PASSWORD) is required unless CREATE_ADMIN is turned off. Miniflux runs as
# a DynamicUser; with createDatabaseLocally it enables PostgreSQL.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.miniflux;
  boolToInt = b: if b then 1 else 0;
  flag = opt (types.coercedTo types.bool boolToInt types.int) true;
in
{
  options.services.miniflux = {
    enable = lib.mkEnableOption "miniflux";
    package = opt types.package pkgs.miniflux;
    createDatabaseLocally = opt types.bool true;
    config = opt
      (types.submodule {
        freeformType = types.attrsOf (types.oneOf [ types.str types.int ]);
        options = {
          LISTEN_ADDR = opt types.str "localhost:8080";
          DATABASE_URL = mkOption { type = types.str; };
          RUN_MIGRATIONS = flag;
          CREATE_ADMIN = flag;
          WATCHDOG = flag;
        };
      }) { };
    adminCredentialsFile = opt (types.nullOr types.path) null;
  };

  config = lib.mkIf cfg.enable {
    assertions = [ {
      assertion = cfg.config.CREATE_ADMIN == 0 || cfg.adminCredentialsFile != null;
      message = "services.miniflux.adminCredentialsFile must be set if services.miniflux.config.CREATE_ADMIN is 1";
    } ];
    services.miniflux.config.DATABASE_URL = lib.mkIf cfg.createDatabaseLocally "user=miniflux host=/run/postgresql dbname=miniflux";
    services.postgresql = lib.mkIf cfg.createDatabaseLocally {
      enable = true;
      ensureUsers = [ { name = "miniflux"; ensureDBOwnership = true; } ];
      ensureDatabases = [ "miniflux" ];
    };
    systemd.services.miniflux = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = "miniflux"; DynamicUser = true; };
    };
  };
}
