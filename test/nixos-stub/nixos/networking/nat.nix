# networking.nat.* (nat.nix, nat-iptables.nix, nat-nftables.nix): types, the forwarding sysctls
# it sets, and its assertions. With nftables the interface wildcard is `*`: "ve-+" is accepted
# but matches no interface (docs/nixos/networking.md).
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  nullStr = opt (types.nullOr types.str) null;
  cfg = config.networking.nat;
  forward = types.submodule {
    options = {
      sourcePort = mkOption { type = types.either types.int (types.strMatching "[[:digit:]]+:[[:digit:]]+"); };
      proto = opt types.str "tcp";
      destination = mkOption { type = types.str; };
      loopbackIPs = strings;
    };
  };
in
{
  options.networking.nat = {
    enable = opt types.bool false;
    enableIPv6 = opt types.bool false;
    internalInterfaces = strings;
    internalIPs = strings;
    internalIPv6s = strings;
    externalInterface = nullStr;
    externalIP = nullStr;
    externalIPv6 = nullStr;
    forwardPorts = opt (types.listOf forward) [ ];
    dmzHost = nullStr;
    extraCommands = opt types.lines "";
    extraStopCommands = opt types.lines "";
  };

  config = mkIf cfg.enable {
    assertions = [
      { assertion = cfg.enableIPv6 -> config.networking.enableIPv6; message = "networking.nat.enableIPv6 requires networking.enableIPv6"; }
      { assertion = (cfg.dmzHost != null) -> (cfg.externalInterface != null); message = "networking.nat.dmzHost requires networking.nat.externalInterface"; }
      { assertion = (cfg.forwardPorts != [ ]) -> (cfg.externalInterface != null); message = "networking.nat.forwardPorts requires networking.nat.externalInterface"; }
    ] ++ lib.optionals config.networking.nftables.enable [
      { assertion = cfg.extraCommands == ""; message = "extraCommands is incompatible with the nftables based nat module: ${cfg.extraCommands}"; }
      { assertion = cfg.extraStopCommands == ""; message = "extraStopCommands is incompatible with the nftables based nat module: ${cfg.extraStopCommands}"; }
    ];
    boot.kernel.sysctl = {
      "net.ipv4.conf.all.forwarding" = lib.mkOverride 99 true;
      "net.ipv4.conf.default.forwarding" = lib.mkOverride 99 true;
    } // lib.optionalAttrs cfg.enableIPv6 {
      "net.ipv6.conf.all.forwarding" = lib.mkOverride 99 true;
      "net.ipv6.conf.default.forwarding" = lib.mkOverride 99 true;
    };
  };
}
