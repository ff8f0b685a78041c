# Stand-in for colmena's `lib.makeHive` (flake.nix + src/nix/hive/eval.nix, hermetic mode;
# docs/nixos/flake-tools.md): the same checks of the hive's shape (meta or network, meta options,
# meta.nixpkgs an initialized nixpkgs, reserved node names) and the same result attributes, with
# every node evaluated by the stand-in NixOS of meta.nixpkgs' release plus colmena's deployment
# options. `lib` is the stand-in lib that evaluates meta.
{ lib }:
rawHive:
let
  inherit (builtins) typeOf;
  colmenaOptions = import ./options.nix { inherit lib; };

  uncheckedHive =
    if typeOf rawHive == "lambda" || rawHive ? __functor then rawHive { }
    else if typeOf rawHive == "set" then rawHive
    else throw "The config must evaluate to an attribute set.";
  uncheckedUserMeta =
    if uncheckedHive ? meta && uncheckedHive ? network then throw "Only one of `network` and `meta` may be specified. `meta` should be used as `network` is for NixOps compatibility."
    else uncheckedHive.meta or uncheckedHive.network or { };
  userMeta = (lib.evalModules { modules = [ colmenaOptions.metaOptions uncheckedUserMeta ]; }).config;

  hive =
    assert lib.assertMsg (!(uncheckedHive ? __schema)) "You cannot pass in an already-evaluated Hive into the evaluator.\n\nHint: Use the `colmenaHive` output instead of `colmena`.";
    removeAttrs ({ defaults = { }; } // uncheckedHive) [ "meta" "network" ] // { meta = userMeta; };

  uninitializedError = configName: typ: ''
    Passing ${typ} as ${configName} is no longer accepted with Flakes.
    Please initialize Nixpkgs like the following:

    {
      # ...
      outputs = { nixpkgs, ... }: {
        colmena = {
          ${configName} = import nixpkgs {
            system = "x86_64-linux"; # Set your desired system here
            overlays = [];
          };
        };
      };
    }
  '';
  mkNixpkgs = configName: pkgConf:
    # As colmena: a flake input has an outPath, so passing `nixpkgs` itself is "a path".
    if typeOf pkgConf == "path" || (typeOf pkgConf == "set" && pkgConf ? outPath) then throw (uninitializedError configName "a path to Nixpkgs")
    else if typeOf pkgConf == "lambda" then throw (uninitializedError configName "a Nixpkgs lambda")
    else if typeOf pkgConf == "set" then
      (if pkgConf ? outputs then throw (uninitializedError configName "an uninitialized Nixpkgs input")
      else if pkgConf ? nixosStub then pkgConf
      else throw "nixos-stub: ${configName} is a set but not the stand-in nixpkgs (initialize the flake's nixpkgs input: import nixpkgs { system = …; })")
    else throw ''
      ${configName} must be one of:

      - A path to Nixpkgs (e.g., <nixpkgs>)
      - A Nixpkgs lambda (e.g., import <nixpkgs>)
      - A Nixpkgs attribute set
    '';
  nixpkgs = mkNixpkgs "meta.nixpkgs"
    (if uncheckedUserMeta ? nixpkgs then uncheckedUserMeta.nixpkgs else throw "meta.nixpkgs must be specified in hermetic mode.");

  reservedNames = [ "defaults" "network" "meta" ];
  nodeNames = lib.filter (n: !lib.elem n reservedNames) (lib.attrNames hive);
  configsFor = name: let c = hive.${name}; in if typeOf c == "list" then c else [ c ];
  evalNode = name:
    let
      npkgs = if hive.meta.nodeNixpkgs ? ${name} then mkNixpkgs "meta.nodeNixpkgs.${name}" hive.meta.nodeNixpkgs.${name} else nixpkgs;
    in
    npkgs.nixosStub.evalSystem {
      modules = [
        { _file = "colmena (meta.nixpkgs)"; nixpkgs.system = lib.mkDefault npkgs.system; }
        colmenaOptions.deploymentOptions
        hive.defaults
      ] ++ configsFor name;
      specialArgs = { inherit name; nodes = nodes; } // hive.meta.specialArgs // (hive.meta.nodeSpecialArgs.${name} or { });
    };
  nodes = lib.genAttrs nodeNames evalNode;
in
rec {
  __schema = "v0.5";
  inherit nodes;
  toplevel = lib.mapAttrs (_: v: v.config.system.build.toplevel) nodes;
  deploymentConfig = lib.mapAttrs (_: v: v.config.deployment) nodes;
  deploymentConfigSelected = names: lib.filterAttrs (n: _: lib.elem n names) deploymentConfig;
  evalSelected = names: lib.filterAttrs (n: _: lib.elem n names) toplevel;
  evalSelectedDrvPaths = names: lib.mapAttrs (_: v: v.drvPath) (evalSelected names);
  metaConfig = lib.filterAttrs (n: _: lib.elem n [ "name" "description" "machinesFile" "allowApplyAll" ]) hive.meta;
  introspect = f: f { inherit lib; pkgs = nixpkgs; inherit nodes; };
}
