/**
 * The codes of a fleet's deploy checks (colmena, deploy-rs: who logs in, where, how the system
 * is built) and of its secrets' recipients per host (issue 12). Spread into the registry
 * (`codes.ts`) after the others.
 */
import type { Severity } from "../model/diagnostic.ts";
import type { CodeInfo } from "./codes.ts";

// A local `code` (not codes.ts's): codes.ts imports this file, so using its value here would
// read it before it is initialised.
const code = (severity: Severity, summary: string): CodeInfo => ({ severity, summary });

export const DEPLOY_CODES = {
  // Deploying (validate/checks/deploy-fleet.ts)
  "deploy-user-untrusted": code("warning", "a non-root deploy user nix does not trust, with the system built locally: the target refuses the unsigned closure"),
  "deploy-user-no-sudo": code("warning", "a non-root deploy user the fleet declares without the wheel group: it cannot activate the system"),
  "deploy-cross-system": code("note", "a host of another system than most, built locally: the deploying machine needs emulation or a remote builder"),
  "deploy-target-duplicate": code("error", "two hosts deployed to one SSH destination (host and port)"),
  "deploy-reserved-name": code("error", "a host named defaults, meta or network in a colmena hive, which colmena reads as the hive's own settings"),
  "deployment-unused": code("note", "deployment settings on a host of a fleet that emits no deploy outputs"),
  // Secrets of a fleet (validate/checks/secret-recipients.ts)
  "secret-host-key-missing": code("error", "a host that decrypts secrets has no hostKey to encrypt them to"),
  "recipient-name-host": code("error", "a person's recipient name that is also a host's name"),
  "host-key-shared": code("warning", "a host key that is also a person's key or another host's"),
  "host-key-not-age": code("error", "under sops-nix, a host key that is not an age key (sops-nix cannot decrypt what sops encrypts to an SSH key)"),
} as const satisfies Record<string, CodeInfo>;
