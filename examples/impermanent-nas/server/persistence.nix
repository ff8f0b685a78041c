# Hand-written (synth never writes or deletes it): what survives a reboot on a machine whose `/`
# is a tmpfs (impermanence). The containers' state directories are already on /persist (the
# config's stateDirectories); here is the rest of the system's state.
{ ... }:
{
  fileSystems."/persist".neededForBoot = true;
  environment.persistence."/persist" = {
    hideMounts = true;
    directories = [
      "/var/lib/nixos"
      "/var/lib/nixos-containers"
      "/var/lib/containers"
      "/var/log"
    ];
    files = [ "/etc/machine-id" ];
  };
}
