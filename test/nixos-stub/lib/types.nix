# Option types: a `check` for one definition and a `merge` for all definitions of an option,
# with the names, descriptions and merge rules of nixpkgs `lib.types` (descriptions appear in
# type errors, so they read like NixOS's: "16 bit unsigned integer; between 0 and 65535 …").
{ lib }:
let
  inherit (lib)
    all
    attrNames
    concatLists
    concatStringsSep
    elem
    filter
    foldl'
    head
    imap1
    isAttrs
    isBool
    isFloat
    isFunction
    isInt
    isList
    isPath
    isString
    isStringLike
    last
    length
    mapAttrs
    showDefs
    showFiles
    showOption
    toJSON
    ;
  inherit (lib.modules) mergeDefinitions;

  mkOptionType =
    { name, description ? name, check ? (_: true), merge ? mergeDefaultOption, ... }@attrs:
    attrs // { _type = "option-type"; inherit name description check merge; };

  # Several definitions are fine only when they are all equal (scalars).
  mergeEqualOption = loc: defs:
    let first = head defs; in
    foldl' (acc: d:
      if d.value == first.value then acc
      else throw "The option `${showOption loc}' has conflicting definition values:${showDefs [ first d ]}\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.")
    first.value defs;
  mergeOneOption = loc: defs:
    if length defs == 1 then (head defs).value
    else throw "The unique option `${showOption loc}' is defined multiple times. Definition values:${showDefs defs}";
  # `types.unspecified`: lists concatenate, attribute sets merge shallowly, strings concatenate.
  mergeDefaultOption = loc: defs:
    let values = map (d: d.value) defs; in
    if length defs == 1 then head values
    else if all isFunction values then (x: mergeDefaultOption loc (map (d: d // { value = d.value x; }) defs))
    else if all isList values then concatLists values
    else if all isAttrs values then foldl' (a: b: a // b) { } values
    else if all isBool values then lib.any lib.id values
    else if all isString values then lib.concatStrings values
    else if all isInt values && all (v: v == head values) values then head values
    else throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";

  between = lo: hi: name: mkOptionType {
    inherit name;
    description = "${name}; between ${toString lo} and ${toString hi} (both inclusive)";
    check = x: isInt x && x >= lo && x <= hi;
    merge = mergeEqualOption;
  };
  unsignedBits = bits: hi: (between 0 hi "${toString bits} bit unsigned integer");

  strMatching = pattern: mkOptionType {
    name = "strMatching ${toJSON pattern}";
    description = "string matching the pattern ${pattern}";
    check = x: isString x && builtins.match pattern x != null;
    merge = mergeEqualOption;
  };
  separatedString = sep: mkOptionType {
    name = "separatedString";
    description = if sep == "" then "Concatenated string" else "strings concatenated with ${toJSON sep}";
    check = isString;
    merge = _: defs: concatStringsSep sep (map (d: d.value) defs);
  };

  listOf = elemType: mkOptionType {
    name = "listOf";
    description = "list of ${elemType.description}";
    check = isList;
    # Elements go through mergeDefinitions so `mkIf` works on them and each is type-checked
    # with a location naming the definition and entry, as NixOS does.
    merge = loc: defs: map (x: x.value) (filter (x: x ? value) (concatLists (imap1
      (n: d: imap1
        (m: v: (mergeDefinitions (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ]) elemType [ { inherit (d) file; value = v; } ]).optionalValue)
        d.value)
      defs)));
    nestedTypes.elemType = elemType;
  };
  attrsOfWith = lazy: elemType: mkOptionType {
    name = if lazy then "lazyAttrsOf" else "attrsOf";
    description = "${if lazy then "lazy " else ""}attribute set of ${elemType.description}";
    check = isAttrs;
    merge = loc: defs:
      let
        byName = lib.zipAttrsWith (_: ds: ds) (map (d: mapAttrs (_: v: { inherit (d) file; value = v; }) d.value) defs);
        merged = mapAttrs (n: ds: mergeDefinitions (loc ++ [ n ]) elemType ds) byName;
      in
      # attrsOf drops attributes whose definitions were all `mkIf false`; lazyAttrsOf keeps
      # every name (so names never force conditions) and throws on access instead.
      if lazy then mapAttrs (_: r: r.value) merged
      else mapAttrs (_: r: r.value) (lib.filterAttrs (_: r: r.isDefined) merged);
    nestedTypes.elemType = elemType;
    # Freeform modules merge undeclared attributes with the element type.
    freeformElemType = elemType;
  };

  nullOr = elemType: mkOptionType {
    name = "nullOr";
    description = "null or ${elemType.description}";
    check = x: x == null || elemType.check x;
    merge = loc: defs:
      let nulls = filter (d: d.value == null) defs; in
      if length nulls == length defs then null
      else if nulls != [ ] then throw "The option `${showOption loc}' is defined both null and not null, in ${showFiles (map (d: d.file) defs)}."
      else elemType.merge loc defs;
    nestedTypes.elemType = elemType;
  };
  either = t1: t2: mkOptionType {
    name = "either";
    description = "${t1.description} or ${t2.description}";
    check = x: t1.check x || t2.check x;
    merge = loc: defs:
      if all (d: t1.check d.value) defs then t1.merge loc defs
      else if all (d: t2.check d.value) defs then t2.merge loc defs
      else mergeOneOption loc defs;
    freeformElemType = t1.freeformElemType or t2.freeformElemType or null;
  };
  oneOf = ts: foldl' either (head ts) (lib.tail ts);

  submoduleWith = { modules, specialArgs ? { }, shorthandOnlyDefinesConfig ? false, description ? "submodule" }:
    mkOptionType {
      name = "submodule";
      inherit description;
      check = x: isAttrs x || isFunction x || isPath x;
      # Each definition is one more module of a separate evaluation, named after its attribute.
      merge = loc: defs: (lib.evalModules {
        prefix = loc;
        args = { name = last loc; };
        inherit specialArgs;
        # types.submodule takes a definition that is a set as config only (so a container's
        # `config = …` is the option, not a module's config section); functions and paths
        # are whole modules.
        modules = modules ++ map
          (d:
            if shorthandOnlyDefinesConfig && isAttrs d.value then { _file = d.file; config = d.value; }
            else { _file = d.file; imports = [ d.value ]; })
          defs;
      }).config;
      getSubModules = modules;
    };

  # The value type of pkgs.formats.{json,yaml,toml}: JSON-like data, with or without null.
  formatValue = { description, allowNull }:
    let
      scalar = oneOf [ types.bool types.int types.float types.str types.path ];
      valueType = (if allowNull then nullOr else lib.id) (either scalar (either (attrsOfWith false valueType) (listOf valueType)))
        // { inherit description; freeformElemType = valueType; };
    in
    valueType;

  types = {
    inherit mkOptionType mergeEqualOption mergeOneOption mergeDefaultOption;
    inherit strMatching separatedString listOf nullOr either oneOf submoduleWith formatValue;
    attrsOf = attrsOfWith false;
    lazyAttrsOf = attrsOfWith true;
    submodule = modules: submoduleWith { modules = lib.toList modules; shorthandOnlyDefinesConfig = true; };
    unspecified = mkOptionType { name = "unspecified"; description = "unspecified value"; };
    raw = mkOptionType { name = "raw"; description = "raw value"; merge = mergeOneOption; };
    anything = mkOptionType {
      name = "anything";
      merge = loc: defs:
        let kind = v: if isAttrs v && isStringLike v then "stringCoercibleSet" else builtins.typeOf v; in
        if !all (d: kind d.value == kind (head defs).value) defs
        then throw "The option `${showOption loc}' has conflicting option types in ${showFiles (map (d: d.file) defs)}"
        else if kind (head defs).value == "set" then (types.attrsOf types.anything).merge loc defs
        else if kind (head defs).value == "stringCoercibleSet" then mergeOneOption loc defs
        else mergeEqualOption loc defs; # lists too: only equal definitions (current nixpkgs)
      freeformElemType = types.anything;
    };
    attrs = mkOptionType {
      name = "attrs";
      description = "attribute set";
      check = isAttrs;
      merge = _: defs: foldl' (a: d: a // d.value) { } defs;
    };
    bool = mkOptionType { name = "bool"; description = "boolean"; check = isBool; merge = mergeEqualOption; };
    int = mkOptionType { name = "int"; description = "signed integer"; check = isInt; merge = mergeEqualOption; };
    float = mkOptionType { name = "float"; description = "floating point number"; check = isFloat; merge = mergeEqualOption; };
    ints = {
      # nixpkgs' `ints.between lowest highest` (two arguments; "integer between 0 and 32 (both inclusive)").
      between = lo: hi: between lo hi "integer" // { name = "intBetween"; description = "integer between ${toString lo} and ${toString hi} (both inclusive)"; };
      unsigned = mkOptionType { name = "unsignedInt"; description = "unsigned integer, meaning >=0"; check = x: isInt x && x >= 0; merge = mergeEqualOption; };
      positive = mkOptionType { name = "positiveInt"; description = "positive integer, meaning >0"; check = x: isInt x && x > 0; merge = mergeEqualOption; };
      u8 = unsignedBits 8 255;
      u16 = unsignedBits 16 65535;
      u32 = unsignedBits 32 4294967295;
    };
    port = types.ints.u16;
    str = mkOptionType { name = "str"; description = "string"; check = isString; merge = mergeEqualOption; };
    nonEmptyStr = strMatching "(.|\n)*[^ \t\n](.|\n)*" // { description = "non-empty string"; };
    singleLineStr = strMatching "[^\n\r]*\n?" // { description = "(optionally newline-terminated) single-line string"; };
    lines = separatedString "\n";
    commas = separatedString ",";
    envVar = separatedString ":";
    # Paths: a path value or an absolute string (or a package, whose outPath is absolute).
    path = mkOptionType {
      name = "path";
      description = "path";
      check = x: isStringLike x && builtins.substring 0 1 (toString x) == "/";
      merge = mergeEqualOption;
    };
    package = mkOptionType {
      name = "package";
      description = "package";
      check = x: lib.isDerivation x || (isString x && lib.hasPrefix builtins.storeDir x);
      merge = mergeOneOption;
    };
    shellPackage = types.package // { name = "shellPackage"; description = "shell package"; };
    enum = values: mkOptionType {
      name = "enum";
      description = "one of ${concatStringsSep ", " (map toJSON values)}";
      check = x: elem x values;
      merge = mergeEqualOption;
    };
    uniq = t: t // { merge = mergeOneOption; };
    # A value of `coercedType` is converted with `coerce` before `finalType` merges it.
    coercedTo = coercedType: coerce: finalType: mkOptionType {
      name = "coercedTo";
      description = "${finalType.description} or ${coercedType.description} convertible to it";
      check = x: (coercedType.check x && finalType.check (coerce x)) || finalType.check x;
      merge = loc: defs: finalType.merge loc
        (map (d: d // { value = if coercedType.check d.value then coerce d.value else d.value; }) defs);
      nestedTypes = { inherit coercedType finalType; };
    };
    nonEmptyListOf = elemType: listOf elemType // {
      description = "non-empty list of ${elemType.description}";
      check = x: isList x && x != [ ];
    };
    addCheck = t: check: t // { check = x: t.check x && check x; };
  };
in
types
