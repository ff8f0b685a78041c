# virtualisation.podman.* and virtualisation.docker.* (nixos/modules/virtualisation/podman/,
# docker.nix): the options nixjs writes typed, with the two conflicts NixOS asserts.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkIf types;
  opt = type: default: mkOption { inherit type default; };
  prune = default: {
    enable = opt types.bool false;
    flags = opt (types.listOf types.str) [ ];
    dates = opt (types.either types.str (types.listOf types.str)) "weekly";
  };
  cfg = config.virtualisation.podman;
in
{
  options.virtualisation = {
    podman = {
      enable = opt types.bool false;
      package = opt types.package pkgs.podman;
      dockerCompat = opt types.bool false;
      dockerSocket.enable = opt types.bool false;
      defaultNetwork.settings = opt (pkgs.formats.json { }).type { };
      autoPrune = prune null;
      extraPackages = opt (types.listOf types.package) [ ];
      networkSocket = opt (types.attrsOf types.anything) { };
    };
    docker = {
      enable = opt types.bool false;
      package = opt types.package pkgs.docker;
      enableOnBoot = opt types.bool true;
      autoPrune = prune null;
      daemon.settings = opt (pkgs.formats.json { }).type { };
      rootless = opt (types.attrsOf types.anything) { };
      storageDriver = opt (types.nullOr types.str) null;
      extraOptions = opt (types.separatedString " ") "";
    };
    containers = opt (types.attrsOf types.anything) { };
  };

  config = mkIf cfg.enable {
    assertions = [
      { assertion = cfg.dockerCompat -> !config.virtualisation.docker.enable; message = "Option dockerCompat conflicts with docker"; }
      { assertion = cfg.dockerSocket.enable -> !config.virtualisation.docker.enable; message = "The options virtualisation.podman.dockerSocket.enable and virtualisation.docker.enable conflict, because only one can serve the socket."; }
    ];
  };
}
