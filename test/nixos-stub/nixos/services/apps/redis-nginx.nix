# services.redis.servers.<name> (what immich and others enable) and services.nginx (what
# nextcloud and others configure): the main options typed; nginx's virtual hosts loosely.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  redisServer = { name, config, ... }: {
    options = {
      enable = opt types.bool false;
      port = opt types.port (if name == "" then 6379 else 0);
      bind = opt (types.nullOr types.str) "127.0.0.1";
      unixSocket = opt (types.nullOr types.path) "/run/redis-${name}/redis.sock";
      unixSocketPerm = opt types.int 660;
      user = opt types.str (if name == "" then "redis" else "redis-${name}");
      group = opt types.str config.user;
      requirePass = opt (types.nullOr types.str) null;
      requirePassFile = opt (types.nullOr types.path) null;
      databases = opt types.int 16;
      save = opt (types.listOf (types.listOf types.int)) [ [ 900 1 ] [ 300 10 ] [ 60 10000 ] ];
      settings = opt (types.attrsOf (types.oneOf [ types.bool types.int types.str (types.listOf types.str) ])) { };
    };
  };
  servers = lib.filterAttrs (_: s: s.enable) config.services.redis.servers;
in
{
  options.services.redis = {
    package = opt types.package pkgs.redis;
    servers = opt (types.attrsOf (types.submodule redisServer)) { };
    vmOverCommit = opt types.bool false;
  };
  options.services.nginx = {
    enable = lib.mkEnableOption "Nginx Web Server";
    package = opt types.package pkgs.nginx;
    user = opt types.str "nginx";
    group = opt types.str "nginx";
    recommendedProxySettings = opt types.bool false;
    recommendedTlsSettings = opt types.bool false;
    recommendedGzipSettings = opt types.bool false;
    recommendedOptimisation = opt types.bool false;
    virtualHosts = opt (types.attrsOf (types.attrsOf types.anything)) { };
    upstreams = opt (types.attrsOf (types.attrsOf types.anything)) { };
    appendHttpConfig = opt types.lines "";
    commonHttpConfig = opt types.lines "";
  };

  config = {
    users.users = lib.mapAttrs' (_: s: lib.nameValuePair s.user { group = s.group; isSystemUser = true; }) servers
      // lib.optionalAttrs config.services.nginx.enable { nginx = { group = "nginx"; isSystemUser = true; }; };
    users.groups = lib.mapAttrs' (_: s: lib.nameValuePair s.group { }) servers
      // lib.optionalAttrs config.services.nginx.enable { nginx = { }; };
  };
}
