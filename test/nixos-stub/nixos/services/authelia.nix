# services.authelia.instances.<name>.* (nixos/modules/services/security/authelia.nix; the same in
# 25.11 and 26.05, docs/nixos/authelia.md): typed keys, `settings` free-form YAML with a few
# typed keys, and the module's secrets assertion, which holds for every instance, enabled or
# not. An enabled instance gets its user (authelia-<name>) and systemd unit, as upstream, with
# upstream's environment: the secret files' variables, the template filter when the OIDC issuer
# key is a file (its JWKS is a template), and `environmentVariables` over them.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  nullPath = opt (types.nullOr types.path) null;
  cfg = config.services.authelia;

  instance = { name, ... }: {
    options = {
      enable = lib.mkEnableOption "Authelia instance";
      name = opt types.str name;
      package = opt types.package pkgs.authelia;
      user = opt types.str "authelia-${name}";
      group = opt types.str "authelia-${name}";
      secrets = opt
        (types.submodule {
          options = {
            manual = opt types.bool false;
            jwtSecretFile = nullPath;
            storageEncryptionKeyFile = nullPath;
            sessionSecretFile = nullPath;
            oidcHmacSecretFile = nullPath;
            oidcIssuerPrivateKeyFile = nullPath;
          };
        }) { };
      environmentVariables = opt (types.attrsOf types.str) { };
      settings = opt
        (types.submodule {
          freeformType = (pkgs.formats.yaml { }).type;
          options = {
            theme = opt (types.enum [ "light" "dark" "grey" "auto" ]) "light";
            default_2fa_method = opt (types.enum [ "" "totp" "webauthn" "mobile_push" ]) "";
            server.address = opt types.str "tcp://:9091/";
            log = {
              level = opt (types.enum [ "trace" "debug" "info" "warn" "error" ]) "debug";
              format = opt (types.enum [ "json" "text" ]) "json";
              file_path = nullPath;
              keep_stdout = opt types.bool false;
            };
            telemetry.metrics = {
              enabled = opt types.bool false;
              address = opt types.str "tcp://127.0.0.1:9959";
            };
          };
        }) { };
      settingsFiles = opt (types.listOf types.path) [ ];
    };
  };
  enabled = lib.filter (i: i.enable) (lib.attrValues cfg.instances);
in
{
  options.services.authelia.instances = opt (types.attrsOf (types.submodule instance)) { };

  config = {
    assertions = lib.mapAttrsToList
      (name: i: {
        assertion = i.secrets.manual || (i.secrets.jwtSecretFile != null && i.secrets.storageEncryptionKeyFile != null);
        message = ''
          Authelia requires a JWT Secret and a Storage Encryption Key to work.
          Either set them like so:
          services.authelia.${name}.secrets.jwtSecretFile = /my/path/to/jwtsecret;
          services.authelia.${name}.secrets.storageEncryptionKeyFile = /my/path/to/encryptionkey;
          Or set services.authelia.${name}.secrets.manual = true and provide them yourself via
          environmentVariables or settingsFiles.
          Do not include raw secrets in nix settings.
        '';
      })
      cfg.instances;
    systemd.services = lib.listToAttrs (map
      (i: lib.nameValuePair "authelia-${i.name}" {
        description = "Authelia authentication and authorization server";
        wantedBy = [ "multi-user.target" ];
        after = [ "network-online.target" ];
        wants = [ "network-online.target" ];
        environment = lib.filterAttrs (_: v: v != null) {
          X_AUTHELIA_CONFIG_FILTERS = if i.secrets.oidcIssuerPrivateKeyFile != null then "template" else null;
          AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET_FILE = i.secrets.jwtSecretFile;
          AUTHELIA_STORAGE_ENCRYPTION_KEY_FILE = i.secrets.storageEncryptionKeyFile;
          AUTHELIA_SESSION_SECRET_FILE = i.secrets.sessionSecretFile;
          AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET_FILE = i.secrets.oidcHmacSecretFile;
        } // i.environmentVariables;
        serviceConfig = { User = i.user; Group = i.group; StateDirectory = "authelia-${i.name}"; };
      })
      enabled);
    users.users = lib.listToAttrs (map
      (i: lib.nameValuePair "authelia-${i.name}" { isSystemUser = true; group = i.group; })
      (lib.filter (i: i.user == "authelia-${i.name}") enabled));
    users.groups = lib.listToAttrs (map
      (i: lib.nameValuePair "authelia-${i.name}" { })
      (lib.filter (i: i.group == "authelia-${i.name}") enabled));
  };
}
