# nixos-stub's own findings about a system's firewall rules that NixOS accepts at evaluation but
# that do nothing or fail later (firewall-iptables.nix, firewall-nftables.nix; 25.11 and 26.05):
# - `extraInputRules` with the iptables backend: nothing loads it (NixOS says nothing);
# - an iptables command in `extraCommands`/`extraStopCommands` naming a filter-table chain the
#   firewall-start script does not create, or jumping to an unknown target: `iptables` fails and
#   so does the script (`sh -e`), leaving the firewall service failed;
# - a deletion (`-D`) in `extraStopCommands` without `|| true`: firewall-stop (and every reload,
#   which runs the stop commands first) fails under `sh -e` once the rule is gone.
{ lib }:
cfg: prefix:
let
  fw = cfg.networking.firewall;
  chains = [ "INPUT" "FORWARD" "OUTPUT" "nixos-fw" "nixos-fw-accept" "nixos-fw-log-refuse" "nixos-fw-refuse" ];
  targets = chains ++ [ "ACCEPT" "DROP" "REJECT" "LOG" "RETURN" ];
  lines = text: lib.filter (l: builtins.isString l && l != "") (builtins.split "\n" text);
  # `iptables [-w] -A|-I|-D <chain> … [-j <target>] …`, filter table only (no `-t`).
  command = line:
    let
      m = builtins.match "[[:space:]]*(iptables|ip6tables|ip46tables)[[:space:]].*-([AID])[[:space:]]+([^[:space:]]+).*" line;
      j = builtins.match ".*[[:space:]]-j[[:space:]]+([^[:space:]]+).*" line;
      table = builtins.match ".*[[:space:]]-t[[:space:]].*" line;
    in
    if m == null || table != null then null
    else { op = builtins.elemAt m 1; chain = builtins.elemAt m 2; target = if j == null then null else builtins.elemAt j 0; inherit line; };
  commands = option: lib.filter (c: c != null) (map command (lines fw.${option}));
  badChain = option: lib.concatMap
    (c: lib.optional (!(builtins.elem c.chain chains))
      "${prefix}networking.firewall.${option}: `${c.line}' names the chain ${c.chain}, which the firewall does not create: iptables fails and so does the firewall service"
    ++ lib.optional (c.target != null && !(builtins.elem c.target targets))
      "${prefix}networking.firewall.${option}: `${c.line}' jumps to ${c.target}, which is no chain or target of the firewall: iptables fails and so does the firewall service")
    (commands option);
  unguarded = lib.concatMap
    (c: lib.optional (c.op == "D" && builtins.match ".*\\|\\|[[:space:]]*true.*" c.line == null)
      "${prefix}networking.firewall.extraStopCommands: `${c.line}' fails once the rule is gone, and firewall-stop runs under sh -e: add `|| true'")
    (commands "extraStopCommands");
  iptables = fw.backend or "iptables" == "iptables";
in
if !(fw.enable or false) then [ ]
else
  lib.optional (iptables && (fw.extraInputRules or "") != "")
    "${prefix}networking.firewall.extraInputRules is set, but the firewall backend is iptables: NixOS loads it only with nftables, so these rules do nothing"
  ++ lib.optionals iptables (badChain "extraCommands" ++ badChain "extraStopCommands" ++ unguarded)
