// Benchmark (not a test): evaluating and checking a generated-style tree of N nspawn containers
// (seed 000's pattern: a route injected into the Traefik guest, a private-network guest with
// its own firewall and resolver) with evalServerAssertions, against the floor of one
// nix-instantiate process evaluating `1`, measured in the same run. Run: npx tsx <this file>
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNix } from "../../packages/testkit/src/index.ts";
import { evalServer, evalServerAssertions, hardwareConfiguration } from "./eval-server.ts";

function tree(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `nixos-stub-bench-${count}-`));
  mkdirSync(join(dir, "containers"));
  const names = Array.from({ length: count }, (_, i) => `app${i}`);
  writeFileSync(
    join(dir, "flake.nix"),
    `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  outputs = { nixpkgs, ... }@inputs: {
    nixosConfigurations.bench = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      specialArgs = { inherit inputs; domain = "example.com"; };
      modules = [ ./host.nix ${names.map((n) => `./containers/${n}.nix`).join(" ")} ];
    };
  };
}
`,
  );
  writeFileSync(
    join(dir, "host.nix"),
    `{ ... }: {
  networking.nat = { enable = true; internalInterfaces = [ "ve-+" ]; externalInterface = "eth0"; };
  containers.traefik = { autoStart = true; config = { services.traefik.enable = true; system.stateVersion = "25.05"; }; };
  system.stateVersion = "25.05";
}
`,
  );
  names.forEach((name, i) => {
    writeFileSync(
      join(dir, "containers", `${name}.nix`),
      `{ config, domain, ... }: {
  containers.traefik.config.services.traefik.dynamicConfigOptions.http = {
    services.${name}.loadBalancer.servers = [ { url = "http://\${config.containers.${name}.localAddress}:8080"; } ];
    routers.${name} = { rule = "Host(\`${name}.\${domain}\`)"; service = "${name}"; entryPoints = [ "websecure" ]; };
  };
  containers.${name} = {
    autoStart = true;
    privateNetwork = true;
    hostAddress = "10.10.${i >> 7}.${(i & 127) * 2 + 1}";
    localAddress = "10.10.${i >> 7}.${(i & 127) * 2 + 2}";
    config = { lib, ... }: {
      networking.firewall.allowedTCPPorts = [ 8080 ];
      networking.useHostResolvConf = lib.mkForce false;
      services.resolved.enable = true;
      system.stateVersion = "25.05";
    };
  };
}
`,
    );
  });
  return dir;
}

function median(run: () => void, times = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const floor = median(() => runNix(["--eval"], "1"));
const rows: string[] = [];
for (const count of [10, 100]) {
  const dir = tree(count);
  const machine = { extraModules: [hardwareConfiguration] };
  const servers = evalServer(dir, "bench", { n: "containers.traefik.config.services.traefik.dynamicConfigOptions.http.routers" }, machine);
  if (Object.keys(servers.n as object).length !== count) throw new Error("the bench tree did not evaluate as expected");
  const ms = median(() => evalServerAssertions(dir, "bench", machine));
  rows.push(`| ${count} containers, full check | ${ms.toFixed(1)} | ${(ms / floor).toFixed(1)}× |`);
  rmSync(dir, { recursive: true, force: true });
}
console.log(["| case | median ms | vs floor |", "|---|---:|---:|", `| floor: nix-instantiate of \`1\` | ${floor.toFixed(1)} | 1.0× |`, ...rows].join("\n"));
