# `import nixpkgs { system; … }` of the stand-in nixpkgs of one release: the stand-in pkgs, with
# the release's lib. nixpkgs' own arguments are accepted (and ignored: nothing is built).
release:
{ system ? "x86_64-linux", localSystem ? null, config ? { }, overlays ? [ ], ... }:
import ../pkgs.nix {
  lib = import ../lib/make.nix { inherit release; };
  system = if localSystem != null then localSystem.system or localSystem else system;
}
