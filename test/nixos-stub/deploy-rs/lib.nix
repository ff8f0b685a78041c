# Stand-in for serokell/deploy-rs' `lib.<system>` (flake.nix; docs/nixos/flake-tools.md):
# activate.{nixos,custom,noop,home-manager,darwin} wrap a profile as deploy-rs does (nixos reads
# the system's toplevel, which performs the stand-in NixOS check), and deployChecks returns the
# two checks `nix flake check` builds, whose evaluation here does what their build does: the
# deploy output against deploy-rs' interface.json schema, and every profile made by activate.*
# (read as its Nix reads them: `deploy.nodes` and each node's `profiles` without a default, so a
# node without profiles fails there, as `deploy` itself refuses it: src/data.rs requires them).
# Unknown attributes are accepted, as there (the schema and deploy-rs' parser ignore them).
{ lib, system }:
let
  storePath = name: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";
  activatable = base: extra: {
    type = "derivation";
    name = "activatable-${base.name or "profile"}";
    # Building the profile builds the system: reading its path performs the system's check.
    outPath = builtins.seq base (storePath "activatable-${base.name or "profile"}");
    inherit system;
    deployRsActivate = true;
    inherit base;
  } // extra;
  check = name: validate: {
    type = "derivation";
    inherit name system;
    outPath = builtins.seq validate (storePath name);
  };
  schema = import ./schema.nix { inherit lib; };
in
rec {
  activate = rec {
    custom = { __functor = self: base: script: activatable base { activateScript = script; }; };
    nixos = base: custom base.config.system.build.toplevel "$PROFILE/bin/switch-to-configuration switch";
    home-manager = base: custom base.activationPackage "$PROFILE/activate";
    darwin = base: custom base.config.system.build.toplevel "HOME=/var/root $PROFILE/activate";
    noop = base: custom base ":";
  };
  setActivate = builtins.trace "deploy-rs#lib.setActivate is deprecated, use activate.noop, activate.nixos or activate.custom instead" activate.custom;

  deployChecks = deploy: {
    deploy-schema = check "jsonschema-deploy-system" (schema deploy);
    deploy-activate = check "deploy-rs-check-activate" (lib.all lib.id (lib.concatLists (lib.mapAttrsToList
      (nodeName: node: lib.mapAttrsToList
        (profileName: profile:
          (profile.path.deployRsActivate or false)
          || throw "#${nodeName}.${profileName} is missing the deploy-rs-activate activation script")
        node.profiles)
      deploy.nodes)));
  };
}
