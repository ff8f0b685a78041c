# virtualisation.oci-containers.* (nixos-options.md §2, the 25.05+ module) and
# virtualisation.podman.*. Like the real module it turns each container into a systemd service
# whose After=/Requires= come from `dependsOn`, looked up among the defined containers, so a
# name that is not one of them fails evaluation (§2.4).
{ config, options, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkIf mkMerge types;
  opt = type: default: mkOption { inherit type default; };
  strings = opt (types.listOf types.str) [ ];
  nullStr = opt (types.nullOr types.str) null;
  cfg = config.virtualisation.oci-containers;

  container = { name, ... }: {
    options = {
      image = mkOption { type = types.str; };
      imageFile = opt (types.nullOr types.package) null;
      imageStream = opt (types.nullOr types.package) null;
      login = { username = nullStr; passwordFile = nullStr; registry = nullStr; };
      cmd = strings;
      entrypoint = nullStr;
      environment = opt (types.attrsOf types.str) { };
      environmentFiles = opt (types.listOf types.path) [ ];
      log-driver = opt types.str "journald";
      ports = strings;
      user = nullStr;
      volumes = strings;
      workdir = nullStr;
      labels = opt (types.attrsOf types.str) { };
      dependsOn = strings;
      hostname = nullStr;
      preRunExtraOptions = strings;
      extraOptions = strings;
      autoStart = opt types.bool true;
      pull = opt (types.enum [ "always" "missing" "never" "newer" ]) "missing";
      capabilities = opt (types.lazyAttrsOf (types.nullOr types.bool)) { };
      devices = strings;
      privileged = opt types.bool false;
      networks = strings;
      autoRemoveOnStop = opt types.bool true;
      serviceName = opt types.str "${cfg.backend}-${name}";
      podman = opt
        (types.nullOr (types.submodule {
          options = {
            sdnotify = opt (types.enum [ "conmon" "healthy" "container" ]) "conmon";
            user = opt types.str "root";
          };
        }))
        (if cfg.backend == "podman" then { } else null);
    };
  };

  serviceOf = name: c:
    let
      dependency = dep:
        if cfg.containers ? ${dep} then "${cfg.containers.${dep}.serviceName}.service"
        else throw "virtualisation.oci-containers.containers.${name}.dependsOn: `${dep}' is not a container in virtualisation.oci-containers.containers (there are: ${lib.concatStringsSep ", " (lib.attrNames cfg.containers)})";
      dependsOn = map dependency c.dependsOn;
    in
    {
      wantedBy = lib.optional c.autoStart "multi-user.target";
      wants = lib.optional (c.imageFile == null && c.imageStream == null) "network-online.target";
      after = lib.optionals (cfg.backend == "docker") [ "docker.service" "docker.socket" ]
        ++ lib.optional (c.imageFile == null && c.imageStream == null) "network-online.target"
        ++ dependsOn;
      requires = dependsOn;
      environment = lib.optionalAttrs (cfg.backend == "podman") { PODMAN_SYSTEMD_UNIT = "%n"; };
      path = [ (if cfg.backend == "podman" then config.virtualisation.podman.package else pkgs.docker) ];
      serviceConfig = { Restart = "always"; TimeoutStartSec = 0; TimeoutStopSec = 120; }
        // lib.optionalAttrs (cfg.backend == "podman") { Type = "notify"; NotifyAccess = "all"; };
    };
in
{
  options = {
    virtualisation.oci-containers = {
      backend = opt (types.enum [ "podman" "docker" ])
        (if lib.versionAtLeast config.system.stateVersion "22.05" then "podman" else "docker");
      containers = opt (types.attrsOf (types.submodule container)) { };
    };
    virtualisation.podman = {
      enable = opt types.bool false;
      package = opt types.package pkgs.podman;
      dockerCompat = opt types.bool false;
      dockerSocket.enable = opt types.bool false;
      defaultNetwork.settings = opt (pkgs.formats.json { }).type { };
      autoPrune = opt (types.attrsOf types.anything) { };
      extraPackages = opt (types.listOf types.package) [ ];
    };
    virtualisation.docker = opt (types.attrsOf types.anything) { };
    virtualisation.containers = opt (types.attrsOf types.anything) { };
  };

  config = mkIf (cfg.containers != { }) (mkMerge [
    {
      systemd.services = lib.mapAttrs' (name: c: lib.nameValuePair c.serviceName (serviceOf name c)) cfg.containers;
      assertions = lib.concatLists (lib.mapAttrsToList
        (name: c: [
          { assertion = c.imageFile == null || c.imageStream == null; message = "virtualisation.oci-containers.containers.${name}: You can only define one of imageFile and imageStream"; }
          { assertion = cfg.backend == "docker" -> c.podman == null; message = "virtualisation.oci-containers.containers.${name}: Cannot set `podman` option if backend is `docker`."; }
        ])
        cfg.containers);
    }
    (mkIf (cfg.backend == "podman") { virtualisation.podman.enable = true; })
    (mkIf (cfg.backend == "docker") { virtualisation.docker.enable = true; })
  ]);
}
