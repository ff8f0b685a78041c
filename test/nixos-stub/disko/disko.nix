# Stand-in for nix-community/disko's module.nix (docs/nixos/flake-tools.md): disko.devices with
# its top-level kinds (the devices themselves free-form), and what enableConfig derives: a
# fileSystems entry per mount point found in the layout, and GRUB devices for GPT disks with a
# BIOS boot (EF02) partition. Nothing is partitioned.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  kinds = [ "bcachefs_filesystems" "disk" "mdadm" "zpool" "lvm_vg" "nodev" ];
  cfg = config.disko;
  # Every { type = "filesystem"; mountpoint; format; } below a device, recursively.
  filesystems = v:
    if lib.isAttrs v then
      (lib.optional ((v.type or null) == "filesystem" && (v.mountpoint or null) != null) v)
      ++ lib.concatMap filesystems (lib.attrValues (removeAttrs v [ "type" ]))
    else if lib.isList v then lib.concatMap filesystems v
    else [ ];
  fromDevices = lib.listToAttrs (map
    (fs: lib.nameValuePair fs.mountpoint { device = fs.device or "/dev/disk/by-disko/${fs.mountpoint}"; fsType = fs.format or "auto"; options = fs.mountOptions or [ "defaults" ]; })
    (filesystems (removeAttrs cfg.devices [ "nodev" ])));
  fromNodev = lib.mapAttrs (mountpoint: d: { device = d.device or "none"; fsType = d.fsType; options = d.mountOptions or [ "defaults" ]; }) cfg.devices.nodev;
  biosBoot = disk: lib.any (p: (p.type or null) == "EF02") (lib.attrValues (disk.content.partitions or { }));
in
{
  options.disko = {
    devices = opt (types.submodule { options = lib.genAttrs kinds (_: opt (types.attrsOf (types.attrsOf types.anything)) { }); }) { };
    enableConfig = opt types.bool true;
    rootMountPoint = opt types.str "/mnt";
    memSize = opt types.int 1024;
    checkScripts = opt types.bool false;
    testMode = opt types.bool false;
    imageBuilder = opt (types.attrsOf types.anything) { };
    tests = opt (types.attrsOf types.anything) { };
  };

  config = lib.mkIf cfg.enableConfig {
    fileSystems = fromDevices // fromNodev;
    boot.loader.grub.devices = map (d: d.device) (lib.filter biosBoot (lib.attrValues cfg.devices.disk));
  };
}
