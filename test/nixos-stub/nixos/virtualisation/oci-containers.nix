# virtualisation.oci-containers.* (nixos/modules/virtualisation/oci-containers.nix; the same
# options in 25.11 and 26.05, docs/nixos/oci-containers.md). Like the real module it turns each
# container into a systemd service whose After=/Requires= come from `dependsOn`, looked up among
# the defined containers, so a name that is not one of them fails evaluation (NixOS fails with
# "attribute '<name>' missing"; the stand-in names the containers), and it has the rootless
# assertion and linger warnings.
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
      path = [ (if cfg.backend == "podman" then config.virtualisation.podman.package else config.virtualisation.docker.package) ];
      serviceConfig = { Restart = "always"; TimeoutStartSec = 0; TimeoutStopSec = 120; }
        // lib.optionalAttrs (cfg.backend == "podman") {
          Environment = "PODMAN_SYSTEMD_UNIT=%n";
          Type = "notify";
          NotifyAccess = "all";
          User = c.podman.user;
          RuntimeDirectory = name;
        };
    };
in
{
  options = {
    virtualisation.oci-containers = {
      backend = opt (types.enum [ "podman" "docker" ])
        (if lib.versionAtLeast config.system.stateVersion "22.05" then "podman" else "docker");
      containers = opt (types.attrsOf (types.submodule container)) { };
    };
  };

  config = mkIf (cfg.containers != { }) (mkMerge [
    {
      systemd.services = lib.mapAttrs' (name: c: lib.nameValuePair c.serviceName (serviceOf name c)) cfg.containers;
      assertions = lib.concatLists (lib.mapAttrsToList
        (name: c: [
          { assertion = c.imageFile == null || c.imageStream == null; message = "virtualisation.oci-containers.containers.${name}: You can only define one of imageFile and imageStream"; }
          { assertion = cfg.backend == "docker" -> c.podman == null; message = "virtualisation.oci-containers.containers.${name}: Cannot set `podman` option if backend is `docker`."; }
          {
            assertion = cfg.backend == "podman" && c.podman.sdnotify == "healthy" && c.podman.user != "root"
              -> config.users.users.${c.podman.user}.uid != null;
            message = ''
              Rootless container ${name} (with podman and sdnotify=healthy)
              requires that its running user ${c.podman.user} has a statically specified uid.
            '';
          }
        ])
        cfg.containers);
      warnings = lib.mkIf (cfg.backend == "podman") (lib.concatLists (lib.mapAttrsToList
        (name: c:
          let linger = config.users.users.${c.podman.user}.linger; in
          lib.optional (c.podman.user != "root" && linger && c.podman.sdnotify == "conmon") ''
            Podman container ${name} is configured as rootless (user ${c.podman.user})
            with `--sdnotify=conmon`, but lingering for this user is turned on.
          ''
          ++ lib.optional (c.podman.user != "root" && !linger && c.podman.sdnotify == "healthy") ''
            Podman container ${name} is configured as rootless (user ${c.podman.user})
            with `--sdnotify=healthy`, but lingering for this user is turned off.
          '')
        cfg.containers));
    }
    (mkIf (cfg.backend == "podman") { virtualisation.podman.enable = true; })
    (mkIf (cfg.backend == "docker") { virtualisation.docker.enable = true; })
  ]);
}
