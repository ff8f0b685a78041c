import { createHash } from "node:crypto";

/**
 * Lower-case hex SHA-256 of a file's bytes, as the manifest records it.
 * @example sha256(Buffer.from("")) // "e3b0c442…b855"
 */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
