# Definition properties (mkIf, mkMerge, mkOverride, mkOrder), option declarations (mkOption,
# mkEnableOption, mkPackageOption) and the helpers error messages print with. Constructors and
# priorities are those of nixpkgs lib, so generated code means the same thing here and there.
{ lib }:
let
  inherit (lib)
    attrNames
    concatMapStrings
    concatStringsSep
    isAttrs
    isFunction
    isList
    isPath
    isString
    length
    take
    toJSON
    ;
in
rec {
  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOptionDefault = mkOverride 1500; # what an option's `default` is defined with
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  defaultOverridePriority = 100; # a plain definition
  mkOrder = priority: content: { _type = "order"; inherit priority content; };
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;
  defaultOrderPriority = 1000;

  mkOption = attrs: attrs // { _type = "option"; };
  isOption = x: isAttrs x && (x._type or "") == "option";
  mkEnableOption = name: mkOption {
    type = lib.types.bool;
    default = false;
    example = true;
    description = "Whether to enable ${name}.";
  };
  # The package comes from the stand-in pkgs; a name it lacks fails only when the value is used.
  mkPackageOption = pkgs: name: { default ? [ name ], nullable ? false, ... }:
    mkOption {
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
      default = lib.attrByPath (lib.toList default)
        (throw "nixos-stub: pkgs.${concatStringsSep "." (lib.toList default)} is not a stand-in package (add it to test/nixos-stub/pkgs.nix)")
        pkgs;
      description = "The ${name} package to use.";
    };
  literalExpression = text: { _type = "literalExpression"; inherit text; };
  literalMD = text: { _type = "literalMD"; inherit text; };
  mdDoc = lib.id;

  # `a.b."c.d"`, as NixOS prints option paths.
  showOption = loc: concatStringsSep "." (map
    (part: if builtins.match "[A-Za-z_][A-Za-z0-9_'-]*|<name>|\\*" part != null then part else toJSON part)
    loc);
  showFiles = files: concatStringsSep " and " (map (f: "`${toString f}'") files);

  # Prints a value already forced to weak head normal form without forcing more of it: a nested
  # value could fail for another reason (or be huge) and would hide the message being built.
  showValue = v:
    if isString v then toJSON v
    else if isPath v then toString v
    else if v == null then "null"
    else if v == true then "true"
    else if v == false then "false"
    else if isFunction v then "«lambda»"
    else if isList v then (if v == [ ] then "[ ]" else "[ … ] (${toString (length v)} elements)")
    else if isAttrs v then
      (if (v.type or null) == "derivation" then "«derivation ${v.name or "?"}»"
      else let names = attrNames v; in
        if names == [ ] then "{ }"
        else "{ ${concatMapStrings (n: "${showOption [ n ]} = …; ") (take 8 names)}${if length names > 8 then "… " else ""}}")
    else toString v;
  showDefs = defs: concatMapStrings (d: "\n- In `${d.file}': ${showValue d.value}") defs;
  showFilesOnly = defs: concatMapStrings (d: "\n- In `${d.file}'") defs;
}
