import type { SourceSite } from "./site.ts";

/**
 * A literal the user declares public on purpose, with the reason: the literal-secret check
 * skips it. Written as its value. Greppable (`publicValue(`), never a global switch.
 */
export interface PublicValue {
  readonly kind: "publicValue";
  readonly value: string | number;
  /** Why it is not a secret, for the reader of the config. */
  readonly reason: string;
  readonly site: SourceSite;
}
