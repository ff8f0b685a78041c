# services.openssh.* (nixos/modules/services/networking/ssh/sshd.nix). agenix and sops-nix read
# `hostKeys` for their default identities. 26.05 adds `generateHostKeys` (rl-2605).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkIf types;
  opt = type: default: mkOption { inherit type default; };
  nullList = opt (types.nullOr (types.listOf types.str)) null;
  cfg = config.services.openssh;
  releaseTable = {
    "25.11" = { };
    "26.05" = { generateHostKeys = opt types.bool false; };
  };
  settingsValue = types.nullOr (types.oneOf [ types.bool types.int types.str (types.listOf types.str) ]);
in
{
  options.services.openssh = lib.stub.pick "services.openssh" releaseTable // {
    enable = lib.mkEnableOption "the OpenSSH secure shell daemon";
    package = opt types.package pkgs.openssh;
    startWhenNeeded = opt types.bool false;
    allowSFTP = opt types.bool true;
    ports = opt (types.listOf types.port) [ 22 ];
    openFirewall = opt types.bool true;
    listenAddresses = opt (types.listOf (types.submodule {
      options = { addr = opt (types.nullOr types.str) null; port = opt (types.nullOr types.port) null; };
    })) [ ];
    hostKeys = opt (types.listOf types.attrs) [
      { type = "rsa"; bits = 4096; path = "/etc/ssh/ssh_host_rsa_key"; }
      { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; }
    ];
    banner = opt (types.nullOr types.lines) null;
    authorizedKeysFiles = opt (types.listOf types.str) [ ];
    authorizedKeysInHomedir = opt types.bool true;
    extraConfig = opt types.lines "";
    knownHosts = opt (types.attrsOf (types.attrsOf types.anything)) { };
    settings = opt
      (types.submodule {
        freeformType = types.attrsOf settingsValue;
        options = {
          PermitRootLogin = opt (types.enum [ "yes" "without-password" "prohibit-password" "forced-commands-only" "no" ]) "prohibit-password";
          PasswordAuthentication = opt types.bool true;
          KbdInteractiveAuthentication = opt types.bool true;
          X11Forwarding = opt types.bool false;
          UseDns = opt types.bool false;
          UsePAM = opt types.bool true;
          StrictModes = opt types.bool true;
          PrintMotd = opt types.bool false;
          LogLevel = opt (types.nullOr (types.enum [ "QUIET" "FATAL" "ERROR" "INFO" "VERBOSE" "DEBUG" "DEBUG1" "DEBUG2" "DEBUG3" ])) "INFO";
          GatewayPorts = opt types.str "no";
          AllowUsers = nullList; DenyUsers = nullList; AllowGroups = nullList; DenyGroups = nullList;
          Ciphers = nullList; Macs = nullList; KexAlgorithms = nullList;
        };
      }) { };
  };

  config = mkIf cfg.enable {
    networking.firewall.allowedTCPPorts = mkIf cfg.openFirewall cfg.ports;
    users.users.sshd = { isSystemUser = true; group = "sshd"; description = "SSH privilege separation user"; };
    users.groups.sshd = { };
  };
}
