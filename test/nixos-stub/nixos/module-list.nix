# The stand-in's base modules: what every system (host or container guest) gets, like
# nixpkgs' nixos/modules/module-list.nix. agenix is not here: it is imported explicitly.
[
  ./system.nix
  ./networking.nix
  ./containers.nix
  ./oci-containers.nix
  ./traefik.nix
  ./caddy.nix
  ./authelia.nix
  ./services.nix
]
