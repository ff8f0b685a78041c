/**
 * Benchmark: `validate` of large homelabs (containers with ports and routes), to show the
 * checks scale as O(n log n), not O(n²). Run: `npx tsx packages/homelab/bench/validate.bench.ts`
 * (add `NODE_OPTIONS=--expose-gc` to collect garbage before every sample: steadier figures).
 * Prints a markdown table; times are medians of several runs after a warm-up, and the
 * scaling columns are ratios against the smallest size measured in the same run.
 */
import { container, homelab, traefik, traefikRoute, validate, type Container, type Homelab } from "../src/index.ts";

const SIZES = [1_000, 2_000, 5_000, 10_000, 20_000];
const RUNS = 7;

/** A third each: private nspawn (half with given addresses), Podman on loopback, host-network nspawn. */
function makeLab(n: number): Homelab {
  const containers: Container[] = [container("auth", { hostAddress: "10.0.0.2", localAddress: "10.0.0.3", ports: [9091], forwardAuth: { port: 9091 }, route: traefikRoute({ subdomain: "auth", port: 9091, public: true }) })];
  for (let i = 0; i < n; i++) {
    const name = `c${i}`;
    const route = traefikRoute({ subdomain: name, port: 8000, auth: "auth" });
    if (i % 3 === 0) {
      const explicit = i % 2 === 0 ? { hostAddress: `10.1.${(i >> 7) & 255}.${(i & 127) * 2}`, localAddress: `10.1.${(i >> 7) & 255}.${(i & 127) * 2 + 1}` } : {};
      containers.push(container(name, { ...explicit, ports: [8000, { port: 8001, protocol: "udp" }], route }));
    } else if (i % 3 === 1) {
      const address = `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${(i & 255) || 1}`;
      containers.push(container(name, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: [`${address}:8000:80`], route }));
    } else {
      const port = 10_000 + Math.floor(i / 3);
      containers.push(container(name, { network: "host", ports: [{ port, address: "127.0.0.1" }], route: traefikRoute({ subdomain: name, port, auth: "auth" }) }));
    }
  }
  return homelab({ hostName: "bench", domain: "example.org", stateVersion: "25.05", network: { pool: "10.0.0.0/8" }, traefik: traefik(), containers });
}

/** `gc()` when Node runs with `--expose-gc`; a no-op otherwise. */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Measures `validate` on each lab: all labs are built first and measured in interleaved
 * rounds (the order rotating every round), so each size sees the same heap and JIT state;
 * each sample repeats `validate` for about 200 ms, so small sizes are not timer noise.
 * Per size: the median of the rounds.
 */
function measure(labs: readonly { n: number; lab: Homelab }[]): { n: number; ms: number; diagnostics: number }[] {
  const repeats = labs.map(({ lab }) => {
    const start = performance.now();
    for (let k = 0; k < 3; k++) validate(lab); // warm-up, and a first estimate
    return Math.max(1, Math.round(200 / ((performance.now() - start) / 3)));
  });
  const samples: number[][] = labs.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    for (let j = 0; j < labs.length; j++) {
      const i = (j + round) % labs.length;
      collectGarbage(); // start every sample with no garbage left over from another size
      const start = performance.now();
      for (let k = 0; k < repeats[i]!; k++) validate(labs[i]!.lab);
      samples[i]!.push((performance.now() - start) / repeats[i]!);
    }
  }
  return labs.map(({ n, lab }, i) => ({ n, ms: median(samples[i]!), diagnostics: validate(lab).length }));
}

const nlogn = (n: number) => n * Math.log2(n);

function table(title: string, rows: readonly { n: number; ms: number; diagnostics: number }[]): void {
  const first = rows[0]!;
  console.log(`### ${title}\n`);
  console.log("| containers | validate (ms) | diagnostics | time ratio | n ratio | time / (n log n), vs first | time / n, vs previous size |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  rows.forEach((row, i) => {
    const prev = rows[i - 1] ?? row;
    const timeRatio = row.ms / first.ms;
    const normalised = timeRatio / (nlogn(row.n) / nlogn(first.n));
    const step = row.ms / prev.ms / (row.n / prev.n);
    console.log(`| ${row.n.toLocaleString("en-US")} | ${row.ms.toFixed(1)} | ${row.diagnostics.toLocaleString("en-US")} | ${timeRatio.toFixed(2)} | ${(row.n / first.n).toFixed(0)} | ${normalised.toFixed(2)} | ${i === 0 ? "–" : step.toFixed(2)} |`);
  });
  console.log("");
}

/** The worst case for reporting: every container publishes the same port on every address, in one route host. */
function makeConflictLab(n: number): Homelab {
  const containers: Container[] = [];
  for (let i = 0; i < n; i++) {
    containers.push(container(`d${i}`, { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1000", ports: ["8080:80"], route: traefikRoute({ subdomain: "same", port: 8080, public: true }) }));
  }
  return homelab({ hostName: "bench", domain: "example.org", stateVersion: "25.05", traefik: traefik(), containers });
}

console.log(`validate: median of ${RUNS} interleaved rounds, Node ${process.version}\n`);
table("Clean homelabs (ports and routes on every container)", measure(SIZES.map((n) => ({ n, lab: makeLab(n) }))));
table("Worst case: every container clashes with every other (one port, one host name)", measure([1_000, 10_000].map((n) => ({ n, lab: makeConflictLab(n) }))));
console.log("A quadratic checker would take about 400 times as long at 20k as at 1k; here time grows with n (last column near 1).");
