# Plain helpers of nixpkgs `lib` (lists, attribute sets, strings, versions) that generated
# modules and the stand-in modules call. Same names and meaning as nixpkgs; only what is used.
let
  inherit (builtins)
    attrNames
    concatLists
    concatMap
    concatStringsSep
    elem
    filter
    foldl'
    genList
    head
    isAttrs
    isList
    length
    listToAttrs
    mapAttrs
    stringLength
    substring
    ;
in
rec {
  inherit (builtins)
    all
    any
    attrNames
    attrValues
    catAttrs
    compareVersions
    concatLists
    concatMap
    concatStringsSep
    elem
    elemAt
    filter
    foldl'
    functionArgs
    genList
    getAttr
    hasAttr
    head
    intersectAttrs
    isAttrs
    isBool
    isFloat
    isFunction
    isInt
    isList
    isPath
    isString
    length
    listToAttrs
    mapAttrs
    match
    removeAttrs
    replaceStrings
    sort
    split
    stringLength
    substring
    tail
    toJSON
    typeOf
    zipAttrsWith
    ;
  toString = builtins.toString;

  # trivial
  id = x: x;
  const = x: _: x;
  flip = f: a: b: f b a;
  pipe = foldl' (x: f: f x);
  warn = msg: builtins.trace "warning: ${msg}";
  assertMsg = pred: msg: pred || throw msg;
  boolToString = b: if b then "true" else "false";
  min = a: b: if a < b then a else b;
  mod = a: b: a - b * (a / b);
  max = a: b: if a > b then a else b;

  # lists
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  toList = x: if isList x then x else [ x ];
  flatten = x: if isList x then concatMap flatten x else [ x ];
  last = xs: builtins.elemAt xs (length xs - 1);
  init = xs: genList (builtins.elemAt xs) (length xs - 1);
  take = n: xs: genList (builtins.elemAt xs) (min n (length xs));
  imap0 = f: xs: genList (i: f i (builtins.elemAt xs i)) (length xs);
  imap1 = f: xs: genList (i: f (i + 1) (builtins.elemAt xs i)) (length xs);
  remove = e: filter (x: x != e);
  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
  unique = foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];
  range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
  reverseList = xs: genList (i: builtins.elemAt xs (length xs - 1 - i)) (length xs);
  findFirst = pred: default: xs: let found = filter pred xs; in if found == [ ] then default else head found;

  # attribute sets
  nameValuePair = name: value: { inherit name value; };
  optionalAttrs = cond: set: if cond then set else { };
  filterAttrs = pred: set: listToAttrs (concatMap (name: let value = set.${name}; in if pred name value then [ { inherit name value; } ] else [ ]) (attrNames set));
  mapAttrs' = f: set: listToAttrs (map (name: f name set.${name}) (attrNames set));
  mapAttrsToList = f: set: map (name: f name set.${name}) (attrNames set);
  concatMapAttrs = f: set: foldl' (acc: name: acc // f name set.${name}) { } (attrNames set);
  genAttrs = names: f: listToAttrs (map (name: { inherit name; value = f name; }) names);
  attrByPath = path: default: set:
    if path == [ ] then set
    else if isAttrs set && set ? ${head path} then attrByPath (builtins.tail path) default set.${head path}
    else default;
  hasAttrByPath = path: set:
    path == [ ] || (isAttrs set && set ? ${head path} && hasAttrByPath (builtins.tail path) set.${head path});
  getAttrFromPath = path: set: attrByPath path (throw "cannot find attribute `${concatStringsSep "." path}'") set;
  setAttrByPath = path: value: foldl' (acc: name: { ${name} = acc; }) value (reverseList path);
  recursiveUpdate = lhs: rhs:
    lhs // mapAttrs (name: r: if isAttrs r && isAttrs (lhs.${name} or null) then recursiveUpdate lhs.${name} r else r) rhs;
  foldAttrs = op: nul: sets: zipAttrsWith (_: values: foldl' (acc: v: op v acc) nul (reverseList values)) sets;
  isDerivation = x: isAttrs x && (x.type or null) == "derivation";
  getExe = p: "${p}/bin/${p.meta.mainProgram or p.pname or p.name}";
  isStringLike = x: builtins.isString x || builtins.isPath x || (isAttrs x && (x ? outPath || x ? __toString));

  # strings
  concatStrings = concatStringsSep "";
  stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);
  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = builtins.replaceStrings upperChars lowerChars;
  toUpper = builtins.replaceStrings lowerChars upperChars;
  toInt = s:
    let m = builtins.match "[[:space:]]*(-?[0-9]+)[[:space:]]*" s; in
    if m == null then throw "toInt: could not convert ${builtins.toJSON s} to int." else builtins.fromJSON (head m);
  concatMapStrings = f: xs: concatStringsSep "" (map f xs);
  concatMapStringsSep = sep: f: xs: concatStringsSep sep (map f xs);
  optionalString = cond: s: if cond then s else "";
  hasPrefix = prefix: s: substring 0 (stringLength prefix) s == prefix;
  hasSuffix = suffix: s:
    let n = stringLength s; k = stringLength suffix; in n >= k && substring (n - k) k s == suffix;
  hasInfix = infix: s: builtins.match ".*${escapeRegex infix}.*" s != null;
  removePrefix = prefix: s: if hasPrefix prefix s then substring (stringLength prefix) (-1) s else s;
  removeSuffix = suffix: s:
    if hasSuffix suffix s then substring 0 (stringLength s - stringLength suffix) s else s;
  splitString = sep: s: filter builtins.isString (builtins.split (escapeRegex sep) s);
  escapeRegex = builtins.replaceStrings
    [ "\\" "[" "]" "{" "}" "(" ")" "^" "$" "." "*" "+" "?" "|" ]
    [ "\\\\" "\\[" "\\]" "\\{" "\\}" "\\(" "\\)" "\\^" "\\$" "\\." "\\*" "\\+" "\\?" "\\|" ];
  escapeShellArg = arg: "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] (toString arg)}'";
  escapeShellArgs = args: concatStringsSep " " (map escapeShellArg args);
  versionAtLeast = v1: v2: builtins.compareVersions v1 v2 >= 0;
  versionOlder = v1: v2: builtins.compareVersions v2 v1 > 0;
  fileContents = file: removeSuffix "\n" (builtins.readFile file);
  strings = { inherit hasPrefix hasSuffix hasInfix removePrefix removeSuffix splitString concatStringsSep escapeShellArg toLower toUpper toInt; };
  lists = { inherit optional optionals flatten last init take unique count findFirst; };
  attrsets = { inherit filterAttrs mapAttrs' mapAttrsToList genAttrs recursiveUpdate setAttrByPath attrByPath getAttrFromPath hasAttrByPath; };
}
