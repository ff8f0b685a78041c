# services.adguardhome.* (nixos/modules/services/networking/adguardhome.nix; the same in 25.11 and
# 26.05). `settings` is AdGuardHome.yaml (free-form YAML; null = not declarative); `host`/`port`
# become settings.http.address. With mutableSettings = false the YAML must be complete enough to
# start: the module asserts dns.bootstrap_dns is a list. DNS rewrites live in
# settings.filtering.rewrites (current schema), not dns.rewrites (docs/nixos/apps.md).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.adguardhome;
  settings = if cfg.settings == null then null
    else lib.recursiveUpdate cfg.settings { http.address = "${cfg.host}:${toString cfg.port}"; };
in
{
  options.services.adguardhome = {
    enable = lib.mkEnableOption "AdGuard Home network-wide ad blocker";
    package = opt types.package pkgs.adguardhome;
    openFirewall = opt types.bool false;
    allowDHCP = opt types.bool (settings.dhcp.enabled or false);
    mutableSettings = opt types.bool true;
    host = opt types.str "0.0.0.0";
    port = opt types.port 3000;
    settings = opt
      (types.nullOr (types.submodule {
        freeformType = (pkgs.formats.yaml { }).type;
        options.schema_version = opt types.int (cfg.package.schema_version or 30);
      })) null;
    extraArgs = opt (types.listOf types.str) [ ];
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.settings != null -> !(lib.hasAttrByPath [ "bind_host" ] cfg.settings);
        message = "AdGuard option `settings.bind_host' has been superseded by `services.adguardhome.host'";
      }
      {
        assertion = cfg.settings != null -> !(lib.hasAttrByPath [ "bind_port" ] cfg.settings);
        message = "AdGuard option `settings.bind_port' has been superseded by `services.adguardhome.port'";
      }
      {
        assertion = settings != null -> cfg.mutableSettings || lib.hasAttrByPath [ "dns" "bootstrap_dns" ] settings;
        message = "AdGuard setting dns.bootstrap_dns needs to be configured for a minimal working configuration";
      }
      {
        assertion = settings != null -> cfg.mutableSettings
          || lib.hasAttrByPath [ "dns" "bootstrap_dns" ] settings && lib.isList settings.dns.bootstrap_dns;
        message = "AdGuard setting dns.bootstrap_dns needs to be a list";
      }
    ];
    systemd.services.adguardhome = {
      description = "AdGuard Home: Network-level blocker";
      after = [ "network.target" ];
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { DynamicUser = true; StateDirectory = "AdGuardHome"; };
    };
    networking.firewall.allowedTCPPorts = lib.mkIf cfg.openFirewall [ cfg.port ];
  };
}
