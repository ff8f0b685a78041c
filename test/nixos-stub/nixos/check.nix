# What building system.build.toplevel checks, as one value: failed assertions of the host and
# of every container guest (all of them, in one message), then every value of the host's config
# (guests included) forced deeply, so a type error or a missing definition anywhere fails.
# Returns the warnings. Forcing everything is sound because every stand-in option either has a
# default or is one NixOS needs to build the system (image, file, hostPort …).
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

  # Not a NixOS warning: nixos-rebuild would fail copying a missing .age file to the store.
  missingAgeFiles = s: lib.concatMap
    (name: let file = s.cfg.age.secrets.${name}.file; in
      lib.optional (!builtins.pathExists file)
        "nixos-stub: ${s.label}${lib.optionalString (s.label != "") "."}age.secrets.${name}.file ${toString file} does not exist (nixos-rebuild would fail to copy it to the store)")
    (lib.attrNames (s.cfg.age.secrets or { }));
  warnings = lib.concatMap
    (s: map (w: if s.label == "" then w else "${s.label}: ${w}") s.cfg.warnings ++ missingAgeFiles s)
    systems;
in
if report != "" then throw report
else builtins.deepSeq config { inherit warnings; }
