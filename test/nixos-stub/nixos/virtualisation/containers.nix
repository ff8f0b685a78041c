# containers.<name>.* (nixos/modules/virtualisation/nixos-containers.nix, docs/nixos/containers.md):
# declarative nspawn containers. A container's `config` is a NixOS module evaluated as a system of
# its own by the same evaluator and release, as nixos-containers.nix does: the guest sees its own
# `config`, gets only the modules it imports (agenix included), and `specialArgs` from
# `containers.<name>.specialArgs`, not the host's. Same options in 25.11 and 26.05.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkDefault mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  nullStr = opt (types.nullOr types.str) null;
  hostConfig = config;
  inherit (import ../default.nix { inherit lib pkgs; }) evalSystem;
  hostKernel = hostConfig.boot.kernelPackages.kernel.version;

  networkOptions = {
    hostBridge = nullStr;
    forwardPorts = opt
      (types.listOf (types.submodule {
        options = {
          protocol = opt types.str "tcp";
          hostPort = mkOption { type = types.port; };
          containerPort = opt (types.nullOr types.port) null;
        };
      })) [ ];
    hostAddress = nullStr;
    hostAddress6 = nullStr;
    localAddress = nullStr;
    localAddress6 = nullStr;
    localMacAddress = opt (types.nullOr (types.strMatching "([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}")) null;
  };

  bindMount = { name, ... }: {
    options = {
      mountPoint = mkOption { type = types.str; };
      hostPath = nullStr;
      isReadOnly = opt types.bool true;
    };
    config.mountPoint = mkDefault name;
  };

  # What nixos-containers.nix adds to every guest, with its two name assertions.
  injected = name: privateNetwork: {
    _file = "nixos-containers.nix (added to every container)";
    config = {
      boot.isNspawnContainer = true;
      networking.hostName = mkDefault name;
      networking.useDHCP = false;
      nixpkgs.hostPlatform = hostConfig.nixpkgs.hostPlatform;
      assertions = [
        {
          assertion = (builtins.compareVersions hostKernel "5.8" <= 0) -> privateNetwork -> builtins.stringLength name <= 11;
          message = ''
            Container name `${name}` is too long: When `privateNetwork` is enabled, container names can
            not be longer than 11 characters, because the container's interface name is derived from it.
            You should either make the container name shorter or upgrade to a more recent kernel that
            supports interface altnames (i.e. at least Linux 5.8 - please see https://github.com/NixOS/nixpkgs/issues/38509
            for details).
          '';
        }
        {
          assertion = !lib.hasInfix "_" name;
          message = ''
            Names containing underscores are not allowed in nixos-containers. Please rename the container '${name}'
          '';
        }
      ];
    };
  };

  container = { name, config, ... }: {
    options = networkOptions // {
      config = mkOption {
        type = types.mkOptionType {
          name = "Toplevel NixOS config";
          description = "NixOS module";
          check = x: lib.isAttrs x || lib.isFunction x || lib.isPath x;
          # Every definition (from any host module) is one module of the guest system.
          merge = loc: defs: (evalSystem {
            prefix = loc;
            inherit (config) specialArgs;
            modules = [ (injected name config.privateNetwork) ] ++ map (d: { _file = d.file; imports = [ d.value ]; }) defs;
          }).config;
        };
      };
      # Derived from `config` (the guest's toplevel) or `flake` in NixOS; a stand-in path here.
      path = opt types.path (
        if config.flake != null then "/nix/var/nix/profiles/per-container/${name}"
        else "${pkgs.path}-nixos-system-${name}");
      nixpkgs = opt types.path pkgs.path;
      specialArgs = opt (types.attrsOf types.unspecified) { };
      autoStart = opt types.bool false;
      restartIfChanged = opt types.bool true;
      timeoutStartSec = opt types.str "1min";
      ephemeral = opt types.bool false;
      enableTun = opt types.bool false;
      privateNetwork = opt types.bool false;
      networkNamespace = opt (types.nullOr types.path) null;
      privateUsers = opt (types.either types.ints.u32 (types.enum [ "no" "identity" "pick" ])) "no";
      interfaces = strings;
      macvlans = strings;
      extraVeths = opt (types.attrsOf (types.submodule { options = networkOptions; })) { };
      bindMounts = opt (types.attrsOf (types.submodule bindMount)) { };
      allowedDevices = opt
        (types.listOf (types.submodule {
          options = { node = mkOption { type = types.str; }; modifier = mkOption { type = types.str; }; };
        })) [ ];
      tmpfs = strings;
      additionalCapabilities = strings;
      extraFlags = strings;
      flake = nullStr;
    };
  };
in
{
  options = {
    containers = opt (types.attrsOf (types.submodule container)) { };
    boot.enableContainers = opt types.bool (config.containers != { });
  };

  config = mkMerge [
    {
      assertions = lib.mapAttrsToList
        (name: c: {
          assertion = c.networkNamespace != null -> (!c.privateNetwork && c.interfaces == [ ]);
          message = "containers.${name}.networkNamespace is mutually exclusive with containers.${name}.privateNetwork and containers.${name}.interfaces";
        })
        config.containers;
      warnings = lib.optional (config.containers != { } && !config.boot.enableContainers)
        "containers.<name> is used, but boot.enableContainers is false. To use containers.<name>, set boot.enableContainers to true.";
    }
    # container-config.nix: a guest copies the host's resolv.conf, at normal priority, so a
    # guest that wants its own resolver needs `lib.mkForce false` (a plain `false` conflicts).
    (mkIf config.boot.isContainer { networking.useHostResolvConf = true; })
  ];
}
