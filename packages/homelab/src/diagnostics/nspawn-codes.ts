/**
 * The codes of the nspawn checks added with typed nspawn options (issue 11): addresses that
 * overlap known networks, disabled containers that would clash, long names, isolation, and
 * options given untyped. Spread into the registry (`codes.ts`) after the core's others.
 */
import type { Severity } from "../model/diagnostic.ts";
import type { CodeInfo } from "./codes.ts";

// A local `code` (not codes.ts's): codes.ts imports this file, so using its value here would
// read it before it is initialised.
const code = (severity: Severity, summary: string): CodeInfo => ({ severity, summary });

export const NSPAWN_CODES = {
  "address-overlap": code("warning", "an explicit container address outside the pool, inside another network the host has (Podman's)"),
  "disabled-would-conflict": code("note", "a disabled container (not checked) whose address or port would clash with an enabled part if it were enabled"),
  "container-name-long": code("warning", "a private-network container name over 12 characters: ve-<name> gets a shortened kernel name"),
  "isolation-inconsistent": code("note", "some private-network NixOS containers have privateUsers and some do not"),
  "nspawn-option-untyped": code("note", "an nspawn option passed through extraOptions that has a typed form"),
} as const satisfies Record<string, CodeInfo>;
