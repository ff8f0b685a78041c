/**
 * Secret modes: a decrypted secret is read, never run, and never by everyone; its group reads
 * it only when the config names the group that needs it.
 */
import type { Secret } from "../../model/index.ts";
import type { CheckContext } from "../context.ts";

/** The mode's four octal digits: special (setuid, setgid, sticky), owner, group, others. */
function digits(mode: string): [number, number, number, number] {
  const [s, u, g, o] = mode.padStart(4, "0").split("").map(Number) as [number, number, number, number];
  return [s, u, g, o];
}

/**
 * The mode that keeps what a secret needs: the owner reads; the named group reads when the
 * mode let it.
 * @example saferMode({ mode: "0770", group: "media" }) // "0440"
 */
export function saferMode(s: Pick<Secret, "mode" | "group">): string {
  const [, , g] = digits(s.mode ?? "0400");
  return `04${s.group !== undefined && (g & 4) !== 0 ? 4 : 0}0`;
}

/**
 * What is too open about a mode: executable bits, bits for others, special bits.
 * @example tooOpen("0755") // ["executable bits", "read for others"]
 */
export function tooOpen(mode: string): string[] {
  const [s, u, g, o] = digits(mode);
  const out: string[] = [];
  if (s !== 0) out.push("setuid/setgid/sticky bits");
  if (((u | g | o) & 1) !== 0) out.push("executable bits");
  const others = [(o & 4) !== 0 ? "read" : "", (o & 2) !== 0 ? "write" : ""].filter((x) => x !== "");
  if (others.length > 0) out.push(`${others.join(" and ")} for others`);
  return out;
}

/**
 * A warning per secret (once per `secret()` call, at its first enabled use) whose mode is too
 * open (`secret-mode-too-open`), or lets the file's group in while no group is named: the
 * group is then the owner's primary group, or root's (`secret-group-readable`).
 */
export function checkSecretModes(ctx: CheckContext): void {
  const seen = new Set<Secret>();
  for (const u of ctx.facts.secrets) {
    const s = u.secret;
    if (!u.enabled || s.mode === undefined || seen.has(s)) continue;
    seen.add(s);
    const at = { ...u.at, site: s.site };
    const open = tooOpen(s.mode);
    const safer = saferMode(s);
    const fix = `use mode: "${safer}"`;
    if (open.length > 0) {
      // Only a mode that gave the named group read keeps it: "0730" for group media becomes "0400".
      const keeps = s.group !== undefined && safer === "0440" ? ` (its group ${s.group} keeps read)` : "";
      ctx.report.warning("secret-mode-too-open", at, `secret "${s.name}" has mode "${s.mode}": ${open.join(", ")}; a secret is read, never run, and never by everyone: ${fix}${keeps}`);
      continue;
    }
    const [, , g] = digits(s.mode);
    if (g !== 0 && s.group === undefined) {
      const whose = s.owner === undefined ? "root's group" : `the primary group of ${s.owner}`;
      ctx.report.warning("secret-group-readable", at, `secret "${s.name}" has mode "${s.mode}", which lets its group (${whose}, as no group is named) ${(g & 2) !== 0 ? "write" : "read"} it: use mode: "0400", or name the group that needs it (group: "…")`);
    }
  }
}
