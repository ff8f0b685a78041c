# A small NixOS module system: `evalModules` collects modules through `imports`, merges their
# option declarations into one tree, and merges every definition into `config` by walking that
# tree, with mkIf/mkMerge/mkOverride/mkOrder, option defaults, type checks and the `config`
# fixpoint that lets one file read what another defined. Same rules as nixpkgs lib/modules.nix
# for what a generated flake uses; the differences are listed in /work/notes/evalkit.md.
{ lib }:
let
  inherit (lib)
    attrNames
    attrValues
    concatMap
    concatStringsSep
    filter
    foldl'
    functionArgs
    head
    imap0
    isAttrs
    isFunction
    isOption
    isPath
    isString
    mapAttrs
    mapAttrsToList
    showDefs
    showFiles
    showFilesOnly
    showOption
    showValue
    ;

  typeOf = v: v._type or null; # `or` also answers for non-sets, without an error

  # --- Properties --------------------------------------------------------------------------
  # mkMerge splices, mkIf keeps or drops; overrides and orders stay for the option to judge.
  dischargeProperties = loc: file: v:
    if typeOf v == "merge" then concatMap (dischargeProperties loc file) v.contents
    else if typeOf v == "if" then
      (if v.condition == true then dischargeProperties loc file v.content
      else if v.condition == false then [ ]
      else throw "`mkIf' called with a non-Boolean condition at `${showOption loc}' in `${file}': ${showValue v.condition}")
    else [ v ];

  # `mkIf c { a = x; }` becomes `{ a = mkIf c x; }`: the attribute names of a module's config are
  # known without evaluating `c`, which is what lets `c` read `config` without recursion.
  pushDownProperties = v:
    let under = f: map (s: if isAttrs s then mapAttrs (_: f) s else s); in
    if typeOf v == "merge" then concatMap pushDownProperties v.contents
    else if typeOf v == "if" then under (lib.mkIf v.condition) (pushDownProperties v.content)
    else if typeOf v == "override" then under (lib.mkOverride v.priority) (pushDownProperties v.content)
    else [ v ];

  # --- One option ----------------------------------------------------------------------------
  mergeDefinitions = loc: type: defs:
    let
      discharged = concatMap (d: map (v: { inherit (d) file; value = v; }) (dischargeProperties loc d.file d.value)) defs;
      priority = d: if typeOf d.value == "override" then d.value.priority else lib.defaultOverridePriority;
      highestPrio = foldl' (p: d: lib.min p (priority d)) 9999 discharged;
      kept = concatMap
        (d:
          if priority d != highestPrio then [ ]
          else if typeOf d.value == "override" then map (v: { inherit (d) file; value = v; }) (dischargeProperties loc d.file d.value.content)
          else [ d ])
        discharged;
      order = d: if typeOf d.value == "order" then d.value.priority else lib.defaultOrderPriority;
      final = map (d: if typeOf d.value == "order" then d // { value = d.value.content; } else d)
        (lib.sort (a: b: order a < order b) kept);
      isDefined = final != [ ];
      invalid = filter (d: !type.check d.value) final;
      value =
        if !isDefined then throw "The option `${showOption loc}' is used but not defined."
        else if invalid != [ ] then throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs invalid}"
        else type.merge loc final;
    in
    {
      inherit isDefined value highestPrio;
      defsFinal = final;
      files = lib.unique (map (d: d.file) final);
      optionalValue = if isDefined then { inherit value; } else { };
    };

  mergeOption = loc: opt: defs:
    let
      withDefault = defs ++ lib.optional (opt ? default) { file = "default of ${showOption loc}"; value = lib.mkOptionDefault opt.default; };
      res = mergeDefinitions loc (opt.type or lib.types.unspecified) withDefault;
      value = if opt ? apply then opt.apply res.value else res.value;
    in
    {
      config = value;
      # `definitions` (the kept values, highest priority only) is what mkRenamedOptionModule
      # forwards to the new name, as nixpkgs' mkAliasAndWrapDefsWithPriority does.
      options = opt // { inherit loc value; inherit (res) isDefined highestPrio files; definitions = map (d: d.value) res.defsFinal; };
      unknown = [ ];
    };

  # --- A set of options ----------------------------------------------------------------------
  # Returns this node's config, its options (with values) and the definitions no declaration
  # matched. `freeformElem` (from the module's freeformType) takes undeclared attributes.
  mergeNode = loc: decls: freeformElem: defs:
    let
      pushed = concatMap
        (d: map
          (v:
            if isAttrs v && typeOf v == null then { inherit (d) file; value = v; }
            else throw "A definition in `${d.file}' sets `${showOption loc}' to ${showValue v}, but `${showOption loc}' is a set of options, not an option: define its attributes instead.")
          (pushDownProperties d.value))
        defs;
      byName = lib.zipAttrsWith (_: ds: ds) (map (d: mapAttrs (_: v: { inherit (d) file; value = v; }) d.value) pushed);
      declared = mapAttrs
        (n: decl:
          if isOption decl then mergeOption (loc ++ [ n ]) decl (byName.${n} or [ ])
          # Below a declared set, undeclared keys take the element type one level down, as
          # nixpkgs merges unmatched definitions with the freeform type as a whole.
          else mergeNode (loc ++ [ n ]) decl (if freeformElem == null then null else freeformElem.freeformElemType or null) (byName.${n} or [ ]))
        decls;
      undeclared = removeAttrs byName (attrNames decls);
      freeform = if freeformElem == null then { } else
        mapAttrs (_: r: r.value) (lib.filterAttrs (_: r: r.isDefined)
          (mapAttrs (n: ds: mergeDefinitions (loc ++ [ n ]) freeformElem ds) undeclared));
    in
    {
      config = freeform // mapAttrs (_: r: r.config) declared;
      options = mapAttrs (_: r: r.options) declared;
      unknown = lib.optionals (freeformElem == null) (mapAttrsToList (n: ds: { loc = loc ++ [ n ]; defs = ds; siblings = attrNames decls; }) undeclared)
        # Only declared names something defines can hide an unknown option below them.
        ++ concatMap (n: declared.${n}.unknown) (filter (n: byName ? ${n}) (attrNames decls));
    };

  # --- Declarations --------------------------------------------------------------------------
  mergeDeclarations = loc: acc: file: opts:
    acc // mapAttrs
      (n: v:
        let here = acc.${n} or null; path = showOption (loc ++ [ n ]); in
        if isOption v then
          (if here == null then v // { declarations = [ file ]; }
          else if isOption here then throw "The option `${path}' in `${file}' is already declared in ${showFiles here.declarations}."
          else throw "The option `${path}' in `${file}' cannot be declared: other modules declare options below it.")
        else if isAttrs v && typeOf v == null then
          (if isOption here then throw "The option `${path}' in `${file}' is already declared in ${showFiles here.declarations}, as an option: it cannot also be a set of options."
          else mergeDeclarations (loc ++ [ n ]) (if here == null then { } else here) file v)
        else throw "The declaration of `${path}' in `${file}' is neither an option (lib.mkOption) nor a set of options.")
      opts;

  # --- Modules -------------------------------------------------------------------------------
  moduleKeys = [ "_file" "key" "imports" "options" "config" "freeformType" "meta" "disabledModules" "_class" ];

  # Applies a module to its arguments (only once: the result is kept) and unifies its shape.
  loadModule = args: parentFile: keyHint: m:
    let
      byPath = isPath m || isString m;
      file = if byPath then toString m else parentFile;
      source =
        if !byPath then m
        else if builtins.pathExists m then import m
        else throw "The module `${toString m}', imported from `${parentFile}', does not exist.";
      missing = filter (n: !(functionArgs source).${n} && !(args ? ${n})) (attrNames (functionArgs source));
      applied =
        if !isFunction source then source
        else if missing != [ ] then throw "The module `${file}' takes the argument `${head missing}', which is neither a module argument (${concatStringsSep ", " (attrNames args)}) nor in specialArgs."
        else source args;
      m' = if isAttrs applied then applied else throw "The module `${file}' is a ${builtins.typeOf applied}, not an attribute set (or a function returning one).";
      structured = m' ? options || m' ? config;
      extra = removeAttrs m' moduleKeys;
      unify = {
        file = m'._file or file;
        key = if byPath then file else m'.key or keyHint;
        imports = m'.imports or [ ];
        options = m'.options or { };
        config =
          if !structured then removeAttrs m' (lib.remove "meta" moduleKeys)
          else if m' ? meta then lib.mkMerge [ (m'.config or { }) { inherit (m') meta; } ]
          else m'.config or { };
        freeformType = m'.freeformType or null;
      };
    in
    if m' ? disabledModules then throw "The module `${file}' uses disabledModules, which nixos-stub does not support."
    else if structured && extra != { } then throw "Module `${unify.file}' has an unsupported attribute `${head (attrNames extra)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${concatStringsSep " " (attrNames extra)}) into the explicit `config' attribute."
    else unify;

  # Every module reachable through `imports`, each once: genericClosure drops repeated keys, and
  # a module imported by path is keyed by its path.
  collectModules = args: modules:
    let
      entry = parentFile: keyHint: m:
        let loaded = loadModule args parentFile keyHint m; in { key = loaded.key; module = loaded; };
    in
    map (e: e.module) (builtins.genericClosure {
      startSet = imap0 (i: entry "<unknown-file>" "<root>:${toString i}") modules;
      operator = e: imap0 (i: entry e.module.file "${e.key}:${toString i}") e.module.imports;
    });

  # Levenshtein distance, for the usual typo hint; only computed when an error is reported.
  distance = a: b:
    let
      xs = lib.stringToCharacters a;
      ys = lib.stringToCharacters b;
      step = prev: x: foldl'
        (row: j: row ++ [ (lib.min (lib.min (builtins.elemAt prev (j + 1) + 1) (lib.last row + 1))
          (builtins.elemAt prev j + (if builtins.elemAt ys j == x then 0 else 1))) ])
        [ (head prev + 1) ]
        (lib.range 0 (builtins.length ys - 1));
    in
    lib.last (foldl' step (lib.range 0 (builtins.length ys)) xs);
  # A declared sibling within a typo or two of the unknown name.
  didYouMean = u:
    let
      name = lib.last u.loc;
      limit = if builtins.stringLength name < 5 then 1 else 2;
      close = filter (s: distance s name <= limit) u.siblings;
    in
    lib.optionalString (close != [ ]) "\nDid you mean ${concatStringsSep " or " (map (s: "`${showOption (lib.init u.loc ++ [ s ])}'") close)}?";

  evalModules = { modules, prefix ? [ ], args ? { }, specialArgs ? { } }:
    let
      # Modules see the merged config unchecked, as in NixOS: a module may name attributes after
      # config values (`virtualHosts.${cfg.domain}`) without recursing into the check below.
      moduleArgs = { inherit lib options; config = merged.config; } // args // specialArgs;
      collected = collectModules moduleArgs modules;
      declarations = foldl' (acc: m: mergeDeclarations prefix acc m.file m.options) { } collected;
      freeformTypes = filter (t: t != null) (map (m: m.freeformType) collected);
      freeformElem =
        if freeformTypes == [ ] then null
        else (head freeformTypes).freeformElemType or (throw "freeformType at `${showOption prefix}' must be an attribute-set type (types.attrsOf …)");
      merged = mergeNode prefix declarations freeformElem (map (m: { inherit (m) file; value = m.config; }) collected);
      # Definitions of options nobody declared (typos!) fail every use of the resulting config,
      # as in NixOS. Only files are printed: printing a value would force it, and a value that
      # fails for another reason would hide this message.
      unknownMessage = concatStringsSep "\n" (map
        (u: "The option `${showOption u.loc}' does not exist. Definition values:${showFilesOnly u.defs}${didYouMean u}")
        merged.unknown);
      config = if merged.unknown == [ ] then merged.config else throw unknownMessage;
      options = merged.options;
    in
    {
      inherit config options;
      _module = { inherit collected declarations; };
    };
in
{
  inherit evalModules mergeDefinitions dischargeProperties pushDownProperties collectModules;
}
