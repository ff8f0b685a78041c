# The stand-in for nixpkgs `lib` of the default release (see ../releases.nix); the harness builds
# the lib of the flake's release with ./make.nix.
import ./make.nix { release = (import ../releases.nix).default; }
