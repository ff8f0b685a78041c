# The stand-in nixpkgs of NixOS 25.11 (see ../make.nix).
import ../make.nix "25.11"
