# services.immich.* (nixos/modules/services/web-apps/immich.nix; the same in 25.11 and 26.05).
# It enables PostgreSQL (VectorChord; pgvecto.rs by default for stateVersion < 25.11, which needs
# PostgreSQL < 17) and a Redis server, and creates the immich user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.immich;
  enableDefault = description: lib.mkEnableOption description // { default = true; };
  stringPath = types.str // { check = x: lib.isString x && types.path.check x; };
  isPostgresUnixSocket = lib.hasPrefix "/" cfg.database.host;
in
{
  options.services.immich = {
    enable = lib.mkEnableOption "Immich";
    package = opt types.package pkgs.immich;
    mediaLocation = opt types.path "/var/lib/immich";
    environment = opt (types.submodule { freeformType = types.attrsOf types.str; }) { };
    secretsFile = opt (types.nullOr stringPath) null;
    host = opt types.str "localhost";
    port = opt types.port 2283;
    openFirewall = opt types.bool false;
    user = opt types.str "immich";
    group = opt types.str "immich";
    settings = opt (types.nullOr (types.submodule {
      freeformType = (pkgs.formats.json { }).type;
      options = {
        newVersionCheck.enabled = opt types.bool false;
        server.externalDomain = opt types.str "";
      };
    })) null;
    machine-learning = {
      enable = enableDefault "immich's machine-learning functionality";
      environment = opt (types.submodule { freeformType = types.attrsOf types.str; }) { };
    };
    accelerationDevices = opt (types.nullOr (types.listOf types.str)) [ ];
    database = {
      enable = enableDefault "the postgresql database for use with immich";
      enableVectorChord = enableDefault "the VectorChord extension";
      enableVectors = lib.mkEnableOption "pgvecto.rs" // { default = lib.versionOlder config.system.stateVersion "25.11"; };
      createDB = enableDefault "the automatic creation of the database for immich";
      name = opt types.str "immich";
      host = opt types.str "/run/postgresql";
      port = opt types.port 5432;
      user = opt types.str "immich";
    };
    redis = {
      enable = enableDefault "a redis cache for use with immich";
      # nixpkgs reads servers.immich.unixSocket (defined when the Redis server is enabled).
      host = opt types.str (config.services.redis.servers.immich.unixSocket or "/run/redis-immich/redis.sock");
      port = opt types.port 0;
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = !isPostgresUnixSocket -> cfg.secretsFile != null;
        message = "A secrets file containing at least the database password must be provided when unix sockets are not used.";
      }
      {
        assertion = (cfg.database.enable && cfg.database.enableVectors) -> lib.versionOlder config.services.postgresql.package.version "17";
        message = "Immich doesn't support PostgreSQL 17+ when using pgvecto.rs. Consider disabling it using services.immich.database.enableVectors if it is not needed anymore.";
      }
      {
        assertion = cfg.database.enable -> (cfg.database.enableVectorChord || cfg.database.enableVectors);
        message = "At least one of services.immich.database.enableVectorChord and services.immich.database.enableVectors has to be enabled.";
      }
    ];
    services.postgresql = lib.mkIf cfg.database.enable {
      enable = true;
      ensureDatabases = lib.mkIf cfg.database.createDB [ cfg.database.name ];
      ensureUsers = lib.mkIf cfg.database.createDB [ { name = cfg.database.user; ensureDBOwnership = true; ensureClauses.login = true; } ];
    };
    services.redis.servers = lib.mkIf cfg.redis.enable { immich = { enable = true; port = cfg.redis.port; }; };
    networking.firewall.allowedTCPPorts = lib.mkIf cfg.openFirewall [ cfg.port ];
    systemd.services.immich-server = {
      description = "Immich backend server (Self-hosted photo and video backup solution)";
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = cfg.user; Group = cfg.group; StateDirectory = "immich"; };
    };
    users.users = lib.mkIf (cfg.user == "immich") { immich = { group = cfg.group; isSystemUser = true; }; };
    users.groups = lib.mkIf (cfg.group == "immich") { immich = { }; };
  };
}
