# boot.* and fileSystems, with the two assertions every bare-metal or VM NixOS system meets
# (docs/nixos/host.md): stage 1 needs a root file system, and GRUB (enabled unless another
# loader or a container says otherwise) needs a device. A container guest (boot.isContainer)
# has neither. The kernel version is a stand-in, read by the container-name assertion.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkDefault mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  loose = opt (types.attrsOf types.anything) { };

  # Stage 1 became systemd-based by default in 26.05 (rl-2605 highlights); the root file system
  # assertion has the same text in both implementations.
  releaseTable = {
    "25.11" = { systemdInitrd = false; kernel = "6.12.0"; };
    "26.05" = { systemdInitrd = true; kernel = "6.18.0"; };
  };
  rel = lib.stub.pick "boot" releaseTable;

  # nixos/modules/tasks/filesystems.nix: a value per mount point, or null; a bare `true`/string
  # is accepted as in `boot.kernel.sysctl."x" = true`.
  sysctlValue = types.mkOptionType {
    name = "sysctl option value";
    check = v: let ok = x: lib.isBool x || lib.isString x || lib.isInt x || x == null; in ok v;
    merge = types.mergeOneOption;
  };

  fileSystem = { name, ... }: {
    options = {
      mountPoint = opt types.str name;
      device = opt (types.nullOr types.str) null;
      label = opt (types.nullOr types.str) null;
      fsType = opt types.str "auto";
      options = opt (types.nonEmptyListOf types.str) [ "defaults" ];
      depends = strings;
      neededForBoot = opt types.bool false;
      noCheck = opt types.bool false;
      autoFormat = opt types.bool false;
      autoResize = opt types.bool false;
      encrypted = loose;
    };
  };
  grub = config.boot.loader.grub;
in
{
  options = {
    boot.isNspawnContainer = opt types.bool false;
    boot.isContainer = opt types.bool config.boot.isNspawnContainer;
    boot.kernel.sysctl = opt (types.submodule { freeformType = types.attrsOf sysctlValue; }) { };
    boot.kernelModules = strings;
    boot.kernelParams = strings;
    boot.blacklistedKernelModules = strings;
    boot.extraModulePackages = opt (types.listOf types.package) [ ];
    boot.supportedFilesystems = opt (types.either (types.listOf types.str) (types.attrsOf types.bool)) [ ];
    boot.kernelPackages = opt types.attrs { kernel = { version = rel.kernel; }; };
    boot.tmp = loose;
    boot.binfmt = loose;

    boot.initrd = {
      enable = opt types.bool (!config.boot.isContainer);
      systemd.enable = opt types.bool rel.systemdInitrd;
      availableKernelModules = strings;
      kernelModules = strings;
      supportedFilesystems = opt (types.either (types.listOf types.str) (types.attrsOf types.bool)) [ ];
      luks.devices = opt (types.attrsOf types.attrs) { };
      network = loose;
    };

    boot.loader = {
      timeout = opt (types.nullOr types.int) 5;
      grub = {
        enable = opt types.bool (!config.boot.isContainer);
        device = opt types.str "";
        devices = opt (types.listOf types.str) [ ];
        mirroredBoots = opt (types.listOf types.attrs) [ ];
        efiSupport = opt types.bool false;
        efiInstallAsRemovable = opt types.bool false;
        useOSProber = opt types.bool false;
        configurationLimit = opt types.int 100;
      };
      systemd-boot = {
        enable = opt types.bool false;
        configurationLimit = opt (types.nullOr types.int) null;
        editor = opt types.bool true;
      };
      efi = {
        canTouchEfiVariables = opt types.bool false;
        efiSysMountPoint = opt types.str "/boot";
      };
      generic-extlinux-compatible.enable = opt types.bool false;
    };

    fileSystems = opt (types.attrsOf (types.submodule fileSystem)) { };
  };

  config = mkMerge [
    (mkIf config.boot.initrd.enable {
      assertions = [ {
        assertion = lib.any (fs: fs.mountPoint == "/") (lib.attrValues config.fileSystems);
        message = "The ‘fileSystems’ option does not specify your root file system.";
      } ];
    })
    (mkIf grub.enable {
      boot.loader.grub.devices = lib.optional (grub.device != "") grub.device;
      boot.loader.grub.mirroredBoots = lib.optionals (grub.devices != [ ]) [ { path = "/boot"; inherit (grub) devices; } ];
      assertions = [ {
        assertion = grub.mirroredBoots != [ ];
        message = "You must set the option ‘boot.loader.grub.devices’ or 'boot.loader.grub.mirroredBoots' to make the system bootable.";
      } ];
    })
    # systemd-boot.nix and generic-extlinux-compatible turn GRUB off (at default priority).
    (mkIf (config.boot.loader.systemd-boot.enable || config.boot.loader.generic-extlinux-compatible.enable) {
      boot.loader.grub.enable = mkDefault false;
    })
  ];
}
