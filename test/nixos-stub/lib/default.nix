# The stand-in for nixpkgs `lib`: plain helpers, properties and options, types and the module
# system, tied in one fixpoint because types merge through the module system and back.
let
  lib = import ./basics.nix // import ./options.nix { inherit lib; } // {
    types = import ./types.nix { inherit lib; };
    modules = import ./modules.nix { inherit lib; };
    inherit (lib.modules) evalModules mergeDefinitions;
    inherit (lib.types) mkOptionType;
  };
in
lib
