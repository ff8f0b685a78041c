# What building system.build.toplevel checks, as one value: failed assertions of the host and
# of every container guest (all of them, in one message), then the values of the host's options
# (guests included) forced deeply, so a type error or a missing definition fails. Returns the
# warnings: NixOS's, and nixos-stub's own for what fails later than evaluation (a secret file
# nixos-rebuild cannot copy, a secret chowned to a user or group the system does not have,
# firewall rules that do nothing or fail: ./firewall-check.nix).
# Forced: every option, except system.build (toplevel is this check), nixpkgs.pkgs (the package
# set), the guests inside `containers` (each is checked as a system), options NixOS only reads
# on demand without a default (sops.defaultSopsFile), and, below a disabled service
# (`services.<x>.enable = false`, whose module reads none of its options), all but the options
# a module defined explicitly (e.g. services.nextcloud.hostName has no default).
{ lib }:
config:
let
  guests = lib.filter (g: g.container.flake == null)
    (lib.mapAttrsToList (name: container: { inherit name container; }) config.containers);
  systems = [ { label = ""; cfg = config; } ]
    ++ map (g: { label = "containers.${g.name}.config"; cfg = g.container.config; }) guests;

  failed = s: map (a: lib.removeSuffix "\n" a.message) (lib.filter (a: !a.assertion) s.cfg.assertions);
  report = lib.concatMapStrings
    (s: let messages = failed s; in lib.optionalString (messages != [ ])
      "\nFailed assertions${lib.optionalString (s.label != "") " in ${s.label}"}:\n${lib.concatMapStringsSep "\n" (m: "- ${m}") messages}")
    systems;

  prefix = s: "nixos-stub: ${s.label}${lib.optionalString (s.label != "") "."}";
  secrets = s: s.cfg.age.secrets or { };
  # nixos-rebuild copies every age.secrets.<n>.file to the store: a missing one fails the build.
  missingAgeFiles = s: lib.concatMap
    (name: let file = (secrets s).${name}.file; in
      lib.optional (!builtins.pathExists file)
        "${prefix s}age.secrets.${name}.file ${toString file} does not exist (nixos-rebuild would fail to copy it to the store)")
    (lib.attrNames (secrets s));
  # agenix chowns each secret at activation by name: an owner or group the system does not
  # declare makes `chown` fail there (numeric ids are taken as they are).
  numeric = x: builtins.match "[0-9]+" x != null;
  unknownOwners = s: lib.concatMap
    (name:
      let secret = (secrets s).${name}; in
      lib.optional (!numeric secret.owner && !(s.cfg.users.users ? ${secret.owner}))
        "${prefix s}age.secrets.${name}.owner `${secret.owner}' is not a user of this system (users.users): agenix's chown fails at activation"
      ++ lib.optional (!numeric secret.group && !(s.cfg.users.groups ? ${secret.group}))
        "${prefix s}age.secrets.${name}.group `${secret.group}' is not a group of this system (users.groups): agenix's chown fails at activation")
    (lib.attrNames (secrets s));
  # sops-install-secrets looks owner and group up by name at activation (uid/gid are taken as
  # they are): a name the system lacks fails there.
  sopsSecrets = s: s.cfg.sops.secrets or { };
  unknownSopsOwners = s: lib.concatMap
    (name:
      let secret = (sopsSecrets s).${name}; in
      lib.optional (secret.owner != null && !(s.cfg.users.users ? ${secret.owner}))
        "${prefix s}sops.secrets.${name}.owner `${secret.owner}' is not a user of this system (users.users): sops-install-secrets fails at activation"
      ++ lib.optional (secret.group != null && !(s.cfg.users.groups ? ${secret.group}))
        "${prefix s}sops.secrets.${name}.group `${secret.group}' is not a group of this system (users.groups): sops-install-secrets fails at activation")
    (lib.attrNames (sopsSecrets s));
  firewall = s: import ./firewall-check.nix { inherit lib; } s.cfg (prefix s);
  warnings = lib.concatMap
    (s: map (w: if s.label == "" then w else "${s.label}: ${w}") s.cfg.warnings ++ missingAgeFiles s ++ unknownOwners s ++ unknownSopsOwners s ++ firewall s)
    systems;

  # The option values to force, walking the option tree beside the config.
  isOption = x: lib.isAttrs x && (x._type or null) == "option";
  explicit = o: o.isDefined && o.highestPrio < 1500;
  valuesOf = onlyExplicit: loc: node:
    if isOption node then
      lib.optional (!onlyExplicit || explicit node)
        # A guest is checked as a system of its own (below), not as part of the host's value.
        (if loc == [ "containers" ] then lib.mapAttrs (_: c: removeAttrs c [ "config" ]) node.value else node.value)
    else lib.concatLists (lib.mapAttrsToList
      (n: sub:
        let here = loc ++ [ n ]; in
        if here == [ "system" "build" ] || here == [ "nixpkgs" "pkgs" ]
          || here == [ "sops" "defaultSopsFile" ] && !(isOption sub && explicit sub) then [ ]
        else if lib.length here == 2 && lib.head here == "services" && !isOption sub && sub ? enable && isOption sub.enable && sub.enable.value == false
        then valuesOf true here sub
        else valuesOf onlyExplicit here sub)
      node);
  forced = cfg: valuesOf false [ ] cfg._module.options;
in
if report != "" then throw report
else builtins.deepSeq (map forced (map (s: s.cfg) systems)) { inherit warnings; }
