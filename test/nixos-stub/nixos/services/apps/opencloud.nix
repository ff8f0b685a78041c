# services.opencloud.* (nixos/modules/services/web-apps/opencloud.nix; the same in 25.11 and
# 26.05; a later unstable change removes the package default). It creates the opencloud user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.opencloud;
in
{
  options.services.opencloud = {
    enable = lib.mkEnableOption "OpenCloud";
    package = opt types.package pkgs.opencloud;
    webPackage = opt types.package cfg.package;
    idpWebPackage = opt types.package cfg.package;
    user = opt types.str "opencloud";
    group = opt types.str "opencloud";
    address = opt types.str "127.0.0.1";
    port = opt types.port 9200;
    url = opt types.str "https://localhost:9200";
    stateDir = opt types.str "/var/lib/opencloud";
    settings = opt (types.attrsOf (pkgs.formats.yaml { }).type) { };
    environmentFile = opt (types.nullOr types.path) null;
    environment = opt (types.attrsOf types.str) { OC_INSECURE = "true"; };
  };

  config = lib.mkIf cfg.enable {
    users.users = lib.mkIf (cfg.user == "opencloud") { opencloud = { group = cfg.group; home = cfg.stateDir; isSystemUser = true; createHome = true; }; };
    users.groups = lib.mkIf (cfg.group == "opencloud") { opencloud = { }; };
    systemd.services.opencloud = {
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = cfg.user; Group = cfg.group; EnvironmentFile = lib.optional (cfg.environmentFile != null) cfg.environmentFile; };
    };
  };
}
