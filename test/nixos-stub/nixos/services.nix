# services.openssh (agenix reads its host keys), services.cloudflared (a subset of the real
# module's options, same names and types), and application services that seed 000's guests
# run, declared loosely: `enable` typed, every other key free-form (see the notes: looser).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  nullOf = type: opt (types.nullOr type) null;

  originRequest = opt (types.attrsOf types.anything) { };
  tunnel = { name, ... }: {
    options = {
      inherit originRequest;
      credentialsFile = nullOf types.path;
      certificateFile = nullOf types.path;
      token = nullOf types.str;
      tokenFile = nullOf types.path;
      warp-routing.enabled = nullOf types.bool;
      edgeIPVersion = opt (types.enum [ "auto" "4" "6" ]) "4";
      protocol = opt (types.enum [ "auto" "http2" "quic" ]) "auto";
      default = opt types.str "http_status:404";
      ingress = opt
        (types.attrsOf (types.either types.str (types.submodule {
          options = { inherit originRequest; service = nullOf types.str; path = nullOf types.str; };
        }))) { };
    };
  };

  looseService = name: opt
    (types.submodule {
      freeformType = types.attrsOf types.anything;
      options.enable = lib.mkEnableOption name;
    }) { };
in
{
  options.services = {
    openssh = {
      enable = lib.mkEnableOption "the OpenSSH secure shell daemon";
      ports = opt (types.listOf types.port) [ 22 ];
      openFirewall = opt types.bool true;
      startWhenNeeded = opt types.bool false;
      hostKeys = opt (types.listOf types.attrs) [
        { type = "rsa"; bits = 4096; path = "/etc/ssh/ssh_host_rsa_key"; }
        { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; }
      ];
      settings = opt (types.attrsOf types.anything) { };
    };

    cloudflared = {
      enable = lib.mkEnableOption "Cloudflare Tunnel client daemon (formerly Argo Tunnel)";
      package = opt types.package pkgs.cloudflared;
      certificateFile = nullOf types.path;
      tunnels = opt (types.attrsOf (types.submodule tunnel)) { };
    };
  } // lib.genAttrs
    [ "adguardhome" "immich" "vaultwarden" "opencloud" "nextcloud" "linkwarden" "postgresql" "jellyfin" "nginx" "gitea" "miniflux" ]
    looseService;

  config = lib.mkIf config.services.cloudflared.enable {
    assertions = lib.mapAttrsToList
      (name: t: {
        assertion = lib.count (x: x != null) [ t.token t.tokenFile t.credentialsFile ] <= 1;
        message = "[cloudflared-service | ${name}] You must specify AT MOST ONE of 'token', 'tokenFile', or 'credentialsFile'.";
      })
      config.services.cloudflared.tunnels;
  };
}
