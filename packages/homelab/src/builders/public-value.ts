import type { PublicValue } from "../model/index.ts";
import { z } from "../schema/zod.ts";
import { captureSite } from "../site/capture.ts";
import { guarded } from "./collect.ts";
import { branded } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

const value = z.union([z.string(), z.number()], { error: "expected the literal: a string or a number" });
const reason = z
  .string({ error: "expected why the value is public, in words" })
  .regex(/\S.{5,}/s, { error: "expected why the value is public, in a few words (at least 6 characters)" });

/**
 * A literal that looks like a secret but is public on purpose (a demo token, a hash meant to be
 * published): the literal-secret check skips it, and it is written as its value. The reason is
 * required, so every exception is visible and searchable in the config; there is no global
 * switch. Use it in a `config`, a Podman container's `environment` or `labels`, or its `cmd`.
 *
 * @example environment: { DEMO_API_KEY: publicValue("demo-0000", "the vendor's published demo key") }
 * @example config: { services: { x: { settings: { token: publicValue("public-read", "a read-only token the app shows to visitors") } } } }
 */
export function publicValue(literal: string | number, why: string): PublicValue {
  const site = captureSite(publicValue);
  return guarded("publicValue", () => ({ value: "", reason: "", site }), () => {
    const call = { label: callLabel("publicValue"), site };
    parseInput(value, literal, call, undefined, argumentProblems(reason, why, "reason"));
    return branded("publicValue", { kind: "publicValue", value: literal, reason: why, site } satisfies PublicValue);
  });
}
