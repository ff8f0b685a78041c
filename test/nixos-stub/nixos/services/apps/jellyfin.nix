# services.jellyfin.* main options (nixos/modules/services/misc/jellyfin.nix). It creates the
# jellyfin user and opens 8096/8920 TCP and 1900/7359 UDP with openFirewall.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.jellyfin;
in
{
  options.services.jellyfin = {
    enable = lib.mkEnableOption "Jellyfin Media Server";
    package = opt types.package pkgs.jellyfin;
    user = opt types.str "jellyfin";
    group = opt types.str "jellyfin";
    dataDir = opt types.path "/var/lib/jellyfin";
    configDir = opt types.path "${cfg.dataDir}/config";
    cacheDir = opt types.path "/var/cache/jellyfin";
    logDir = opt types.path "${cfg.dataDir}/log";
    openFirewall = opt types.bool false;
  };

  config = lib.mkIf cfg.enable {
    systemd.services.jellyfin = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = cfg.user; Group = cfg.group; };
    };
    users.users = lib.mkIf (cfg.user == "jellyfin") { jellyfin = { group = cfg.group; isSystemUser = true; }; };
    users.groups = lib.mkIf (cfg.group == "jellyfin") { jellyfin = { }; };
    networking.firewall = lib.mkIf cfg.openFirewall { allowedTCPPorts = [ 8096 8920 ]; allowedUDPPorts = [ 1900 7359 ]; };
  };
}
