# systemd.* (nixos/lib/systemd-unit-options.nix, systemd-tmpfiles.nix, networkd.nix): units
# with NixOS's unit options (an unknown one is an error, as there), `serviceConfig` and the other
# *Config sets as systemd key → value maps, tmpfiles rules and settings, and networkd's main
# options.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  lines = opt types.lines "";

  # utils.systemdUtils.unitOptions.unitOption: a value or a list of values per key.
  unitAtom = types.oneOf [ types.bool types.int types.str types.path types.package ];
  unitOption = types.either unitAtom (types.listOf unitAtom) // { name = "systemd option"; description = "systemd option"; };
  unitConfig = opt (types.attrsOf unitOption) { };

  unitModule = { name, ... }: {
    options = {
      enable = opt types.bool true;
      name = opt types.str name;
      description = opt types.str "";
      documentation = strings;
      wantedBy = strings; requiredBy = strings; upheldBy = strings;
      wants = strings; requires = strings; upholds = strings; requisite = strings;
      after = strings; before = strings; bindsTo = strings; partOf = strings; conflicts = strings;
      onFailure = strings; onSuccess = strings; aliases = strings;
      startLimitBurst = opt (types.nullOr types.int) null;
      startLimitIntervalSec = opt (types.nullOr types.int) null;
      unitConfig = unitConfig;
      restartTriggers = opt (types.listOf types.unspecified) [ ];
      reloadTriggers = opt (types.listOf types.unspecified) [ ];
      overrideStrategy = opt (types.enum [ "asDropinIfExists" "asDropin" ]) "asDropinIfExists";
    };
  };
  serviceModule = {
    imports = [ unitModule ];
    options = {
      serviceConfig = unitConfig;
      environment = opt (types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]))) { };
      path = opt (types.listOf (types.either types.package types.str)) [ ];
      script = lines; scriptArgs = opt types.str "";
      preStart = lines; postStart = lines; reload = lines; preStop = lines; postStop = lines;
      restartIfChanged = opt types.bool true;
      reloadIfChanged = opt types.bool false;
      stopIfChanged = opt types.bool true;
      notSocketActivated = opt types.bool false;
      startAt = opt (types.either types.str (types.listOf types.str)) [ ];
      enableStrictShellChecks = opt types.bool false;
      confinement = opt (types.attrsOf types.anything) { };
    };
  };
  unitsWith = extra: opt (types.attrsOf (types.submodule { imports = [ unitModule ]; options = extra; })) { };

  # systemd.tmpfiles.settings.<file>.<path>.<type> = { mode; user; group; age; argument; }.
  tmpfilesEntry = { name, ... }: {
    options = {
      type = opt types.str name;
      mode = opt types.str "-";
      user = opt types.str "-";
      group = opt types.str "-";
      age = opt types.str "-";
      argument = opt types.str "";
    };
  };

  networkModule = { name, ... }: {
    options = {
      enable = opt types.bool true;
      name = opt (types.nullOr types.str) null;
      matchConfig = unitConfig; linkConfig = unitConfig; networkConfig = unitConfig;
      dhcpV4Config = unitConfig; dhcpV6Config = unitConfig; ipv6AcceptRAConfig = unitConfig;
      address = strings; gateway = strings; dns = strings; ntp = strings; domains = strings;
      DHCP = opt (types.nullOr (types.enum [ "yes" "no" "ipv4" "ipv6" ])) null;
      vlan = strings; bridge = strings; bond = strings; macvlan = strings; vrf = strings; tunnel = strings; xfrm = strings;
      routes = opt (types.listOf (types.attrsOf unitOption)) [ ];
      addresses = opt (types.listOf (types.attrsOf unitOption)) [ ];
      routingPolicyRules = opt (types.listOf (types.attrsOf unitOption)) [ ];
      linkLocalAddressing = opt (types.nullOr types.str) null;
      extraConfig = lines;
    };
  };
  netdevModule = {
    options = {
      enable = opt types.bool true;
      netdevConfig = unitConfig; vlanConfig = unitConfig; bridgeConfig = unitConfig; bondConfig = unitConfig;
      macvlanConfig = unitConfig; vxlanConfig = unitConfig; wireguardConfig = unitConfig;
      wireguardPeers = opt (types.listOf (types.attrsOf unitOption)) [ ];
      extraConfig = lines;
    };
  };
in
{
  options.systemd = {
    services = opt (types.attrsOf (types.submodule serviceModule)) { };
    targets = unitsWith { };
    timers = unitsWith { timerConfig = unitConfig; };
    sockets = unitsWith { socketConfig = unitConfig; listenStreams = strings; listenDatagrams = strings; };
    paths = unitsWith { pathConfig = unitConfig; };
    slices = unitsWith { sliceConfig = unitConfig; };
    mounts = opt (types.listOf types.attrs) [ ];
    packages = opt (types.listOf types.package) [ ];
    additionalUpstreamSystemUnits = strings;
    tmpfiles.rules = strings;
    tmpfiles.settings = opt (types.attrsOf (types.attrsOf (types.attrsOf (types.submodule tmpfilesEntry)))) { };
    network = {
      enable = opt types.bool false;
      networks = opt (types.attrsOf (types.submodule networkModule)) { };
      netdevs = opt (types.attrsOf (types.submodule netdevModule)) { };
      links = opt (types.attrsOf (types.submodule { options = { enable = opt types.bool true; matchConfig = unitConfig; linkConfig = unitConfig; }; })) { };
      wait-online = opt (types.attrsOf types.anything) { };
    };
  };
}
