# services.traefik.* (nixos-options.md §3.2, releases 24.05–25.11). Both config option sets are
# free-form TOML values: any nesting of attribute sets, lists and scalars, but never `null`
# (pkgs.formats.toml). Defining staticConfigOptions replaces its default entirely.
{ lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  toml = (pkgs.formats.toml { }).type;
in
{
  options.services.traefik = {
    enable = lib.mkEnableOption "Traefik web server";
    package = opt types.package pkgs.traefik;
    staticConfigOptions = opt toml { entryPoints.http.address = ":80"; };
    staticConfigFile = opt (types.nullOr types.path) null;
    dynamicConfigOptions = opt toml { };
    dynamicConfigFile = opt (types.nullOr types.path) null;
    dataDir = opt types.path "/var/lib/traefik";
    group = opt types.str "traefik";
    environmentFiles = opt (types.listOf types.path) [ ];
    plugins = opt (types.listOf types.package) [ ];
  };
}
