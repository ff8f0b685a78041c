# services.cloudflared.* (nixos/modules/services/networking/cloudflared.nix): the same in 25.11
# and 26.05 (docs/nixos/cloudflared.md). Since 25.05 every tunnel runs as a systemd DynamicUser
# and receives its credentials file through LoadCredential (read by systemd, as root): there is
# no `cloudflared` user, and `services.cloudflared.user`/`group` are removed options. A tunnel
# needs `credentialsFile` and `default`; token-based tunnels and `protocol` are not options here.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  nullOf = type: opt (types.nullOr type) null;
  cfg = config.services.cloudflared;

  removed = what: lib.mkRemovedOptionModule [ "services" "cloudflared" what ] ''
    Cloudflared now uses a dynamic user, and this option no longer has any effect.

    If the ${what} is still necessary, please define it manually using users.${what}s.cloudflared.
  '';

  originRequest = {
    connectTimeout = nullOf types.str;
    tlsTimeout = nullOf types.str;
    tcpKeepAlive = nullOf types.str;
    noHappyEyeballs = nullOf types.bool;
    keepAliveConnections = nullOf types.int;
    keepAliveTimeout = nullOf types.str;
    httpHostHeader = nullOf types.str;
    originServerName = nullOf types.str;
    caPool = nullOf (types.either types.str types.path);
    noTLSVerify = nullOf types.bool;
    disableChunkedEncoding = nullOf types.bool;
    proxyAddress = nullOf types.str;
    proxyPort = nullOf types.int;
    proxyType = nullOf (types.enum [ "" "socks" ]);
  };
  certificateFile = nullOf types.path;

  tunnel = { name, ... }: {
    options = {
      inherit certificateFile originRequest;
      credentialsFile = mkOption { type = types.path; };
      warp-routing.enabled = nullOf types.bool;
      edgeIPVersion = opt (types.enum [ "auto" "4" "6" ]) "4";
      default = mkOption { type = types.str; };
      ingress = opt
        (types.attrsOf (types.either types.str (types.submodule {
          options = { inherit originRequest; service = nullOf types.str; path = nullOf types.str; };
        }))) { };
    };
  };
in
{
  imports = [ (removed "user") (removed "group") ];

  options.services.cloudflared = {
    inherit certificateFile;
    enable = lib.mkEnableOption "Cloudflare Tunnel client daemon (formerly Argo Tunnel)";
    package = opt types.package pkgs.cloudflared;
    tunnels = opt (types.attrsOf (types.submodule tunnel)) { };
  };

  config = lib.mkIf cfg.enable {
    systemd.services = lib.mapAttrs'
      (name: t: lib.nameValuePair "cloudflared-tunnel-${name}" {
        after = [ "network.target" "network-online.target" ];
        wants = [ "network.target" "network-online.target" ];
        wantedBy = [ "multi-user.target" ];
        environment.TUNNEL_EDGE_IP_VERSION = t.edgeIPVersion;
        serviceConfig = {
          RuntimeDirectory = "cloudflared-tunnel-${name}";
          RuntimeDirectoryMode = "0400";
          LoadCredential = [ "credentials.json:${toString t.credentialsFile}" ]
            ++ lib.optional ((if t.certificateFile != null then t.certificateFile else cfg.certificateFile) != null)
              "cert.pem:${toString (if t.certificateFile != null then t.certificateFile else cfg.certificateFile)}";
          ExecStart = "${cfg.package}/bin/cloudflared tunnel --config=<generated> --no-autoupdate run";
          Restart = "on-failure";
          DynamicUser = true;
        };
      })
      cfg.tunnels;
  };
}
