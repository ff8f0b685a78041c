# Stand-in for Mic92/sops-nix's modules/sops (default.nix, templates, secrets-for-users;
# docs/nixos/secrets.md): the same options, defaults and assertions; nothing is decrypted.
# As there: a secret's sopsFile defaults to sops.defaultSopsFile, each sopsFile is hashed at
# evaluation (validateSopsFiles), and a named owner's group is read from users.users, so an
# owner the system does not have fails evaluation ("attribute '<owner>' missing").
{ config, options, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.sops;
  users = config.users.users;
  pathNotInStore = types.mkOptionType {
    name = "pathNotInStore";
    description = "path not in the Nix store";
    check = x: types.path.check x && !lib.hasPrefix builtins.storeDir (toString x);
    merge = types.mergeEqualOption;
  };
  ownership = config: {
    mode = opt types.str "0400";
    owner = opt (types.nullOr types.str) null;
    uid = opt (types.nullOr types.int) 0;
    group = opt (types.nullOr types.str) (if config.owner != null then users.${config.owner}.group else null);
    gid = opt (types.nullOr types.int) 0;
    restartUnits = opt (types.listOf types.str) [ ];
    reloadUnits = opt (types.listOf types.str) [ ];
  };
  secret = { name, config, ... }: {
    options = ownership config // {
      name = opt types.str name;
      key = opt types.str (if cfg.defaultSopsKey != null then cfg.defaultSopsKey else name);
      path = opt types.str (if config.neededForUsers then "/run/secrets-for-users/${config.name}" else "/run/secrets/${config.name}");
      format = opt (types.enum [ "yaml" "json" "binary" "dotenv" "ini" ]) cfg.defaultSopsFormat;
      sopsFile = mkOption { type = types.path; };
      sopsFileHash = mkOption { type = types.str; readOnly = true; };
      neededForUsers = opt types.bool false;
    };
    config = {
      sopsFile = lib.mkOptionDefault cfg.defaultSopsFile;
      sopsFileHash = lib.mkOptionDefault (lib.optionalString cfg.validateSopsFiles (builtins.hashFile "sha256" config.sopsFile));
    };
  };
  template = { name, config, ... }: {
    options = ownership config // {
      name = opt types.singleLineStr name;
      path = opt types.singleLineStr "/run/secrets/rendered/${config.name}";
      content = opt types.lines "";
      file = opt types.path (pkgs.writeText config.name config.content);
    };
  };
  defaultImportKeys = algo:
    if config.services.openssh.enable then
      map (e: e.path) (lib.filter (e: e.type == algo && !(lib.hasPrefix "/run/secrets" e.path)) config.services.openssh.hostKeys)
    else [ ];
  secretsForUsers = lib.filterAttrs (_: v: v.neededForUsers) cfg.secrets;
in
{
  imports = [
    (lib.mkRenamedOptionModule [ "sops" "gnupgHome" ] [ "sops" "gnupg" "home" ])
    (lib.mkRenamedOptionModule [ "sops" "sshKeyPaths" ] [ "sops" "gnupg" "sshKeyPaths" ])
  ];

  options.sops = {
    secrets = opt (types.attrsOf (types.submodule secret)) { };
    templates = opt (types.attrsOf (types.submodule template)) { };
    placeholder = opt (types.attrsOf types.str) { };
    defaultSopsFile = mkOption { type = types.path; };
    defaultSopsFormat = opt types.str "yaml";
    defaultSopsKey = opt (types.nullOr types.str) null;
    validateSopsFiles = opt types.bool true;
    keepGenerations = opt types.ints.unsigned 1;
    log = opt (types.listOf (types.enum [ "keyImport" "secretChanges" ])) [ "keyImport" "secretChanges" ];
    environment = opt (types.attrsOf (types.either types.str types.path)) { };
    package = opt types.package pkgs.sops-install-secrets;
    validationPackage = opt types.package cfg.package;
    useTmpfs = opt types.bool false;
    useSystemdActivation = opt types.bool false;
    age = {
      keyFile = opt (types.nullOr pathNotInStore) null;
      plugins = opt (types.listOf types.package) [ ];
      generateKey = opt types.bool false;
      sshKeyPaths = opt (types.listOf types.path) (defaultImportKeys "ed25519");
    };
    gnupg = {
      home = opt (types.nullOr types.str) null;
      sshKeyPaths = opt (types.listOf types.path) (defaultImportKeys "rsa");
      package = opt types.package pkgs.gnupg;
    };
  };

  config = lib.mkMerge [
    (lib.mkIf (cfg.secrets != { }) {
      assertions = [
        {
          assertion = cfg.gnupg.home != null || cfg.gnupg.sshKeyPaths != [ ] || cfg.age.keyFile != null || cfg.age.sshKeyPaths != [ ];
          message = "No key source configured for sops. Either set services.openssh.enable or set sops.age.keyFile or sops.gnupg.home";
        }
        {
          assertion = !(cfg.gnupg.home != null && cfg.gnupg.sshKeyPaths != [ ]);
          message = "Exactly one of sops.gnupg.home and sops.gnupg.sshKeyPaths must be set";
        }
      ] ++ lib.optionals cfg.validateSopsFiles (lib.concatLists (lib.mapAttrsToList
        (_: s: [
          { assertion = s.uid != null && s.uid != 0 -> s.owner == null; message = "In ${s.name} exactly one of sops.owner and sops.uid must be set"; }
          { assertion = s.gid != null && s.gid != 0 -> s.group == null; message = "In ${s.name} exactly one of sops.group and sops.gid must be set"; }
        ])
        cfg.secrets));
    })
    (lib.mkIf (cfg.templates != { }) {
      sops.placeholder = lib.mapAttrs (name: _: lib.mkDefault "<SOPS:${builtins.hashString "sha256" name}:PLACEHOLDER>") cfg.secrets;
      assertions = lib.mapAttrsToList
        (name: t: {
          assertion = !(t.owner != null && t.uid != 0);
          message = ''
            Assertion failed for `sops.templates.${name}`:
            Both `owner` and `uid` cannot be defined at the same time. Use either `owner` or leave `uid` as 0.
            owner: ${toString t.owner}
            uid: ${toString t.uid}
          '';
        })
        cfg.templates;
    })
    {
      assertions = [ {
        assertion = lib.filterAttrs (_: v: (v.uid != 0 && v.owner != "root") || (v.gid != 0 && v.group != "root")) secretsForUsers == { };
        message = "neededForUsers cannot be used for secrets that are not root-owned";
      } ];
    }
  ];
}
