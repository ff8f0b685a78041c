import { n, type NixExpr } from "@nixjs/expr-printer";
import type { Homelab, ServicePort } from "../../model/index.ts";
import { byCodeUnit, isPrivateNspawn, type RenderContext } from "./context.ts";
import { caddySnippets } from "./caddy.ts";
import { networkUnit, podmanStateRules } from "./podman.ts";
import { ageSecretsTree, hostSecrets, identityPaths } from "./secrets.ts";
import { Sections } from "./sections.ts";
import { bindTree } from "./tree.ts";

function isLoopback(address: string): boolean {
  return address.startsWith("127.") || address === "::1" || address === "[::1]" || address === "localhost";
}

/** Host ports to open: host-network listeners off loopback, and the proxies. */
export function hostFirewall(ctx: RenderContext): { tcp: number[]; udp: number[]; who: string[] } {
  const tcp = new Set<number>();
  const udp = new Set<number>();
  const who = new Set<string>();
  const open = (name: string, ports: readonly ServicePort[]): void => {
    for (const p of ports) {
      if (isLoopback(p.address)) continue;
      (p.protocol === "udp" ? udp : tcp).add(p.port);
      who.add(name);
    }
  };
  for (const c of ctx.containers) {
    if (c.enable && c.backend === "nspawn" && c.network === "host") open(c.name, c.ports);
  }
  for (const s of ctx.services) if (s.enable) open(s.name, s.ports);
  const web = (port: number, protocol: "tcp" | "udp" = "tcp"): ServicePort => ({ port, protocol, address: "0.0.0.0" });
  if (ctx.lab.traefik !== undefined) open("traefik", [web(80), web(443)]);
  // Caddy serves HTTP/3 on UDP 443 as well.
  if (ctx.lab.caddy !== undefined) open("caddy", [web(80), web(443), web(443, "udp")]);
  const sort = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
  return { tcp: sort(tcp), udp: sort(udp), who: [...who].sort(byCodeUnit) };
}

function list(values: readonly (string | number)[]): NixExpr {
  return n.list(values.map((v) => (typeof v === "number" ? n.int(v) : n.str(v))));
}

/** Directories that must exist on the host before a container starts. */
export function stateDirectoryRules(ctx: RenderContext): string[] {
  const rules = new Set<string>();
  for (const c of ctx.containers) {
    if (!c.enable) continue;
    if (c.backend === "podman") for (const r of podmanStateRules(c)) rules.add(r);
    else {
      // Created when missing; mode and owner left alone (`-`): the guest may have chowned it.
      for (const m of c.bindMounts) if (!m.isReadOnly) rules.add(`d ${m.hostPath ?? m.mountPoint} - - - -`);
    }
  }
  return [...rules].sort(byCodeUnit);
}

/** Custom Podman networks enabled containers join. */
export function podmanNetworks(lab: Homelab): string[] {
  const nets = new Set<string>();
  for (const c of lab.containers) if (c.enable && c.backend === "podman") for (const net of c.networks) nets.add(net);
  return [...nets].sort(byCodeUnit);
}

/**
 * `host.nix`: what the host needs for its containers, and only that: identity and state
 * version; agenix identities and host-level secrets; NAT for private-network containers
 * (`ve-+`, or `ve-*` under nftables, whose wildcard differs); the firewall for host-network
 * listeners; Podman; Caddy with its forward-auth snippets; Podman networks; state directories.
 */
export function hostBody(
  ctx: RenderContext,
  options: { readonly stateDirectories: boolean } = { stateDirectories: true },
): NixExpr {
  const file = "host.nix";
  const lab = ctx.lab;
  const s = new Sections();
  s.add(undefined, [
    n.bind("networking.hostName", lab.hostName),
    ...(lab.network.nftables ? [n.bind("networking.nftables.enable", true)] : []),
    n.bind("nixpkgs.hostPlatform", lab.system),
    n.bind("system.stateVersion", lab.stateVersion),
  ]);

  const secrets = hostSecrets(lab);
  if (secrets.length > 0) {
    s.add("agenix: secrets the host decrypts with its own key", [
      n.bind("age.identityPaths", identityPaths(lab)),
      bindTree(["age", "secrets"], ageSecretsTree(secrets, file)),
    ]);
  }

  if (ctx.containers.some((c) => c.enable && isPrivateNspawn(c))) {
    const nat = [
      n.bind("enable", true),
      n.bind("internalInterfaces", list([lab.network.nftables ? "ve-*" : "ve-+"])),
      ...(lab.network.externalInterface === undefined
        ? []
        : [n.bind("externalInterface", lab.network.externalInterface)]),
    ];
    s.add("NAT: private-network containers reach the internet through the host", [
      n.bind("networking.nat", n.attrs(nat)),
    ]);
  }

  const fw = hostFirewall(ctx);
  if (fw.tcp.length + fw.udp.length > 0) {
    const ports: [string, number[]][] = [
      ["allowedTCPPorts", fw.tcp],
      ["allowedUDPPorts", fw.udp],
    ];
    const present = ports.filter(([, p]) => p.length > 0);
    const value =
      present.length === 1
        ? [n.bind(["networking", "firewall", present[0]![0]], list(present[0]![1]))]
        : [n.bind("networking.firewall", n.attrs(present.map(([k, p]) => n.bind(k, list(p)))))];
    s.add(`Firewall: listeners on the host network (${fw.who.join(", ")})`, value);
  }

  if (ctx.containers.some((c) => c.enable && c.backend === "podman")) {
    s.add("Podman runs the OCI containers", [
      n.bind("virtualisation.podman.enable", true),
      n.bind("virtualisation.oci-containers.backend", "podman"),
    ]);
  }

  if (lab.caddy !== undefined) {
    const snippets = caddySnippets(ctx);
    const caddy = [
      n.bind("enable", true),
      ...(lab.caddy.email === undefined ? [] : [n.bind("email", lab.caddy.email)]),
      ...(snippets === undefined ? [] : [n.bind("extraConfig", snippets)]),
    ];
    const comment =
      snippets === undefined
        ? "Caddy; each site is in the file of the container it proxies to"
        : ["Caddy; each site is in the file of the container it proxies to.", "Sites with forward auth import these snippets."];
    s.add(comment, [n.bind("services.caddy", n.attrs(caddy))]);
  }

  const nets = podmanNetworks(lab);
  s.add(
    "Podman networks, created once; the containers that join one require its unit",
    nets.map((net) =>
      n.bind(
        ["systemd", "services", networkUnit(net)],
        n.attrs([
          n.bind("description", `Podman network ${net}`),
          n.bind("serviceConfig", n.attrs([n.bind("Type", "oneshot"), n.bind("RemainAfterExit", true)])),
          n.bind("path", n.list([n.select("config.virtualisation.podman.package")])),
          n.bind("script", n.indented(`podman network exists ${net} || podman network create ${net}\n`)),
        ]),
      ),
    ),
  );

  const rules = options.stateDirectories ? stateDirectoryRules(ctx) : [];
  if (rules.length > 0) {
    s.add("State directories of the containers, created when missing", [n.bind("systemd.tmpfiles.rules", list(rules))]);
  }
  return s.toAttrs();
}
