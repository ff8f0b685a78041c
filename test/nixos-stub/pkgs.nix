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
  formats = kind: allowNull: _settings: {
    type = lib.types.formatValue { description = "${kind} value"; inherit allowNull; };
    generate = name: value: mkText name (builtins.toJSON value);
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
      yaml = formats "YAML" true;
      toml = formats "TOML" false;
    };
    nixosStub = {
      inherit (lib.trivial) release;
      inherit (import ./nixos { inherit lib; pkgs = self; }) evalSystem;
    };
  };
in
self
