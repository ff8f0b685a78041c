/**
 * What a diagnostic is about, for grouping a report (the homelab itself, a container, a
 * service, a secret, a proxy) — or, for a builder's input error, the call itself.
 */

/** A part of the model, or a builder call whose input was rejected. */
export type Subject =
  | { readonly kind: "homelab" }
  | { readonly kind: "host"; readonly name: string }
  | { readonly kind: "container" | "service" | "secret" | "proxy"; readonly name: string }
  | {
      readonly kind: "call";
      /** The builder: `container`, `secret`, `homelab` … */
      readonly builder: string;
      /** How the call is named: `container("immich")`, `homelab({…})`. */
      readonly label: string;
      /** The name argument, when the builder takes one. */
      readonly name?: string;
    };

/**
 * The group heading of a subject: `container immich`, `homelab`. A call groups with the part it
 * makes (`container("immich")` under `container immich`).
 * @example subjectGroup({ kind: "container", name: "immich" }) // "container immich"
 */
export function subjectGroup(subject: Subject): string {
  switch (subject.kind) {
    case "homelab":
      return "homelab";
    case "call":
      return subject.name === undefined ? subject.builder : `${subject.builder} ${subject.name}`;
    default:
      return `${subject.kind} ${subject.name}`;
  }
}
