# Stand-in `pkgs`: packages are plain sets with `type = "derivation"` and a made-up store path,
# so `"${pkgs.podman}/bin/podman"` and `types.package` work without a store or nixpkgs. Nothing
# is ever built. A package missing here fails with "attribute 'x' missing": add it below.
{ lib, system ? "x86_64-linux" }:
let
  # Deterministic, store-path-shaped, obviously fake.
  storePath = name: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";
  mkPackage = pname: {
    type = "derivation";
    inherit pname system;
    name = "${pname}-stub";
    version = "stub";
    outPath = storePath "${pname}-stub";
    drvPath = storePath "${pname}-stub.drv";
    outputs = [ "out" ];
    meta = { mainProgram = pname; };
    override = _: mkPackage pname;
    overrideAttrs = _: mkPackage pname;
  };
  # A text file or script in the store (writeText, writeShellScript …): name and content kept
  # readable, so a test can look at what a module generated.
  mkText = name: text: mkPackage name // { inherit text; };
  names = [
    "adguardhome" "age" "agenix" "authelia" "bash" "bashInteractive" "caddy" "cloudflared"
    "coreutils" "curl" "docker" "findutils" "git" "gnugrep" "gnused" "gawk" "hello" "htop"
    "immich" "iproute2" "iptables" "jq" "linkwarden" "nextcloud30" "nextcloud31" "nftables"
    "nginx" "opencloud" "openssh" "openssl" "podman" "postgresql" "postgresql_16" "rage" "redis"
    "shadow" "sqlite" "systemd" "traefik" "util-linux" "vaultwarden" "vim" "wget" "yq"
  ];
  formats = kind: allowNull: _settings: {
    type = lib.types.formatValue { description = "${kind} value"; inherit allowNull; };
    generate = name: value: mkText name (builtins.toJSON value);
  };
in
lib.genAttrs names mkPackage // {
  inherit lib system;
  path = storePath "nixpkgs-stub";
  stdenv = { hostPlatform = { inherit system; }; buildPlatform = { inherit system; }; isLinux = true; };
  writeText = mkText;
  writeTextFile = { name, text, ... }: mkText name text;
  writeScript = mkText;
  writeShellScript = mkText;
  writeShellScriptBin = mkText;
  writeShellApplication = { name, text, ... }: mkText name text;
  runCommand = name: _env: _script: mkPackage name;
  symlinkJoin = { name, ... }: mkPackage name;
  formats = {
    json = formats "JSON" true;
    yaml = formats "YAML" true;
    toml = formats "TOML" false;
  };
}
