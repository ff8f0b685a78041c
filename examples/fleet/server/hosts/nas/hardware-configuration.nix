# An example of the NAS's own hardware configuration, which nixjs never writes: on the machine,
# `nixos-generate-config --show-hardware-config` prints the real one. Replace this file with it.
# The media library is a separate disk mounted at /tank.
{ ... }:
{
  boot.loader.systemd-boot.enable = true;
  boot.loader.efi.canTouchEfiVariables = true;
  boot.initrd.availableKernelModules = [
    "xhci_pci"
    "ahci"
    "nvme"
    "sd_mod"
  ];
  boot.kernelModules = [ "kvm-amd" ];
  fileSystems."/" = {
    device = "/dev/disk/by-label/nixos";
    fsType = "ext4";
  };
  fileSystems."/boot" = {
    device = "/dev/disk/by-label/boot";
    fsType = "vfat";
    options = [ "umask=0077" ];
  };
  fileSystems."/tank" = {
    device = "/dev/disk/by-label/tank";
    fsType = "ext4";
  };
}
