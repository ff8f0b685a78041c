# Stand-in for ryantm/agenix's modules/age.nix (docs/nixos/secrets.md): the same options, defaults,
# rename and assertion; no activation scripts (nothing is decrypted here). The owner and group
# are chowned by name at activation: ../nixos/check.nix warns about names the system lacks.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.age;
  users = config.users.users;

  secret = { name, config, ... }: {
    options = {
      name = mkOption { type = types.str; default = name; };
      file = mkOption { type = types.path; };
      path = mkOption { type = types.str; default = "${cfg.secretsDir}/${config.name}"; };
      mode = mkOption { type = types.str; default = "0400"; };
      owner = mkOption { type = types.str; default = "0"; };
      group = mkOption { type = types.str; default = users.${config.owner}.group or "0"; };
      symlink = lib.mkEnableOption "symlinking secrets to their destination" // { default = true; };
    };
  };
in
{
  imports = [ (lib.mkRenamedOptionModule [ "age" "sshKeyPaths" ] [ "age" "identityPaths" ]) ];

  options.age = {
    ageBin = mkOption { type = types.str; default = "${pkgs.rage}/bin/rage"; };
    secrets = mkOption { type = types.attrsOf (types.submodule secret); default = { }; };
    secretsDir = mkOption { type = types.path; default = "/run/agenix"; };
    secretsMountPoint = mkOption {
      type = types.addCheck types.str (s: builtins.match "[ \t\n]*" s == null && builtins.match ".+/" s == null)
        // { description = "string (with check: non-empty without trailing slash)"; };
      default = "/run/agenix.d";
    };
    identityPaths = mkOption {
      type = types.listOf types.path;
      default =
        if config.services.openssh.enable or false
        then map (e: e.path) (lib.filter (e: e.type == "rsa" || e.type == "ed25519") config.services.openssh.hostKeys)
        else [ ];
    };
  };

  config = lib.mkIf (cfg.secrets != { }) {
    assertions = [ { assertion = cfg.identityPaths != [ ]; message = "age.identityPaths must be set, for example by enabling openssh."; } ];
  };
}
