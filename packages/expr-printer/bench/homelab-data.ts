/**
 * A large, homelab-like configuration as plain JS data, for the print benchmark: containers
 * with addresses, bind mounts, firewall ports and service settings, reverse-proxy routes,
 * secrets and users, the shapes `toNix` sees in practice. Deterministic: a seeded PRNG, no
 * clock, so every run prints the same bytes.
 */

/** Mulberry32: small, fast, good enough for generating test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ["immich", "vaultwarden", "jellyfin", "paperless", "nextcloud", "gitea", "grafana", "adguard", "authelia", "opencloud", "linkwarden", "miniflux"];
const WORDS = ["data", "media", "cache", "config", "backup", "logs", "state", "uploads", "db", "secrets"];

type Data = string | number | boolean | null | Data[] | { [key: string]: Data };

function container(rand: () => number, i: number): Record<string, Data> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const name = `${pick(SERVICES)}-${i}`;
  const port = 1024 + Math.floor(rand() * 60000);
  const mounts: Record<string, Data> = {};
  for (let m = 0; m < 1 + Math.floor(rand() * 4); m++) {
    const w = pick(WORDS);
    mounts[`/var/lib/${name}/${w}`] = { hostPath: `/persist/${name}/${w}`, isReadOnly: rand() < 0.3 };
  }
  return {
    autoStart: true,
    privateNetwork: rand() < 0.8,
    hostAddress: `10.10.${i % 250}.1`,
    localAddress: `10.10.${i % 250}.${2 + (i % 200)}`,
    privateUsers: rand() < 0.5 ? "pick" : "no",
    ephemeral: rand() < 0.2,
    bindMounts: mounts,
    config: {
      networking: { firewall: { allowedTCPPorts: [port, port + 1], allowedUDPPorts: rand() < 0.3 ? [53] : [] } },
      services: {
        [name.split("-")[0] as string]: {
          enable: true,
          port,
          host: "0.0.0.0",
          openFirewall: false,
          settings: {
            log_level: pick(["info", "debug", "warn"]),
            external_url: `https://${name}.example.org`,
            max_upload_mb: Math.floor(rand() * 10000),
            ratio: Math.round(rand() * 1000) / 100,
            features: [pick(WORDS), pick(WORDS), pick(WORDS)],
          },
        },
      },
      environment: { etc: { [`${name}/env`]: { text: `PORT=${port}\nHOST=0.0.0.0\nNAME=${name}\n` } } },
      system: { stateVersion: "24.05" },
    },
  };
}

/**
 * The configuration: `containers` until the JSON form reaches about `targetBytes`, plus one
 * route and one secret per container.
 * @example homelabData(5_000_000).containers
 */
export function homelabData(targetBytes: number, seed = 166): Record<string, Data> {
  const rand = prng(seed);
  const containers: Record<string, Data> = {};
  const routers: Record<string, Data> = {};
  const secrets: Record<string, Data> = {};
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const c = container(rand, i);
    const name = `svc${i}`;
    containers[name] = c;
    routers[name] = {
      rule: `Host(\`${name}.example.org\`)`,
      service: name,
      entryPoints: ["websecure"],
      middlewares: rand() < 0.5 ? ["authelia"] : [],
      tls: { certResolver: "letsencrypt" },
    };
    secrets[`${name}-env`] = { file: `../secrets/${name}.age`, owner: name, mode: "0400" };
    size += JSON.stringify(c).length * 2 + 300;
  }
  return {
    networking: { hostName: "homelab", nat: { enable: true, internalInterfaces: ["ve-+"], externalInterface: "eth0" } },
    containers,
    services: { traefik: { dynamicConfigOptions: { http: { routers } } } },
    age: { secrets },
  };
}
