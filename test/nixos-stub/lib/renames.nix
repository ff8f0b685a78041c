# The modules nixpkgs uses when an option is renamed or removed, with nixpkgs' behaviour and
# message texts (lib/modules.nix there):
# - mkRenamedOptionModule: the old name is an alias; a definition of it is forwarded to the new
#   name at its own priority and adds the warning "The option `old' defined in `file' has been
#   renamed to `new'."; reading the old name reads the new one.
# - mkRemovedOptionModule: a definition fails the assertion "The option definition `old' in
#   `file' no longer has any effect; please remove it.\n<instructions>".
# - mkAliasOptionModule: a rename without the warning.
{ lib }:
let
  inherit (lib)
    attrByPath
    getAttrFromPath
    mkIf
    mkMerge
    mkOption
    mkOverride
    optional
    setAttrByPath
    showFiles
    showOption
    ;

  doRename = { from, to, warn, use ? lib.id }:
    { config, options, ... }:
    let
      fromOpt = getAttrFromPath from options;
      toOf = attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      # The old name takes the new option's type when the new option is a top-level one; below a
      # submodule (e.g. `settings.Resolve.DNSSEC`) nixpkgs falls back to a submodule type, whose
      # check never runs because `apply` ignores the value.
      toType = (attrByPath to { } options).type or (lib.types.submodule { });
    in
    {
      options = setAttrByPath from (mkOption {
        visible = false;
        description = "Alias of `${showOption to}'.";
        type = toType;
        # Reading the old name reads the new one. When the old name is not defined and the new
        # one has no value (a free-form key), nixpkgs aborts on read; nixos-stub's check reads
        # every value, so it gets null instead.
        apply = _: if fromOpt.isDefined then use (toOf config) else attrByPath to null config;
      });
      config = mkMerge [
        { warnings = optional (warn && fromOpt.isDefined) "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'."; }
        (mkIf fromOpt.isDefined (setAttrByPath to (mkMerge (map (mkOverride fromOpt.highestPrio) fromOpt.definitions))))
      ];
    };
in
{
  # nixpkgs also traces "Obsolete option `old' is used" when the old name is read; nixos-stub's
  # check reads every value, so that trace would fire for every alias: it is left out.
  mkRenamedOptionModule = from: to: doRename { inherit from to; warn = true; };
  mkAliasOptionModule = from: to: doRename { inherit from to; warn = false; };

  mkRemovedOptionModule = optionName: replacementInstructions:
    { options, ... }:
    let opt = getAttrFromPath optionName options; in
    {
      options = setAttrByPath optionName (mkOption {
        visible = false;
        # nixpkgs throws whenever the value is read. nixos-stub's check forces every value, so
        # it throws only when the option is defined, and then the assertion below reports first.
        apply = _: if opt.isDefined
          then throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}"
          else null;
      });
      config.assertions = [ {
        assertion = !opt.isDefined;
        message = ''
          The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
          ${replacementInstructions}
        '';
      } ];
    };
}
