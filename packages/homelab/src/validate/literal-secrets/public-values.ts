/** Public key material: never a secret, whatever key holds it. */

/** PEM private keys of every kind (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8, PGP). */
export const PEM_PRIVATE = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/;

/** Public key lines: OpenSSH public keys (also FIDO `sk-…@openssh.com`), age recipients. */
const PUBLIC_LINE = /^(?:(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp[0-9]+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+AAAA[A-Za-z0-9+/=]+(?:\s.*)?|age1[0-9a-z]{20,})$/;
const PUBLIC_PEM = /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK|SSH2 PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----/;

/**
 * Whether the whole value is public key material (every line a public key, or a certificate
 * or public-key PEM without a private key in it).
 * @example isPublicValue("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKb alice@laptop") // true
 */
export function isPublicValue(text: string): boolean {
  if (!/ssh-|ecdsa-|age1|-----BEGIN/.test(text)) return false;
  const t = text.trim();
  if (PUBLIC_PEM.test(t)) return !PEM_PRIVATE.test(t);
  const lines = t.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length > 0 && lines.every((l) => PUBLIC_LINE.test(l));
}
