/**
 * OCI image references: `[registry[:port]/]path[:tag][@sha256:digest]`. Parsed once by the
 * `container()` schema (a tag or digest is required) and by the `image-tag` check.
 */

export interface ImageRef {
  /** Everything before the tag/digest: `lscr.io/linuxserver/sonarr`. */
  readonly name: string;
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/**
 * Parses an image reference; `undefined` when it is malformed.
 * @example parseImage("lscr.io/linuxserver/sonarr:4.0.9") // { name: "lscr.io/linuxserver/sonarr", tag: "4.0.9" }
 * @example parseImage("localhost:5000/app") // { name: "localhost:5000/app" } (no tag)
 */
export function parseImage(text: string): ImageRef | undefined {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  // A colon after the last slash is the tag; one before it belongs to a registry port.
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split("/");
  if (parts.length > 1 && (parts[0]!.includes(".") || parts[0]!.includes(":") || parts[0] === "localhost")) {
    if (!REGISTRY.test(parts.shift()!)) return undefined;
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) return undefined;
  return { name: rest, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** True when the image is pinned: a tag other than `latest`, or a digest. */
export function isPinnedImage(ref: ImageRef): boolean {
  return ref.digest !== undefined || (ref.tag !== undefined && ref.tag !== "latest");
}
