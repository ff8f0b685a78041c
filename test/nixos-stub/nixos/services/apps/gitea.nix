# services.gitea.* main options (nixos/modules/services/misc/gitea.nix): `settings` is app.ini
# (free-form sections of scalars) with the common keys typed, `database.*` typed, and the
# module's database assertions. It creates the gitea user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.gitea;
  iniAtom = types.nullOr (types.oneOf [ types.bool types.int types.float types.str ]);
  section = options: opt (types.submodule { freeformType = types.attrsOf iniAtom; inherit options; }) { };
  useSqlite = cfg.database.type == "sqlite3";
in
{
  options.services.gitea = {
    enable = lib.mkEnableOption "Gitea Service";
    package = opt types.package pkgs.gitea;
    user = opt types.str "gitea";
    group = opt types.str "gitea";
    stateDir = opt types.str "/var/lib/gitea";
    customDir = opt types.str "${cfg.stateDir}/custom";
    appName = opt types.str "gitea: Gitea Service";
    useWizard = opt types.bool false;
    repositoryRoot = opt types.str "${cfg.stateDir}/repositories";
    mailerPasswordFile = opt (types.nullOr types.str) null;
    lfs = { enable = opt types.bool false; contentDir = opt types.str "${cfg.stateDir}/data/lfs"; };
    dump = opt (types.attrsOf types.anything) { };
    database = {
      type = opt (types.enum [ "sqlite3" "mysql" "postgres" ]) "sqlite3";
      host = opt types.str "127.0.0.1";
      port = opt types.port (if cfg.database.type == "postgres" then 5432 else 3306);
      name = opt types.str "gitea";
      user = opt types.str "gitea";
      password = opt types.str "";
      passwordFile = opt (types.nullOr types.path) null;
      socket = opt (types.nullOr types.path) null;
      path = opt types.str "${cfg.stateDir}/data/gitea.db";
      createDatabase = opt types.bool true;
    };
    settings = opt
      (types.submodule {
        freeformType = types.attrsOf (types.attrsOf iniAtom);
        options = {
          log.LEVEL = opt (types.enum [ "Trace" "Debug" "Info" "Warn" "Error" "Critical" ]) "Info";
          server = section {
            PROTOCOL = opt (types.enum [ "http" "https" "fcgi" "http+unix" "fcgi+unix" ]) "http";
            HTTP_ADDR = opt types.str "0.0.0.0";
            HTTP_PORT = opt types.port 3000;
            DOMAIN = opt types.str "localhost";
            ROOT_URL = opt types.str "http://${cfg.settings.server.DOMAIN}:${toString cfg.settings.server.HTTP_PORT}/";
            DISABLE_SSH = opt types.bool false;
            SSH_PORT = opt types.port 22;
          };
          service.DISABLE_REGISTRATION = opt types.bool false;
          session.COOKIE_SECURE = opt types.bool false;
        };
      }) { };
    extraConfig = opt (types.nullOr types.str) null;
  };

  config = lib.mkIf cfg.enable {
    assertions = [
      {
        assertion = cfg.database.createDatabase -> useSqlite || cfg.database.user == cfg.user;
        message = "services.gitea.database.user must match services.gitea.user if the database is to be automatically provisioned";
      }
      {
        assertion = cfg.database.createDatabase && cfg.database.type == "postgres" -> cfg.database.user == cfg.database.name;
        message = ''
          When creating a database via NixOS, the db user and db name must be equal!
          If you already have an existing DB+user and this assertion is new, you can safely set
          `services.gitea.createDatabase` to `false` because removal of `ensureUsers`
          and `ensureDatabases` doesn't have any effect.
        '';
      }
    ];
    systemd.services.gitea = {
      wantedBy = [ "multi-user.target" ];
      serviceConfig = { User = cfg.user; Group = cfg.group; };
    };
    users.users = lib.mkIf (cfg.user == "gitea") { gitea = { description = "Gitea Service"; home = cfg.stateDir; useDefaultShell = true; group = cfg.group; isSystemUser = true; }; };
    users.groups = lib.mkIf (cfg.group == "gitea") { gitea = { }; };
  };
}
