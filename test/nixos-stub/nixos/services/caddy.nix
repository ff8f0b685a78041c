# services.caddy.* (nixos/modules/services/web-servers/caddy/; the same in 25.11 and 26.05,
# docs/nixos/caddy.md): Caddyfile text goes in `types.lines` options, which concatenate
# definitions from several modules with newlines. Plugins come from the package
# (`pkgs.caddy.withPlugins { plugins; hash; }`), not from an option. A virtual host with
# `useACMEHost` hands its certificate's group and reload to security.acme.certs.<host>.
{ config, options, lib, pkgs, ... }:
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
    assertions = [ {
      assertion = cfg.configFile == options.services.caddy.configFile.default -> cfg.adapter == "caddyfile" || cfg.adapter == null;
      message = "To specify an adapter other than 'caddyfile' please provide your own configuration via `services.caddy.configFile`";
    } ];
    security.acme.certs = lib.listToAttrs (map
      (host: lib.nameValuePair host { group = lib.mkDefault cfg.group; reloadServices = [ "caddy.service" ]; })
      (lib.unique (lib.filter (h: h != null) (map (v: v.useACMEHost) (lib.attrValues cfg.virtualHosts)))));
    systemd.services.caddy = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = {
        User = cfg.user;
        Group = cfg.group;
        EnvironmentFile = lib.optional (cfg.environmentFile != null) cfg.environmentFile;
      };
    };
    users.users = lib.optionalAttrs (cfg.user == "caddy") { caddy = { group = cfg.group; isSystemUser = true; home = cfg.dataDir; }; };
    users.groups = lib.optionalAttrs (cfg.group == "caddy") { caddy = { }; };
    networking.firewall = lib.mkIf cfg.openFirewall {
      allowedTCPPorts = lib.filter (p: p != null) [ cfg.httpPort cfg.httpsPort ];
      allowedUDPPorts = lib.optional (cfg.httpsPort != null) cfg.httpsPort;
    };
  };
}
