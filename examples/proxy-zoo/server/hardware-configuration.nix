# An example of the machine's own hardware configuration, which nixjs never writes: on the
# machine, `nixos-generate-config --show-hardware-config > hardware-configuration.nix` writes
# the real one (its file systems, boot loader and kernel modules). Replace this file with it.
{ ... }:
{
  fileSystems."/" = {
    device = "/dev/disk/by-label/nixos";
    fsType = "ext4";
  };
  fileSystems."/boot" = {
    device = "/dev/disk/by-label/ESP";
    fsType = "vfat";
  };
  boot.loader.systemd-boot.enable = true;
}
