# The NixOS releases nixos-stub models, and how a flake names one. Adding a release: add it to
# `supported`, add a row for it to each release table (grep -rn "stub.pick" nixos), add
# nixpkgs/<release>/default.nix, and record its facts in docs/nixos/.
rec {
  supported = [ "25.11" "26.05" ];
  # Current stable: what a flake without a recognisable nixpkgs URL is evaluated as.
  default = "26.05";

  # "github:NixOS/nixpkgs/nixos-26.05", "github:nixos/nixpkgs?ref=nixos-25.11",
  # "https://channels.nixos.org/nixos-26.05/nixexprs.tar.xz" → the release, or null.
  # "…/nixos-unstable", "…/nixpkgs-unstable" and "…/master" → "unstable".
  fromUrl = url:
    let
      m = builtins.match ".*[/=](nixos|nixpkgs|release)-([0-9][0-9]\\.[0-9][0-9])([-/?&].*|$)" url;
      unstable = builtins.match ".*[/=]((nixos|nixpkgs)-unstable(-small)?|master)([/?&].*|$)" url;
    in
    if m != null then builtins.elemAt m 1 else if unstable != null then "unstable" else null;

  # The release named by `url`, or an error saying why it cannot be evaluated.
  check = release:
    if builtins.elem release supported then release
    else throw "nixos-stub: NixOS ${release} is not a release nixos-stub models (supported: ${builtins.concatStringsSep ", " supported}); pass `release` explicitly to evaluate the flake as one of them.";
  fromFlakeUrl = url:
    let r = fromUrl url; in
    if r != null then check r
    else throw "nixos-stub: cannot tell the NixOS release of inputs.nixpkgs.url = \"${url}\" (supported: ${builtins.concatStringsSep ", " supported}, as nixos-YY.MM branches); pass `release` explicitly.";
}
