# An example of the machine's own hardware configuration, which nixjs never writes: on the
# machine, `nixos-generate-config --no-filesystems --show-hardware-config` writes the real one
# (disko gives the file systems here). Replace this file with it.
{ ... }:
{
  boot.loader.systemd-boot.enable = true;
  boot.initrd.availableKernelModules = [
    "nvme"
    "xhci_pci"
    "ahci"
  ];
}
