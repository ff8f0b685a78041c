# users.users / users.groups (nixos/modules/config/users-groups.nix): the usual options typed,
# the built-in root and nobody accounts, and the two per-user assertions every module that
# creates a user meets (exactly one of isSystemUser/isNormalUser, a group). Which users exist is
# what agenix's and sops-nix's chown rely on (./check.nix).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  nullStr = opt (types.nullOr types.str) null;

  idRange = types.submodule {
    options = {
      startUid = opt (types.nullOr types.int) null;
      startGid = opt (types.nullOr types.int) null;
      count = opt types.int 1;
    };
  };

  userModule = { name, config, ... }: {
    options = {
      name = opt types.str name;
      description = opt types.str "";
      uid = opt (types.nullOr types.int) null;
      isSystemUser = opt types.bool false;
      isNormalUser = opt types.bool false;
      group = opt types.str "";
      extraGroups = strings;
      home = opt types.path (if config.isNormalUser then "/home/${name}" else "/var/empty");
      homeMode = opt types.str "700";
      createHome = opt types.bool config.isNormalUser;
      shell = opt (types.nullOr (types.either types.shellPackage types.path)) pkgs.shadow;
      ignoreShellProgramCheck = opt types.bool false;
      subUidRanges = opt (types.listOf idRange) [ ];
      subGidRanges = opt (types.listOf idRange) [ ];
      autoSubUidGidRange = opt types.bool false;
      initialPassword = nullStr;
      initialHashedPassword = nullStr;
      password = nullStr;
      hashedPassword = nullStr;
      hashedPasswordFile = nullStr;
      openssh.authorizedKeys.keys = strings;
      openssh.authorizedKeys.keyFiles = opt (types.listOf types.path) [ ];
      packages = opt (types.listOf types.package) [ ];
      linger = opt (types.nullOr types.bool) null;
      expires = nullStr;
      useDefaultShell = opt types.bool false;
    };
    # users-groups.nix: a normal user's primary group is `users` unless given.
    config = lib.mkIf config.isNormalUser { group = lib.mkDefault "users"; };
  };
  groupModule = { name, ... }: {
    options = {
      name = opt types.str name;
      gid = opt (types.nullOr types.int) null;
      members = strings;
    };
  };
  xor = a: b: a && !b || b && !a;
in
{
  options.users = {
    users = opt (types.attrsOf (types.submodule userModule)) { };
    groups = opt (types.attrsOf (types.submodule groupModule)) { };
    mutableUsers = opt types.bool true;
    manageLingering = opt types.bool true;
    defaultUserShell = opt (types.either types.path types.shellPackage) pkgs.shadow;
  };

  config = {
    users.users = {
      root = { uid = 0; description = "System administrator"; home = "/root"; group = "root"; };
      nobody = { uid = 65534; isSystemUser = true; description = "Unprivileged account (don't use!)"; group = "nogroup"; };
    };
    # users-groups.nix declares these (ids.nix gids); `users` is normal users' primary group.
    users.groups = { root.gid = 0; wheel.gid = 1; users.gid = 100; nogroup.gid = 65534; };

    assertions = lib.concatMap
      (user: [
        {
          assertion =
            let isEffectivelySystemUser = user.isSystemUser || (user.uid != null && user.uid < 1000 && !user.isNormalUser);
            in xor isEffectivelySystemUser user.isNormalUser;
          message = ''
            Exactly one of users.users.${user.name}.isSystemUser and users.users.${user.name}.isNormalUser must be set.
          '';
        }
        {
          assertion = user.group != "";
          message = ''
            users.users.${user.name}.group is unset. This used to default to
            nogroup, but this is unsafe. For example you can create a group
            for this user with:
            users.users.${user.name}.group = "${user.name}";
            users.groups.${user.name} = {};
          '';
        }
      ])
      (lib.attrValues config.users.users);
  };
}
