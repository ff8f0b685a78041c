# networking.firewall.* (nixos/modules/services/networking/firewall*.nix). `backend` (25.11+)
# follows networking.nftables.enable; `extraCommands`/`extraStopCommands` are iptables-only and
# asserted empty with nftables, `extraInputRules`/`extraForwardRules` only take effect with
# nftables (no message otherwise: docs/nixos/networking.md).
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  ports = opt (types.listOf types.port) [ ];
  portRanges = opt (types.listOf (types.attrsOf types.port)) [ ];
  cfg = config.networking.firewall;
  portOptions = {
    allowedTCPPorts = ports;
    allowedUDPPorts = ports;
    allowedTCPPortRanges = portRanges;
    allowedUDPPortRanges = portRanges;
  };
in
{
  options.networking.firewall = portOptions // {
    enable = opt types.bool true;
    backend = opt (types.enum [ "iptables" "nftables" "firewalld" ])
      (if config.networking.nftables.enable then "nftables" else "iptables");
    allowPing = opt types.bool true;
    pingLimit = opt (types.nullOr types.str) null;
    rejectPackets = opt types.bool false;
    trustedInterfaces = opt (types.listOf types.str) [ ];
    checkReversePath = opt (types.either types.bool (types.enum [ "strict" "loose" ])) true;
    logReversePathDrops = opt types.bool false;
    logRefusedConnections = opt types.bool true;
    logRefusedPackets = opt types.bool false;
    logRefusedUnicastsOnly = opt types.bool true;
    filterForward = opt types.bool false;
    autoLoadConntrackHelpers = opt types.bool false;
    connectionTrackingModules = opt (types.listOf types.str) [ ];
    extraCommands = opt types.lines "";
    extraStopCommands = opt types.lines "";
    extraInputRules = opt types.lines "";
    extraForwardRules = opt types.lines "";
    extraReversePathFilterRules = opt types.lines "";
    extraPackages = opt (types.listOf types.package) [ ];
    interfaces = opt (types.attrsOf (types.submodule { options = portOptions; })) { };
  };

  config = mkIf cfg.enable (mkMerge [
    {
      assertions = [ {
        assertion = cfg.filterForward -> config.networking.nftables.enable;
        message = "filterForward only works with the nftables based firewall";
      } ];
    }
    (mkIf (cfg.backend == "nftables") {
      assertions = [
        { assertion = cfg.extraCommands == ""; message = "extraCommands is incompatible with the nftables based firewall: ${cfg.extraCommands}"; }
        { assertion = cfg.extraStopCommands == ""; message = "extraStopCommands is incompatible with the nftables based firewall: ${cfg.extraStopCommands}"; }
      ];
    })
  ]);
}
