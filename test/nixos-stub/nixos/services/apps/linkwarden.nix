# services.linkwarden.* (nixos/modules/services/web-apps/linkwarden.nix, new in 25.11; the same in
# 26.05). `secretsFile` has no default (NEXTAUTH_SECRET at least): a config without it fails with
# "used but not defined". It enables PostgreSQL and creates the linkwarden user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.linkwarden;
  enableDefault = description: lib.mkEnableOption description // { default = true; };
in
{
  options.services.linkwarden = {
    enable = lib.mkEnableOption "Linkwarden";
    package = opt types.package pkgs.linkwarden;
    storageLocation = opt types.path "/var/lib/linkwarden";
    cacheLocation = opt types.path "/var/cache/linkwarden";
    enableRegistration = lib.mkEnableOption "registration for new users";
    environment = opt (types.attrsOf types.str) { };
    secretsFile = mkOption { type = types.str // { check = x: lib.isString x && types.path.check x; }; };
    host = opt types.str "localhost";
    port = opt types.port 3000;
    openFirewall = opt types.bool false;
    user = opt types.str "linkwarden";
    group = opt types.str "linkwarden";
    database = {
      enable = enableDefault "the postgresql database for use with Linkwarden";
      createDB = enableDefault "the automatic creation of the database for Linkwarden";
      name = opt types.str "linkwarden";
      host = opt types.str "/run/postgresql";
      port = opt types.port 5432;
      user = opt types.str "linkwarden";
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [ {
      assertion = cfg.database.createDB -> cfg.database.name == cfg.database.user;
      message = "The postgres module requires the database name and the database user name to be the same.";
    } ];
    services.postgresql = lib.mkIf cfg.database.enable {
      enable = true;
      ensureDatabases = lib.mkIf cfg.database.createDB [ cfg.database.name ];
      ensureUsers = lib.mkIf cfg.database.createDB [ { name = cfg.database.user; ensureDBOwnership = true; ensureClauses.login = true; } ];
    };
    networking.firewall.allowedTCPPorts = lib.mkIf cfg.openFirewall [ cfg.port ];
    systemd.services.linkwarden = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = cfg.user; Group = cfg.group; EnvironmentFile = cfg.secretsFile; };
    };
    users.users = lib.mkIf (cfg.user == "linkwarden") { linkwarden = { group = cfg.group; isSystemUser = true; }; };
    users.groups = lib.mkIf (cfg.group == "linkwarden") { linkwarden = { }; };
  };
}
