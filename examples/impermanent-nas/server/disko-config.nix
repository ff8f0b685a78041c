# Hand-written (synth never writes or deletes it): disko's layout of the NAS's system disk. `/`
# is a tmpfs, wiped on every boot; `/nix` and `/persist` keep what must survive (see
# ./persistence.nix). The media pool (/tank) is a second file system, not laid out here.
{ ... }:
{
  disko.devices = {
    disk.system = {
      type = "disk";
      device = "/dev/nvme0n1";
      content = {
        type = "gpt";
        partitions = {
          ESP = {
            size = "1G";
            type = "EF00";
            content = {
              type = "filesystem";
              format = "vfat";
              mountpoint = "/boot";
            };
          };
          nix = {
            size = "200G";
            content = {
              type = "filesystem";
              format = "ext4";
              mountpoint = "/nix";
            };
          };
          persist = {
            size = "100%";
            content = {
              type = "filesystem";
              format = "ext4";
              mountpoint = "/persist";
            };
          };
        };
      };
    };
    nodev."/" = {
      fsType = "tmpfs";
      mountOptions = [
        "size=2G"
        "mode=755"
      ];
    };
  };
}
