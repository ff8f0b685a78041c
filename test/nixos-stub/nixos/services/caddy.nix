# services.caddy.* (nixos/modules/services/web-servers/caddy/; the same in 25.11 and 26.05,
# docs/nixos/caddy.md): Caddyfile text goes in `types.lines` options, which concatenate
# definitions from several modules with newlines. Plugins come from the package
# (`pkgs.caddy.withPlugins { plugins; hash; }`), not from an option. A virtual host with
# `useACMEHost` hands its certificate's group and reload to security.acme.certs.<host>.
# `configFile`'s default is the generated Caddyfile as text (`.text`), so a test can read what
# Caddy would be given.
{ config, options, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.caddy;

  # The Caddyfile the module generates (before `caddy fmt`, which the stand-in cannot run):
  # the global block (globalConfig), extraConfig (snippets), then one block per virtual host.
  vhostBlock = h: ''
    ${h.hostName} ${lib.concatStringsSep " " h.serverAliases} {
      ${lib.optionalString (h.listenAddresses != [ ]) "bind ${lib.concatStringsSep " " h.listenAddresses}"}
      ${lib.optionalString (h.useACMEHost != null) (let d = config.security.acme.certs.${h.useACMEHost}.directory; in "tls ${d}/cert.pem ${d}/key.pem")}
      ${lib.optionalString (h.logFormat != null) "log {\n    ${h.logFormat}  }"}

      ${h.extraConfig}
    }
  '';
  caddyfile = ''
    {
      ${cfg.globalConfig}
    }
    ${cfg.extraConfig}
    ${lib.concatMapStringsSep "\n" vhostBlock (lib.attrValues cfg.virtualHosts)}
  '';

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
    configFile = opt types.path (pkgs.writeText "Caddyfile" caddyfile);
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
    # As the module does: e-mail, CA, ports other than the defaults and the default logger
    # become lines of the global block, beside what other modules put there.
    services.caddy.globalConfig = ''
      ${lib.optionalString (cfg.email != null) "email ${cfg.email}"}
      ${lib.optionalString (cfg.acmeCA != null) "acme_ca ${cfg.acmeCA}"}
      ${lib.optionalString (!builtins.elem cfg.httpPort [ null 80 ]) "http_port ${toString cfg.httpPort}"}
      ${lib.optionalString (!builtins.elem cfg.httpsPort [ null 443 ]) "https_port ${toString cfg.httpsPort}"}
      log {
        ${cfg.logFormat}
      }
    '';
    environment.etc."caddy/caddy_config".source = cfg.configFile;
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
