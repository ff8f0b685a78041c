/**
 * nspawn options passed through `extraOptions` that have a typed form (`allowedDevices`,
 * `enableTun` …): they still work, but the checks do not read them there. A note suggests the
 * typed option only where the value given is one the typed option accepts.
 */
import { NSPAWN_RUNTIME_OPTIONS } from "../../model/nspawn.ts";
import { nspawnRuntimeShape } from "../../schema/nspawn-runtime.ts";
import { at, type CheckContext } from "../context.ts";

export function checkUntypedNspawnOptions(ctx: CheckContext): void {
  for (const c of ctx.facts.enabled) {
    if (c.backend !== "nspawn") continue;
    for (const key of NSPAWN_RUNTIME_OPTIONS) {
      if (!Object.hasOwn(c.extraOptions, key)) continue;
      const value = c.extraOptions[key];
      if (!nspawnRuntimeShape[key].safeParse(value).success) continue;
      ctx.report.note(
        "nspawn-option-untyped",
        at(c, "extraOptions", key),
        `${key} has a typed option: write container("${c.name}", { ${key}: ${JSON.stringify(value)} }) instead of extraOptions, so the checks see it`,
      );
    }
  }
}
