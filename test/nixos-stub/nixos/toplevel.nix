# config.system.build.toplevel: evaluating it performs the check building the real one performs
# (./check.nix: failed assertions, then every value), and yields a derivation-shaped set a test
# (or deploy-rs' activate.nixos) can inspect. Nothing is built.
{ lib }:
config:
let
  checked = import ./check.nix { inherit lib; } config;
  name = "nixos-system-${config.networking.hostName}-${config.system.nixos.release}.stub";
  storePath = "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";
in
builtins.seq (builtins.length checked.warnings) {
  type = "derivation";
  inherit name;
  outPath = storePath;
  drvPath = "${storePath}.drv";
  inherit (checked) warnings;
  system = config.nixpkgs.hostPlatform;
}
