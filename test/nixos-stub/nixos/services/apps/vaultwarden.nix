# services.vaultwarden.* (nixos/modules/services/security/vaultwarden/): `config` is the
# environment (ROCKET_ADDRESS, ROCKET_PORT, DOMAIN …, values bool/int/str), secrets come from
# `environmentFile`. It creates the vaultwarden user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.vaultwarden;
in
{
  imports = [ (lib.mkRenamedOptionModule [ "services" "bitwarden_rs" ] [ "services" "vaultwarden" ]) ];

  options.services.vaultwarden = {
    enable = lib.mkEnableOption "vaultwarden";
    dbBackend = opt (types.enum [ "sqlite" "mysql" "postgresql" ]) "sqlite";
    backupDir = opt (types.nullOr types.str) null;
    config = opt (types.attrsOf (types.nullOr (types.oneOf [ types.bool types.int types.str ]))) { };
    environmentFile = opt (types.nullOr types.path) null;
    package = opt types.package pkgs.vaultwarden;
    webVaultPackage = opt types.package pkgs.vaultwarden-vault;
  };

  config = lib.mkIf cfg.enable {
    assertions = [ { assertion = cfg.backupDir != null -> cfg.dbBackend == "sqlite"; message = "Backups for database backends other than sqlite will need customization"; } ];
    users.users.vaultwarden = { group = "vaultwarden"; isSystemUser = true; };
    users.groups.vaultwarden = { };
    systemd.services.vaultwarden = {
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        User = "vaultwarden";
        Group = "vaultwarden";
        EnvironmentFile = lib.optional (cfg.environmentFile != null) cfg.environmentFile;
        StateDirectory = "bitwarden_rs";
      };
    };
  };
}
