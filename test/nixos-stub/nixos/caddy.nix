# services.caddy.* (nixos-options.md §4.1, §4.2): Caddyfile text goes in `types.lines` options,
# which concatenate definitions from several modules with newlines.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.caddy;

  virtualHost = { name, config, ... }: {
    options = {
      hostName = opt types.str name;
      serverAliases = opt (types.listOf types.str) [ ];
      listenAddresses = opt (types.listOf types.str) [ ];
      useACMEHost = opt (types.nullOr types.str) null;
      logFormat = opt types.lines "output file ${cfg.logDir}/access-${config.hostName}.log\n";
      extraConfig = opt types.lines "";
    };
  };
in
{
  options.services.caddy = {
    enable = lib.mkEnableOption "Caddy web server";
    package = opt types.package pkgs.caddy;
    user = opt types.str "caddy";
    group = opt types.str "caddy";
    dataDir = opt types.path "/var/lib/caddy";
    logDir = opt types.path "/var/log/caddy";
    logFormat = opt types.lines "level ERROR\n";
    email = opt (types.nullOr types.str) null;
    acmeCA = opt (types.nullOr types.str) null;
    globalConfig = opt types.lines "";
    extraConfig = opt types.lines "";
    virtualHosts = opt (types.attrsOf (types.submodule virtualHost)) { };
    configFile = opt types.path (pkgs.writeText "Caddyfile" cfg.extraConfig);
    adapter = opt (types.nullOr types.str) "caddyfile";
    settings = opt (pkgs.formats.json { }).type { };
    environmentFile = opt (types.nullOr types.path) null;
    enableReload = opt types.bool true;
    resume = opt types.bool false;
    httpPort = opt (types.nullOr types.port) 80;
    httpsPort = opt (types.nullOr types.port) 443;
    openFirewall = opt types.bool false;
  };

  config = lib.mkIf cfg.enable {
    networking.firewall = lib.mkIf cfg.openFirewall {
      allowedTCPPorts = lib.filter (p: p != null) [ cfg.httpPort cfg.httpsPort ];
      allowedUDPPorts = lib.optional (cfg.httpsPort != null) cfg.httpsPort;
    };
  };
}
