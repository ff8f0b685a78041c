/**
 * Where a packet ends up in the rules the tests read back: a walk of the raw table's PREROUTING
 * (the state the stand-in `iptables` keeps) and of an nftables chain's rules, for the few match
 * forms the prerouting filter writes. Anything else is an error, never a silent pass.
 */

/** A TCP packet arriving at a target host. */
export interface Packet {
  readonly source: string;
  readonly destination: string;
  readonly port: number;
}

/** `dropped` when a rule drops it, `passed` when it leaves PREROUTING's raw priority for dstnat. */
export type Verdict = "dropped" | "passed";

const matchers: Record<string, (p: Packet, value: string) => boolean> = {
  "-p": (_p, v) => v === "tcp",
  "-d": (p, v) => p.destination === v,
  "-s": (p, v) => p.source === v,
  "--dport": (p, v) => p.port === Number(v),
};

/**
 * The verdict of the raw table's PREROUTING on `packet` (`tables.raw` of the stand-in's state).
 * @example rawVerdict({ PREROUTING: ["-j nixjs-fleet"], "nixjs-fleet": ["-p tcp -d 10.0.0.1 --dport 80 -j DROP"] }, packet)
 */
export function rawVerdict(chains: Readonly<Record<string, readonly string[]>>, packet: Packet, chain = "PREROUTING"): Verdict | "return" {
  for (const rule of chains[chain] ?? []) {
    const tokens = rule.split(" ");
    let matches = true;
    let target = "";
    for (let i = 0; i < tokens.length; i += 2) {
      const [flag, value] = [tokens[i]!, tokens[i + 1]!];
      if (flag === "-j") target = value;
      else if (matchers[flag] === undefined) throw new Error(`unmodelled match ${flag} in ${rule}`);
      else matches &&= matchers[flag]!(packet, value);
    }
    if (!matches) continue;
    if (target === "DROP") return "dropped";
    if (target === "ACCEPT") return "passed";
    if (target === "RETURN") return chain === "PREROUTING" ? "passed" : "return";
    const inner = rawVerdict(chains, packet, target);
    if (inner !== "return") return inner;
  }
  return chain === "PREROUTING" ? "passed" : "return";
}

/**
 * The verdict of an nftables table's content (one base chain) on `packet`: the first rule whose
 * every match holds decides; none, the chain's policy (accept).
 * @example nftVerdict("chain prerouting {\n  type filter hook prerouting priority raw; policy accept;\n  ip daddr 10.0.0.1 tcp dport 80 drop\n}\n", packet)
 */
export function nftVerdict(content: string, packet: Packet): Verdict {
  const lines = content.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  if (lines[0] !== "chain prerouting {" || lines[1] !== "type filter hook prerouting priority raw; policy accept;" || lines.at(-1) !== "}") {
    throw new Error(`not a prerouting chain at the raw priority:\n${content}`);
  }
  for (const rule of lines.slice(2, -1)) {
    const m = /^ip daddr (\S+) tcp dport (\d+)(?: ip saddr (\S+))? (accept|drop)$/.exec(rule);
    if (m === null) throw new Error(`unmodelled rule: ${rule}`);
    if (packet.destination !== m[1] || packet.port !== Number(m[2]) || (m[3] !== undefined && packet.source !== m[3])) continue;
    return m[4] === "drop" ? "dropped" : "passed";
  }
  return "passed";
}
