# services.resolved.* (nixos/modules/system/boot/resolved.nix). 26.05 moved the options into
# `settings.Resolve` (resolved.conf keys): the old names are renamed options (a warning) and
# `extraConfig` is removed (an assertion). docs/nixos/networking.md.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.resolved;
  moved = [ [ "fallbackDns" "FallbackDNS" ] [ "domains" "Domains" ] [ "llmnr" "LLMNR" ] [ "dnssec" "DNSSEC" ] [ "dnsovertls" "DNSOverTLS" ] ];

  unitAtom = types.oneOf [ types.bool types.int types.str types.path ];
  unitOption = types.either unitAtom (types.listOf unitAtom) // { name = "systemd option"; description = "systemd option"; };

  releaseTable = {
    "25.11" = {
      imports = [ ];
      options = {
        fallbackDns = opt (types.nullOr (types.listOf types.str)) null;
        domains = opt (types.listOf types.str) config.networking.search;
        llmnr = opt (types.enum [ "true" "resolve" "false" ]) "true";
        dnssec = opt (types.enum [ "true" "allow-downgrade" "false" ]) "false";
        dnsovertls = opt (types.enum [ "true" "opportunistic" "false" ]) "false";
        extraConfig = opt types.lines "";
      };
    };
    "26.05" = {
      imports = map (m: lib.mkRenamedOptionModule [ "services" "resolved" (lib.head m) ] [ "services" "resolved" "settings" "Resolve" (lib.last m) ]) moved
        ++ [ (lib.mkRemovedOptionModule [ "services" "resolved" "extraConfig" ] "Use services.resolved.settings instead") ];
      options.settings = opt
        (types.submodule {
          freeformType = types.attrsOf (types.attrsOf unitOption);
          options.Resolve = opt
            (types.submodule {
              freeformType = types.attrsOf unitOption;
              options = {
                DNS = opt unitOption config.networking.nameservers;
                DNSOverTLS = opt unitOption false;
                DNSSEC = opt unitOption false;
                Domains = opt unitOption config.networking.search;
              };
            }) { };
        }) { };
    };
  };
  rel = lib.stub.pick "services.resolved" releaseTable;
in
{
  inherit (rel) imports;
  options.services.resolved = rel.options // { enable = opt types.bool false; };

  config = mkIf cfg.enable (mkMerge [
    { assertions = [ { assertion = !config.networking.useHostResolvConf; message = "Using host resolv.conf is not supported with systemd-resolved"; } ]; }
    { users.users.systemd-resolve = { group = "systemd-resolve"; isSystemUser = true; }; users.groups.systemd-resolve = { }; }
  ]);
}
