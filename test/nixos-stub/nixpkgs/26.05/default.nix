# The stand-in nixpkgs of NixOS 26.05 (see ../make.nix).
import ../make.nix "26.05"
