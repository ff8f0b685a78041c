# Stand-in for nix-community/impermanence's nixos.nix (docs/nixos/flake-tools.md): the options of
# environment.persistence.<storage path> (directories and files as strings or sets, per-user
# lists, hideMounts …) and its assertions: persistent storage that is a file system must be
# neededForBoot, and no file or directory may be listed twice. Nothing is mounted.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  perms = { user ? "root", group ? "root", mode ? "0755" }: {
    user = opt types.str user;
    group = opt (types.nullOr types.str) group;
    mode = opt types.str mode;
  };
  dir = outer: types.submodule ({ config, ... }: {
    options = perms { } // {
      directory = mkOption { type = types.str; };
      hideMount = opt types.bool outer.hideMounts;
      persistentStoragePath = opt types.path outer.persistentStoragePath;
      dirPath = mkOption { type = types.path; default = config.directory; readOnly = true; };
    };
  });
  file = outer: types.submodule ({ config, ... }: {
    options = {
      file = mkOption { type = types.str; };
      method = opt (types.enum [ "auto" "symlink" ]) "auto";
      parentDirectory = perms { };
      persistentStoragePath = opt types.path outer.persistentStoragePath;
      filePath = mkOption { type = types.path; default = config.file; readOnly = true; };
    };
  });
  lists = outer: {
    directories = opt (types.listOf (types.coercedTo types.str (d: { directory = d; }) (dir outer))) [ ];
    files = opt (types.listOf (types.coercedTo types.str (f: { file = f; }) (file outer))) [ ];
  };
  removed = name: option: why: lib.mkRemovedOptionModule [ option ] ''
    ▹ persistence."${name}":
        ${why}
  '';
  storage = { name, config, ... }: {
    imports = [
      (removed name "allowOther" "As real bind mounts are now used instead of bindfs, `allowOther' is no longer needed.")
      (removed name "removePrefixDirectory" "The use of prefix directories is deprecated and the functionality has been removed.")
      (removed name "defaultDirectoryMethod" "As real bind mounts are now used instead of bindfs, changing the default directory linking method is deprecated.")
    ];
    options = lists config // {
      assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; internal = true; };
      enable = opt types.bool true;
      persistentStoragePath = opt types.path name;
      hideMounts = opt types.bool false;
      allowTrash = opt types.bool false;
      enableDebugging = opt types.bool false;
      enableWarnings = opt types.bool true;
      users = opt (types.attrsOf (types.submodule { options = lists config; })) { };
    };
  };
  enabled = lib.filter (s: s.enable) (lib.attrValues config.environment.persistence);
  all = attr: lib.concatMap (s: s.${attr} ++ lib.concatMap (u: u.${attr}) (lib.attrValues s.users)) enabled;
  duplicates = xs: lib.unique (lib.filter (x: lib.count (y: y == x) xs > 1) xs);
  markedNeededForBoot = fs: if config.fileSystems ? ${fs} then config.fileSystems.${fs}.neededForBoot else true;
  storagePaths = lib.unique (map (e: e.persistentStoragePath) (all "files" ++ all "directories"));
in
{
  options.environment.persistence = opt (types.attrsOf (types.submodule storage)) { };

  config.assertions = lib.concatMap (s: s.assertions) (lib.attrValues config.environment.persistence) ++ lib.optionals (enabled != [ ]) [
    {
      assertion = lib.all markedNeededForBoot storagePaths;
      message = ''
        environment.persistence:
            All filesystems used for persistent storage must
            have the option "neededForBoot" set to true.

            Please fix the following filesystems:
              ${lib.concatStringsSep "\n      " (lib.filter (fs: !markedNeededForBoot fs) storagePaths)}
      '';
    }
    {
      assertion = duplicates (map (f: f.filePath) (all "files")) == [ ];
      message = ''
        environment.persistence:
            The following files were specified two or more
            times:
              ${lib.concatStringsSep "\n      " (duplicates (map (f: f.filePath) (all "files")))}
      '';
    }
    {
      assertion = duplicates (map (d: d.dirPath) (all "directories")) == [ ];
      message = ''
        environment.persistence:
            The following directories were specified two or more
            times:
              ${lib.concatStringsSep "\n      " (duplicates (map (d: d.dirPath) (all "directories")))}
      '';
    }
  ];
}
