# Entry point of the harness: calls a generated flake's `outputs` with stand-in inputs and
# returns one host's evaluated system, its check (./nixos/check.nix), the flake's outputs and a
# JSON-safe printer. The NixOS release is the one the flake's `inputs.nixpkgs.url` names
# (./releases.nix), unless `release` overrides it. A second nixpkgs input (a fleet's
# `nixpkgs-25_11`) is the stand-in of the release its own URL names, so a host built with it
# (`nixpkgs-25_11.lib.nixosSystem`) is evaluated as that release; with `release` given, every
# nixpkgs input is that release. Stand-in inputs are chosen by URL (the name
# as a fallback): nixpkgs (any branch, so a second nixpkgs too), agenix, sops-nix, impermanence, disko, NUR,
# colmena, deploy-rs.
# Used by eval-server.ts; usable by hand:
#   nix-instantiate --eval --strict --json -E \
#     '(import ./eval-flake.nix { flakeDir = /path/to/server; host = "homelab"; }).check'
{ flakeDir, host ? null, extraModules ? [ ], release ? null }:
let
  releases = import ./releases.nix;
  root = toString flakeDir;
  flake = import (flakeDir + "/flake.nix");
  declared = flake.inputs or { };
  nixpkgsUrl = declared.nixpkgs.url or null;
  theRelease =
    if release != null then releases.check release
    else if nixpkgsUrl != null then releases.fromFlakeUrl nixpkgsUrl
    else throw "nixos-stub: flake.nix declares no inputs.nixpkgs.url to tell its NixOS release from; pass `release` (supported: ${builtins.concatStringsSep ", " releases.supported}).";

  lib = import ./lib/make.nix { release = theRelease; };
  pkgsFor = system: import ./nixpkgs/make.nix theRelease { inherit system; };
  pkgs = pkgsFor "x86_64-linux";
  systems = [ "x86_64-linux" "aarch64-linux" ];
  perSystem = f: lib.genAttrs systems f;

  # nixpkgs.lib.nixosSystem of one release: eval-config.nix's arguments (an unknown one is an
  # error there too).
  nixosSystemOf = rel:
    let
      relLib = import ./lib/make.nix { release = rel; };
      relPkgsFor = system: import ./nixpkgs/make.nix rel { inherit system; };
    in
    { modules
    , specialArgs ? { }
    , system ? null
    , extraModules ? [ ]
    , prefix ? [ ]
    , lib ? null
    , pkgs ? null
    , baseModules ? null
    , modulesLocation ? null
    , check ? true
    }:
    (relPkgsFor (if system != null then system else "x86_64-linux")).nixosStub.evalSystem {
      inherit prefix specialArgs;
      # Wrapped so the modules listed in flake.nix name it as the file that imports them.
      modules = [ { _file = "${root}/flake.nix"; imports = modules; } ] ++ extraModules ++ harnessModules
        ++ relLib.optional (system != null) { _file = "nixpkgs.lib.nixosSystem"; nixpkgs.system = relLib.mkDefault system; };
    } // { _type = "configuration"; };
  harnessModules = map (m: { _file = "evalServer extraModules"; imports = [ m ]; }) extraModules;

  # The stand-in nixpkgs flake of one release.
  nixpkgsInput = rel:
    let relLib = import ./lib/make.nix { release = rel; }; in
    flakeInput {
      outPath = pkgs.path;
      lib = relLib // { nixosSystem = nixosSystemOf rel; };
      legacyPackages = perSystem (system: import ./nixpkgs/make.nix rel { inherit system; });
      nixosModules = { };
    };
  # The release of a nixpkgs input: `release` when given, else its URL's when the stand-in
  # models it, else the flake's (a fork's branch, unstable: as before fleets).
  releaseOfInput = name:
    let r = releases.fromUrl (declared.${name}.url or ""); in
    if release == null && builtins.elem r releases.supported then r else theRelease;

  flakeInput = attrs: { _type = "flake"; } // attrs;
  stubInputs = {
    nixpkgs = nixpkgsInput theRelease;
    # Flakes export their modules as paths, so importing one twice stays one module.
    agenix = flakeInput {
      outPath = toString ./agenix;
      nixosModules = { default = ./agenix/age.nix; age = ./agenix/age.nix; };
      packages = perSystem (_: { default = pkgs.agenix; agenix = pkgs.agenix; });
    };
    sops-nix = flakeInput {
      outPath = toString ./sops-nix;
      nixosModules = { default = ./sops-nix/sops.nix; sops = ./sops-nix/sops.nix; };
    };
    impermanence = flakeInput {
      outPath = toString ./impermanence;
      nixosModules = { default = ./impermanence/persistence.nix; impermanence = ./impermanence/persistence.nix; };
      nixosModule = ./impermanence/persistence.nix;
    };
    disko = flakeInput {
      outPath = toString ./disko;
      nixosModules = { default = ./disko/disko.nix; disko = ./disko/disko.nix; };
    };
    # nix-community/NUR: its overlay adds `pkgs.nur.repos.<user>.<package>` (one stand-in repository).
    nur = flakeInput {
      outPath = toString ./nur;
      overlays.default = final: prev: { nur.repos.stub = { hello = prev.hello // { name = "nur-hello-stub"; }; }; };
      modules.nixos.default = { };
    };
    colmena = flakeInput {
      outPath = toString ./colmena;
      lib.makeHive = import ./colmena/make-hive.nix { inherit lib; };
      packages = perSystem (_: { default = pkgs.hello // { name = "colmena-stub"; }; });
    };
    deploy-rs = flakeInput {
      outPath = toString ./deploy-rs;
      lib = perSystem (system: import ./deploy-rs/lib.nix { inherit lib system; });
      packages = perSystem (_: { default = pkgs.hello // { name = "deploy-rs-stub"; }; });
    };
  };
  # github:owner/repo[/ref], https://github.com/owner/repo… → the stand-in for that repository.
  byRepository = {
    "nixos/nixpkgs" = "nixpkgs";
    "ryantm/agenix" = "agenix";
    "mic92/sops-nix" = "sops-nix";
    "nix-community/impermanence" = "impermanence";
    "nix-community/disko" = "disko";
    "nix-community/nur" = "nur";
    "zhaofengli/colmena" = "colmena";
    "serokell/deploy-rs" = "deploy-rs";
  };
  repositoryOf = url:
    let m = builtins.match "(github:|git\\+https://github.com/|https://github.com/)([^/?]+/[^/?]+).*" url; in
    if m == null then null else lib.toLower (lib.removeSuffix ".git" (builtins.elemAt m 1));
  stubFor = name:
    let
      repo = repositoryOf (declared.${name}.url or "");
      stub = byRepository.${repo} or name;
    in
    if stub == "nixpkgs" then nixpkgsInput (releaseOfInput name)
    else stubInputs.${stub} or (placeholder name);

  # Inputs the flake declares or names in `outputs`' arguments; unknown ones get a placeholder
  # that fails on first use.
  inputNames = lib.unique (lib.attrNames declared ++ lib.attrNames (builtins.functionArgs flake.outputs));
  placeholder = name: { _type = "flake"; outPath = "${pkgs.path}-input-${name}"; };
  inputs = lib.genAttrs (lib.remove "self" inputNames) stubFor // { inherit self; };
  outputs = flake.outputs inputs;
  self = outputs // { _type = "flake"; outPath = root; inherit inputs outputs; sourceInfo.outPath = root; };

  configurations = outputs.nixosConfigurations or { };
  system = configurations.${host} or (throw
    "flake.nix has no nixosConfigurations.${toString host} (it has: ${lib.concatStringsSep ", " (lib.attrNames configurations)})");

  # Values as JSON can carry them: paths inside the flake as "./relative", packages as their
  # store path, functions and whole systems as markers (nothing is copied to the store).
  toJSONable = v:
    if lib.isPath v then
      (let s = toString v; in if lib.hasPrefix "${root}/" s then "./${lib.removePrefix "${root}/" s}" else s)
    else if lib.isFunction v then "<function>"
    else if lib.isAttrs v then
      (if v ? outPath then toString v.outPath
      else if v ? nixosStub then "<pkgs>" # a whole package set (nixpkgs.pkgs): not data
      else if (v._type or null) == "option-type" then "<type ${v.description}>"
      # A whole system (a container guest's `config`): read its values by path instead.
      else if v ? _module.options then "<NixOS configuration>"
      else lib.mapAttrs (_: toJSONable) v)
    else if lib.isList v then map toJSONable v
    else v;
in
{
  inherit (system) config options;
  inherit lib outputs toJSONable;
  release = theRelease;
  check = import ./nixos/check.nix { inherit lib; } system.config;
}
