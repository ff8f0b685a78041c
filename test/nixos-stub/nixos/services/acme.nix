# security.acme.* (nixos/modules/security/acme/): the basic options typed, the rest of a
# certificate free-form, and the module's two main assertions.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  opt = type: default: mkOption { inherit type default; };
  nullStr = opt (types.nullOr types.str) null;
  cfg = config.security.acme;
  common = {
    email = nullStr;
    server = nullStr;
    dnsProvider = nullStr;
    dnsResolver = nullStr;
    dnsPropagationCheck = opt types.bool true;
    environmentFile = opt (types.nullOr types.path) null;
    credentialFiles = opt (types.attrsOf types.path) { };
    webroot = nullStr;
    listenHTTP = nullStr;
    group = opt types.str "acme";
    reloadServices = opt (types.listOf types.str) [ ];
    keyType = opt types.str "ec256";
    extraLegoFlags = opt (types.listOf types.str) [ ];
  };
  cert = { name, ... }: {
    freeformType = types.attrsOf types.anything;
    options = common // {
      domain = opt types.str name;
      extraDomainNames = opt (types.listOf types.str) [ ];
      directory = opt types.str "/var/lib/acme/${name}";
    };
  };
in
{
  options.security.acme = {
    acceptTerms = opt types.bool false;
    defaults = opt (types.submodule { freeformType = types.attrsOf types.anything; options = common; }) { };
    certs = opt (types.attrsOf (types.submodule cert)) { };
    useRoot = opt types.bool false;
    preliminarySelfsigned = opt types.bool true;
  };

  config = lib.mkIf (cfg.certs != { }) {
    assertions = [
      {
        assertion = cfg.defaults.email != null || lib.all (c: c.email != null) (lib.attrValues cfg.certs);
        message = ''
          You must define `security.acme.certs.<name>.email` or
          `security.acme.defaults.email` to register with the CA. Note that using
          many different addresses for certs may trigger account rate limits.
        '';
      }
      {
        assertion = cfg.acceptTerms;
        message = ''
          You must accept the CA's terms of service before using
          the ACME module by setting `security.acme.acceptTerms`
          to `true`. For Let's Encrypt's ToS see https://letsencrypt.org/repository/
        '';
      }
    ];
    users.users.acme = { home = "/var/lib/acme"; group = "acme"; isSystemUser = true; };
    users.groups.acme = { };
  };
}
