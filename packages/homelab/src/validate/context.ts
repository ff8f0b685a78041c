/**
 * What every check of one host reads: the homelab, the host, its facts (computed once, shared
 * with render) and the reporter.
 */
import type { HostFacts } from "../facts/host-facts.ts";
import type { Homelab, Host } from "../model/index.ts";
import { Reporter } from "./report.ts";

export interface CheckContext {
  readonly lab: Homelab;
  readonly host: Host;
  readonly facts: HostFacts;
  readonly report: Reporter;
}

/** A check of one host. */
export type HostCheck = (ctx: CheckContext) => void;

export { Reporter };
export { atContainer as at, atService, atProxy, atHomelab } from "../facts/located.ts";
