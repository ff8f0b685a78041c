# deploy-rs' interface.json (the schema its `deploy-schema` check runs check-jsonschema with),
# as a Nix function over the JSON form of the `deploy` output: returns true or throws the
# violations, one per line, as "$.path: message". Only what the schema states is checked: it
# has no additionalProperties on nodes or profiles, so unknown keys pass (deploy-rs ignores them).
{ lib }:
deploy:
let
  data = builtins.fromJSON (builtins.toJSON deploy);
  types = {
    string = builtins.isString;
    boolean = builtins.isBool;
    integer = builtins.isInt;
    object = builtins.isAttrs;
    array = builtins.isList;
  };
  typeError = path: want: v: lib.optional (!types.${want} v) "${path}: ${builtins.toJSON v} is not of type '${want}'";
  generic = {
    sshUser = "string"; user = "string"; fastConnection = "boolean"; autoRollback = "boolean";
    magicRollback = "boolean"; confirmTimeout = "integer"; activationTimeout = "integer";
    tempPath = "string"; interactiveSudo = "boolean";
  };
  checkProps = path: props: v: lib.concatLists (lib.mapAttrsToList
    (k: want: lib.optionals (v ? ${k}) (typeError "${path}.${k}" want v.${k}))
    props);
  checkGeneric = path: v:
    checkProps path generic v
    ++ lib.optionals (v ? sshOpts) (
      if builtins.isList v.sshOpts then lib.concatLists (lib.imap0 (i: o: typeError "${path}.sshOpts[${toString i}]" "string" o) v.sshOpts)
      else typeError "${path}.sshOpts" "array" v.sshOpts);
  required = path: names: v: map (n: "${path}: '${n}' is a required property") (lib.filter (n: !(v ? ${n})) names);
  # patternProperties "[A-z][A-z0-9_-]*" with additionalProperties false: an ECMA regex search,
  # so a name is accepted when it contains such a run anywhere.
  named = path: attrs: each:
    if !builtins.isAttrs attrs then typeError path "object" attrs
    else lib.concatLists (lib.mapAttrsToList
      (n: v:
        if builtins.match ".*[A-z].*" n == null
        then [ "${path}: Additional properties are not allowed ('${n}' was unexpected)" ]
        else each "${path}.${n}" v)
      attrs);
  checkProfile = path: p:
    if !builtins.isAttrs p then typeError path "object" p
    else checkGeneric path p ++ required path [ "path" ] p ++ checkProps path { path = "string"; profilePath = "string"; } p;
  checkNode = path: n:
    if !builtins.isAttrs n then typeError path "object" n
    else checkGeneric path n ++ required path [ "hostname" ] n
      ++ checkProps path { hostname = "string"; } n
      ++ lib.optionals (n ? profilesOrder) (
        if !builtins.isList n.profilesOrder then typeError "${path}.profilesOrder" "array" n.profilesOrder
        else lib.concatLists (lib.imap0 (i: o: typeError "${path}.profilesOrder[${toString i}]" "string" o) n.profilesOrder)
          ++ lib.optional (lib.length (lib.unique n.profilesOrder) != lib.length n.profilesOrder) "${path}.profilesOrder: has non-unique elements")
      ++ lib.optionals (n ? profiles) (named "${path}.profiles" n.profiles checkProfile);
  errors =
    if !builtins.isAttrs data then typeError "$" "object" data
    else checkGeneric "$" data ++ lib.optionals (data ? nodes) (named "$.nodes" data.nodes checkNode);
in
errors == [ ] || throw "Schema validation errors were encountered (deploy-rs interface.json):\n${lib.concatMapStringsSep "\n" (e: "  ${e}") errors}"
