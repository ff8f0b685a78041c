# services.postgresql.* main options (nixos/modules/services/databases/postgresql.nix). The
# package follows system.stateVersion (25.11 and later: PostgreSQL 17); `port` moved to
# settings.port long ago (a renamed option). It creates the postgres user.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  cfg = config.services.postgresql;
  stateVersion = config.system.stateVersion;
  defaultPackage =
    if lib.versionAtLeast stateVersion "25.11" then pkgs.postgresql_17
    else if lib.versionAtLeast stateVersion "24.11" then pkgs.postgresql_16
    else if lib.versionAtLeast stateVersion "23.11" then pkgs.postgresql_15
    else pkgs.postgresql_14;
  clause = opt (types.nullOr types.bool) null;
  ensureUser = types.submodule {
    options = {
      name = mkOption { type = types.str; };
      ensureDBOwnership = opt types.bool false;
      ensureClauses = {
        superuser = clause; createrole = clause; createdb = clause; "inherit" = clause;
        login = clause; replication = clause; bypassrls = clause;
      };
    };
  };
in
{
  imports = [ (lib.mkRenamedOptionModule [ "services" "postgresql" "port" ] [ "services" "postgresql" "settings" "port" ]) ];

  options.services.postgresql = {
    enable = lib.mkEnableOption "PostgreSQL Server";
    package = opt types.package defaultPackage;
    enableTCPIP = opt types.bool false;
    enableJIT = opt types.bool false;
    dataDir = opt types.path "/var/lib/postgresql/${cfg.package.psqlSchema or "stub"}";
    authentication = opt types.lines "";
    identMap = opt types.lines "";
    initdbArgs = opt (types.listOf types.str) [ ];
    initialScript = opt (types.nullOr types.path) null;
    ensureDatabases = opt (types.listOf types.str) [ ];
    ensureUsers = opt (types.listOf ensureUser) [ ];
    extensions = opt (types.either (types.listOf types.package) types.unspecified) [ ];
    settings = opt
      (types.submodule {
        freeformType = types.attrsOf (types.oneOf [ types.bool types.float types.int types.str (types.listOf types.str) ]);
        options = {
          port = opt types.port 5432;
          listen_addresses = opt types.str (if cfg.enableTCPIP then "*" else "localhost");
        };
      }) { };
    superUser = mkOption { type = types.str; default = "postgres"; readOnly = true; };
  };

  config = lib.mkIf cfg.enable {
    assertions = [ {
      assertion = lib.all (u: u.ensureDBOwnership -> lib.elem u.name cfg.ensureDatabases) cfg.ensureUsers;
      message = ''
        For each database user defined with `services.postgresql.ensureUsers` and
        `ensureDBOwnership = true;`, a database with the same name must be defined
        in `services.postgresql.ensureDatabases`.

        Offender: ${lib.concatMapStringsSep ", " (u: u.name) (lib.filter (u: u.ensureDBOwnership && !lib.elem u.name cfg.ensureDatabases) cfg.ensureUsers)}
      '';
    } ];
    users.users.postgres = { group = "postgres"; isSystemUser = true; uid = 71; home = cfg.dataDir; };
    users.groups.postgres.gid = 71;
    systemd.services.postgresql = { wantedBy = [ "multi-user.target" ]; serviceConfig = { User = "postgres"; Group = "postgres"; }; };
  };
}
