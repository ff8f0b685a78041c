# networking.* of nixos/modules/tasks/network-interfaces.nix and nftables.nix: host name and
# resolver, scripted interfaces (addresses, gateways, bridges, VLANs), networkd switch, nftables.
# Its assertions (both releases): an interface name under 16 bytes; no static address on an
# interface that is a bridge (or bond) member ("a slave").
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  nullStr = opt (types.nullOr types.str) null;
  loose = opt (types.attrsOf types.anything) { };

  address = bits: types.submodule {
    options = {
      address = mkOption { type = types.str; };
      prefixLength = mkOption { type = types.ints.between 0 bits; };
    };
  };
  route = types.submodule {
    options = {
      address = mkOption { type = types.str; };
      prefixLength = mkOption { type = types.ints.between 0 128; };
      via = nullStr;
      type = opt (types.nullOr (types.enum [ "unicast" "local" "broadcast" "multicast" ])) null;
      options = opt (types.attrsOf types.str) { };
    };
  };
  family = bits: {
    addresses = opt (types.listOf (address bits)) [ ];
    routes = opt (types.listOf route) [ ];
  };
  interface = { name, ... }: {
    options = {
      name = opt types.str name;
      ipv4 = family 32;
      ipv6 = family 128;
      useDHCP = opt (types.nullOr types.bool) null;
      macAddress = nullStr;
      mtu = opt (types.nullOr types.int) null;
      virtual = opt types.bool false;
      virtualOwner = opt types.str "root";
      virtualType = opt (types.nullOr (types.enum [ "tun" "tap" ])) null;
      proxyARP = opt types.bool false;
      tempAddress = opt (types.enum [ "default" "enabled" "disabled" ]) "default";
      wakeOnLan = loose;
    };
  };
  # A gateway is an address string or { address; interface; metric; source; }.
  gateway = types.nullOr (types.coercedTo types.str (address: { inherit address; }) (types.submodule {
    options = {
      address = mkOption { type = types.str; };
      interface = nullStr;
      metric = opt (types.nullOr types.int) null;
      source = nullStr;
    };
  }));
  cfg = config.networking;
  slaves = lib.concatMap (b: b.interfaces) (lib.attrValues cfg.bridges);
  slaveIfs = map (n: cfg.interfaces.${n}) (lib.filter (n: cfg.interfaces ? ${n}) slaves);
in
{
  config.assertions =
    map (i: {
      assertion = lib.stringLength i.name < 16;
      message = "The name of networking.interfaces.\"${i.name}\" is too long, it needs to be less than 16 characters.\n";
    }) (lib.attrValues cfg.interfaces)
    ++ map (i: {
      assertion = i.ipv4.addresses == [ ] && i.ipv6.addresses == [ ];
      message = "The networking.interfaces.\"${i.name}\" must not have any defined ips when it is a slave.\n";
    }) slaveIfs;

  options.networking = {
    # No dots, at most 63 characters, alphanumeric at both ends.
    hostName = opt (types.strMatching "^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$") "nixos";
    domain = nullStr;
    hostId = opt (types.nullOr (types.strMatching "[0-9a-f]{8}")) null;
    useDHCP = opt types.bool true;
    useNetworkd = opt types.bool false;
    useHostResolvConf = opt types.bool false;
    enableIPv6 = opt types.bool true;
    nameservers = strings;
    search = strings;
    extraHosts = opt types.lines "";
    hosts = opt (types.attrsOf (types.listOf types.str)) { };
    defaultGateway = opt gateway null;
    defaultGateway6 = opt gateway null;
    interfaces = opt (types.attrsOf (types.submodule interface)) { };
    bridges = opt (types.attrsOf (types.submodule {
      options = { interfaces = mkOption { type = types.listOf types.str; }; rstp = opt types.bool false; };
    })) { };
    vlans = opt (types.attrsOf (types.submodule {
      options = { id = mkOption { type = types.int; }; interface = mkOption { type = types.str; }; };
    })) { };
    macvlans = opt (types.attrsOf (types.submodule {
      options = { interface = mkOption { type = types.str; }; mode = nullStr; };
    })) { };
    nftables = {
      enable = opt types.bool false;
      ruleset = opt types.lines "";
      flushRuleset = opt types.bool true;
      checkRuleset = opt types.bool true;
      # nftables.nix (25.11, 26.05): each table is added after a `delete table` on every (re)load.
      tables = opt (types.attrsOf (types.submodule ({ name, ... }: {
        options = {
          enable = opt types.bool true;
          name = opt types.str name;
          family = mkOption { type = types.enum [ "ip" "ip6" "inet" "arp" "bridge" "netdev" ]; };
          content = mkOption { type = types.lines; };
        };
      }))) { };
    };
    networkmanager = loose;
    wireless = loose;
    resolvconf = loose;
    proxy = loose;
    timeServers = strings;
    usePredictableInterfaceNames = opt types.bool true;
    tempAddresses = opt (types.enum [ "default" "enabled" "disabled" ]) "default";
  };
}
