# Stand-in `pkgs`: packages are plain sets with `type = "derivation"` and a made-up store path,
# so `"${pkgs.podman}/bin/podman"` and `types.package` work without a store or nixpkgs. Nothing
# is ever built. A package missing here fails with "attribute 'x' missing": add it below.
# `path` is this release's stand-in nixpkgs directory (./nixpkgs/<release>), so `import pkgs.path`
# and `import nixpkgs { … }` give these packages again; `nixosStub` is the evaluator behind
# `nixpkgs.lib.nixosSystem` (colmena's stand-in evaluates its nodes with it).
{ lib, system ? "x86_64-linux", ... }:
let
  # Deterministic, store-path-shaped, obviously fake.
  storePath = name: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";
  mkPackage = pname: version: {
    type = "derivation";
    inherit pname system version;
    name = "${pname}-${version}";
    outPath = storePath "${pname}-${version}";
    drvPath = storePath "${pname}-${version}.drv";
    outputs = [ "out" ];
    meta = { mainProgram = pname; };
    override = _: mkPackage pname version;
    overrideAttrs = _: mkPackage pname version;
  };
  # A text file or script in the store (writeText, writeShellScript …): name and content kept
  # readable, so a test can look at what a module generated.
  mkText = name: text: mkPackage name "stub" // { name = name; inherit text; };
  names = [
    "adguardhome" "age" "agenix" "authelia" "bash" "bashInteractive" "caddy" "cloudflared"
    "coreutils" "curl" "docker" "envsubst" "findutils" "git" "gitea" "gnugrep" "gnupg" "gnused"
    "gawk" "hello" "htop" "immich" "iproute2" "iptables" "jellyfin" "jq" "linkwarden" "miniflux"
    "nextcloud31" "nextcloud32" "nftables" "nginx" "nix" "opencloud" "openssh" "openssl" "podman"
    "rage" "redis" "shadow" "sops" "sops-install-secrets" "sqlite" "systemd" "traefik"
    "util-linux" "vaultwarden" "vaultwarden-vault" "vim" "wget" "yq"
  ];
  # Packages whose version a module reads (immich compares PostgreSQL's to "17").
  postgresql = major: mkPackage "postgresql" "${major}.0" // { psqlSchema = major; };
  # pkgs.formats (pkgs/pkgs-lib/formats.nix): `type` for settings options, and `generate name
  # value`, a file in the store. The real generate serialises at build time (jq, remarshal,
  # lib.generators.toINI); the stand-in refuses at evaluation what that build would fail on:
  # functions anywhere, null in TOML, a TOML document that is not a table, INI that is not
  # { section = { key = atom; }; } (lists only with listsAsDuplicateKeys or listToValue).
  isAtom = v: v == null || builtins.isBool v || builtins.isInt v || builtins.isFloat v || builtins.isString v;
  jsonLike = allowNull: v:
    if v == null then allowNull
    else if builtins.isFunction v then false
    else if lib.isDerivation v then true
    else if builtins.isAttrs v then builtins.all (jsonLike allowNull) (builtins.attrValues v)
    else if builtins.isList v then builtins.all (jsonLike allowNull) v
    else true;
  formatFile = kind: ok: why: name: value:
    if ok value then mkText name (builtins.toJSON value) // { format = kind; inherit value; }
    else throw "pkgs.formats.${kind}: the value of ${name} is not ${why}";
  formats = kind: allowNull: { }: {
    type = lib.types.formatValue { description = "${kind} value"; inherit allowNull; };
    generate = formatFile kind
      (v: jsonLike allowNull v && (allowNull || builtins.isAttrs v))
      (if allowNull then "${kind} data (no functions)" else "a ${kind} table without null (no functions)");
  };
  iniFormat =
    { listsAsDuplicateKeys ? false, listToValue ? null, atomsCoercedToLists ? null, mkKeyValue ? null, mkSectionName ? null }:
    assert listsAsDuplicateKeys -> listToValue == null;
    let
      lists = listsAsDuplicateKeys || listToValue != null;
      value = v: isAtom v || (lists && builtins.isList v && builtins.all isAtom v);
      section = v: builtins.isAttrs v && !(lib.isDerivation v) && builtins.all value (builtins.attrValues v);
    in
    {
      type = lib.types.attrsOf (lib.types.attrsOf (lib.types.nullOr (lib.types.oneOf [ lib.types.bool lib.types.int lib.types.float lib.types.str ])));
      generate = formatFile "ini"
        (v: builtins.isAttrs v && builtins.all section (builtins.attrValues v))
        "INI: { section = { key = atom; }; } with atoms null, bool, int, float or string";
    };
  self = lib.genAttrs names (n: mkPackage n "stub") // {
    inherit lib system;
    path = toString ./nixpkgs + "/${lib.trivial.release}";
    postgresql_14 = postgresql "14";
    postgresql_15 = postgresql "15";
    postgresql_16 = postgresql "16";
    postgresql_17 = postgresql "17";
    postgresql_18 = postgresql "18";
    postgresql = self.postgresql_17;
    caddy = mkPackage "caddy" "stub" // {
      # pkgs.caddy.withPlugins { plugins = [ "github.com/caddy-dns/cloudflare@v0.2.1" ]; hash = "…"; }
      withPlugins = { plugins, hash ? lib.fakeHash or "" }: mkPackage "caddy-with-plugins" "stub" // { inherit plugins; };
    };
    stdenv = { hostPlatform = { inherit system; }; buildPlatform = { inherit system; }; isLinux = true; };
    writeText = mkText;
    writeTextFile = { name, text, ... }: mkText name text;
    writeScript = mkText;
    writeShellScript = mkText;
    writeShellScriptBin = mkText;
    writeShellApplication = { name, text, ... }: mkText name text;
    runCommand = name: _env: _script: mkPackage name "stub";
    symlinkJoin = { name, ... }: mkPackage name "stub";
    buildEnv = { name, ... }: mkPackage name "stub";
    formats = {
      json = formats "JSON" true;
      yaml = formats "YAML 1.1" true;
      yaml_1_1 = formats "YAML 1.1" true;
      yaml_1_2 = formats "YAML 1.2" true;
      toml = formats "TOML" false;
      ini = iniFormat;
    };
    nixosStub = {
      inherit (lib.trivial) release;
      inherit (import ./nixos { inherit lib; pkgs = self; }) evalSystem;
    };
  };
in
self
