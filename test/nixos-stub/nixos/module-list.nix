# The stand-in's base modules: what every system (host or container guest) gets, like nixpkgs'
# nixos/modules/module-list.nix. Flake inputs' modules (agenix, sops-nix, impermanence, disko)
# are not here: a flake imports them explicitly, as with the real ones.
[
  ./system.nix
  ./boot.nix
  ./users.nix
  ./nix.nix
  ./systemd.nix
  ./networking/interfaces.nix
  ./networking/firewall.nix
  ./networking/nat.nix
  ./networking/resolved.nix
  ./virtualisation/containers.nix
  ./virtualisation/oci-containers.nix
  ./virtualisation/podman.nix
  ./services/openssh.nix
  ./services/cloudflared.nix
  ./services/traefik.nix
  ./services/caddy.nix
  ./services/acme.nix
  ./services/authelia.nix
  ./services/apps/adguardhome.nix
  ./services/apps/immich.nix
  ./services/apps/vaultwarden.nix
  ./services/apps/opencloud.nix
  ./services/apps/nextcloud.nix
  ./services/apps/linkwarden.nix
  ./services/apps/gitea.nix
  ./services/apps/miniflux.nix
  ./services/apps/jellyfin.nix
  ./services/apps/postgresql.nix
  ./services/apps/redis-nginx.nix
]
