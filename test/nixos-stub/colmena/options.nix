# colmena's meta and deployment options (src/nix/hive/options.nix) and the key assertion
# (modules.nix), with the same names, types and defaults.
{ lib }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  keyType = { name, config, ... }: {
    options = {
      name = opt types.str name;
      text = opt (types.nullOr types.str) null;
      keyFile = opt (types.nullOr types.path) null;
      keyCommand = opt (types.nullOr (types.nonEmptyListOf types.str)) null;
      destDir = opt types.path "/run/keys";
      path = opt types.path "${config.destDir}/${config.name}";
      user = opt types.str "root";
      group = opt types.str "root";
      permissions = opt types.str "0600";
      uploadAt = opt (types.enum [ "pre-activation" "post-activation" ]) "pre-activation";
    };
  };
in
{
  metaOptions = {
    options = {
      name = opt types.str "hive";
      description = opt types.str "A Colmena Hive";
      nixpkgs = opt types.unspecified null;
      nodeNixpkgs = opt (types.attrsOf types.unspecified) { };
      nodeSpecialArgs = opt (types.attrsOf types.unspecified) { };
      machinesFile = opt (types.nullOr types.path) null;
      specialArgs = opt (types.attrsOf types.unspecified) { };
      allowApplyAll = opt types.bool true;
    };
  };

  deploymentOptions = { name, config, ... }: {
    _file = "colmena's deploymentOptions";
    options.deployment = {
      targetHost = opt (types.nullOr types.str) name;
      targetPort = opt (types.nullOr types.ints.unsigned) null;
      targetUser = opt (types.nullOr types.str) "root";
      allowLocalDeployment = opt types.bool false;
      buildOnTarget = opt types.bool false;
      tags = opt (types.listOf types.str) [ ];
      keys = opt (types.attrsOf (types.submodule keyType)) { };
      replaceUnknownProfiles = opt types.bool true;
      privilegeEscalationCommand = opt (types.listOf types.str) [ "sudo" "-H" "--" ];
      sshOptions = opt (types.listOf types.str) [ ];
    };
    config.assertions = lib.mapAttrsToList
      (key: k: {
        assertion = lib.length (lib.filter (x: x != null) [ k.text k.keyCommand k.keyFile ]) == 1;
        message = let prefix = "${name}.deployment.keys.${key}"; in
          "Exactly one of `${prefix}.text`, `${prefix}.keyCommand` and `${prefix}.keyFile` must be set.";
      })
      config.deployment.keys;
  };
}
