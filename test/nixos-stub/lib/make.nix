# The stand-in for nixpkgs `lib` of one NixOS release: plain helpers, properties and options,
# types, the module system and the option-renaming modules, tied in one fixpoint because types
# merge through the module system and back. `lib.trivial.release` is the release ("26.05"), as in
# nixpkgs: stand-in modules read it to declare their options as that release does.
{ release }:
let
  lib = import ./basics.nix // import ./options.nix { inherit lib; } // import ./renames.nix { inherit lib; } // {
    types = import ./types.nix { inherit lib; };
    modules = import ./modules.nix { inherit lib; };
    inherit (lib.modules) evalModules mergeDefinitions;
    inherit (lib.types) mkOptionType;
    # nixpkgs' lib.version is "<release>.<date>.<rev>"; the date part sorts it after the bare
    # release, so `lib.versionAtLeast lib.version "26.05"` answers as it would on NixOS 26.05.
    version = "${release}.19700101.stub";
    trivial = { inherit release; inherit (lib) version; };
    releases = import ../releases.nix;
    # `lib.stub.pick "traefik" table`: this release's row of a module's release table.
    stub.pick = family: table:
      table.${release} or (throw "nixos-stub: ${family} has no entry for NixOS ${release} in its release table (supported: ${lib.concatStringsSep ", " lib.releases.supported}).");
  };
in
lib
