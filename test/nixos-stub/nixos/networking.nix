# networking.* (host name, resolver, firewall, NAT, nftables) and services.resolved, with the
# types of nixos-options.md §1.6 and §7.3, and the assertions of nat.nix and resolved.nix.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  ports = opt (types.listOf types.port) [ ];
  portRanges = opt (types.listOf (types.attrsOf types.port)) [ ];
  strings = opt (types.listOf types.str) [ ];
  cfg = config.networking;

  firewallPorts = {
    allowedTCPPorts = ports;
    allowedUDPPorts = ports;
    allowedTCPPortRanges = portRanges;
    allowedUDPPortRanges = portRanges;
  };
  natForward = types.submodule {
    options = {
      sourcePort = mkOption { type = types.either types.int (types.strMatching "[[:digit:]]+:[[:digit:]]+"); };
      destination = mkOption { type = types.str; };
      proto = opt types.str "tcp";
      loopbackIPs = strings;
    };
  };
in
{
  options = {
    # nixos/modules/tasks/network-interfaces.nix: no dots, at most 63 characters.
    networking.hostName = opt (types.strMatching "^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$") "nixos";
    networking.domain = opt (types.nullOr types.str) null;
    networking.useDHCP = opt types.bool true;
    networking.useNetworkd = opt types.bool false;
    networking.useHostResolvConf = opt types.bool false;
    networking.enableIPv6 = opt types.bool true;
    networking.nameservers = strings;
    networking.search = strings;
    networking.extraHosts = opt types.lines "";
    networking.hosts = opt (types.attrsOf (types.listOf types.str)) { };
    networking.defaultGateway = opt (types.nullOr (types.either types.str types.attrs)) null;
    networking.interfaces = opt (types.attrsOf (types.attrsOf types.anything)) { };
    networking.nftables.enable = opt types.bool false;
    networking.nftables.ruleset = opt types.lines "";
    networking.nftables.tables = opt (types.attrsOf (types.attrsOf types.anything)) { };

    networking.firewall = firewallPorts // {
      enable = opt types.bool true;
      allowPing = opt types.bool true;
      trustedInterfaces = strings;
      checkReversePath = opt (types.either types.bool (types.enum [ "strict" "loose" ])) true;
      logRefusedConnections = opt types.bool true;
      extraCommands = opt types.lines "";
      extraStopCommands = opt types.lines "";
      extraInputRules = opt types.lines "";
      extraForwardRules = opt types.lines "";
      interfaces = opt (types.attrsOf (types.submodule { options = firewallPorts; })) { };
    };

    networking.nat = {
      enable = opt types.bool false;
      enableIPv6 = opt types.bool false;
      internalInterfaces = strings;
      internalIPs = strings;
      internalIPv6s = strings;
      externalInterface = opt (types.nullOr types.str) null;
      externalIP = opt (types.nullOr types.str) null;
      externalIPv6 = opt (types.nullOr types.str) null;
      forwardPorts = opt (types.listOf natForward) [ ];
      dmzHost = opt (types.nullOr types.str) null;
      extraCommands = opt types.lines "";
      extraStopCommands = opt types.lines "";
    };

    services.resolved = {
      enable = opt types.bool false;
      fallbackDns = opt (types.nullOr (types.listOf types.str)) null;
      domains = strings;
      dnssec = opt (types.enum [ "true" "allow-downgrade" "false" ]) "false";
      dnsovertls = opt (types.enum [ "true" "opportunistic" "false" ]) "false";
      llmnr = opt (types.enum [ "true" "resolve" "false" ]) "true";
      extraConfig = opt types.lines "";
    };
  };

  config = mkMerge [
    (mkIf cfg.nat.enable {
      assertions = [
        { assertion = cfg.nat.enableIPv6 -> cfg.enableIPv6; message = "networking.nat.enableIPv6 requires networking.enableIPv6"; }
        { assertion = (cfg.nat.dmzHost != null) -> (cfg.nat.externalInterface != null); message = "networking.nat.dmzHost requires networking.nat.externalInterface"; }
        { assertion = (cfg.nat.forwardPorts != [ ]) -> (cfg.nat.externalInterface != null); message = "networking.nat.forwardPorts requires networking.nat.externalInterface"; }
        # nat-nftables.nix: the iptables-only hooks must stay empty with nftables.
        { assertion = cfg.nftables.enable -> cfg.nat.extraCommands == ""; message = "extraCommands is incompatible with the nftables based nat module: ${cfg.nat.extraCommands}"; }
        { assertion = cfg.nftables.enable -> cfg.nat.extraStopCommands == ""; message = "extraStopCommands is incompatible with the nftables based nat module: ${cfg.nat.extraStopCommands}"; }
      ];
      boot.kernel.sysctl = {
        "net.ipv4.conf.all.forwarding" = lib.mkOverride 99 true;
        "net.ipv4.conf.default.forwarding" = lib.mkOverride 99 true;
      };
    })
    (mkIf config.services.resolved.enable {
      assertions = [ { assertion = !cfg.useHostResolvConf; message = "Using host resolv.conf is not supported with systemd-resolved"; } ];
    })
  ];
}
