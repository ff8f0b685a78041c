# An example of the Raspberry Pi's own hardware configuration, which nixjs never writes: on the
# Pi, `nixos-generate-config --show-hardware-config` prints the real one. Replace this file with
# it. The SD image boots with extlinux (U-Boot), not GRUB.
{ ... }:
{
  boot.loader.grub.enable = false;
  boot.loader.generic-extlinux-compatible.enable = true;
  boot.initrd.availableKernelModules = [
    "xhci_pci"
    "usbhid"
    "usb_storage"
  ];
  fileSystems."/" = {
    device = "/dev/disk/by-label/NIXOS_SD";
    fsType = "ext4";
  };
}
