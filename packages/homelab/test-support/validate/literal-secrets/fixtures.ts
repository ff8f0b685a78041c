/**
 * Fake credentials in the real formats, built at run time so that no token-shaped string
 * sits in the repository (secret scanners would flag it). Deterministic: same bytes every run.
 */

const ALNUM = "aB3cD5eF7gH9iJ1kL2mN4oP6qR8sT0uVwXyZ";

/** `length` characters cycling through `alphabet`, starting at `offset`. */
export function filler(length: number, alphabet = ALNUM, offset = 0): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[(i * 7 + offset) % alphabet.length]!;
  return out;
}

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const HEX = "0123456789abcdef";
const UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export const FAKE = {
  jwt: `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1234567890","name":"homelab"}')}.${filler(43)}`,
  githubPat: `gh${"p"}_${filler(36)}`,
  githubOauth: `gh${"o"}_${filler(36, ALNUM, 1)}`,
  githubUser: `gh${"u"}_${filler(36, ALNUM, 2)}`,
  githubServer: `gh${"s"}_${filler(36, ALNUM, 3)}`,
  githubRefresh: `gh${"r"}_${filler(36, ALNUM, 4)}`,
  githubFineGrained: `github${"_pat_"}${filler(22)}_${filler(59, ALNUM, 5)}`,
  gitlab: `gl${"pat"}-${filler(20)}`,
  slackBot: `xo${"xb"}-123456789012-1234567890123-${filler(24)}`,
  slackUser: `xo${"xp"}-123456789012-1234567890123-${filler(32)}`,
  slackLegacy: `xo${"xa"}-2-123456789012-${filler(20)}`,
  slackApp: `xa${"pp"}-1-A0123456789-1234567890123-${filler(32, HEX)}`,
  openaiLegacy: `s${"k"}-${filler(20)}T3BlbkFJ${filler(20, ALNUM, 3)}`,
  openaiProject: `s${"k"}-proj-${filler(100, ALNUM + "_-")}`,
  anthropic: `s${"k"}-ant-api03-${filler(93, ALNUM + "_-")}AA`,
  awsAccessKey: `AK${"IA"}${filler(16, UPPER_DIGITS)}`,
  awsTemporaryKey: `AS${"IA"}${filler(16, UPPER_DIGITS, 5)}`,
  stripeLive: `s${"k"}_live_${filler(24)}`,
  stripeRestricted: `r${"k"}_live_${filler(24, ALNUM, 2)}`,
  stripeWebhook: `wh${"sec"}_${filler(32)}`,
  google: `AI${"za"}Sy${filler(33, ALNUM + "_-")}`,
  googleOauth: `GOC${"SPX"}-${filler(28)}`,
  discordBot: `${Buffer.from("123456789012345678").toString("base64url")}.GaBcDe.${filler(38, ALNUM + "_-")}`,
  npm: `n${"pm"}_${filler(36)}`,
  huggingFace: `h${"f"}_${filler(34, "aBcDeFgHiJkLmNoPqRsTuVwXyZ")}`,
  telegram: `1234567890:AA${filler(33, ALNUM + "_-")}`,
  sendgrid: `S${"G"}.${filler(22)}.${filler(43, ALNUM, 4)}`,
  digitalOcean: `do${"p"}_v1_${filler(64, HEX)}`,
  tailscale: `ts${"key"}-auth-k${filler(12)}CNTRL-${filler(33)}`,
  vault: `hv${"s"}.CAESI${filler(90, ALNUM + "_-")}`,
  dockerHub: `dck${"r_pat"}_${filler(27, ALNUM + "_-")}`,
  ageIdentity: `AGE-${"SECRET"}-KEY-1${filler(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")}`,
  ageRecipient: `age1${filler(58, "qpzry9x8gf2tvdw0s3jn54khce6mua7l")}`,
  slackWebhook: `https://hooks.slack.com/services/T${filler(8, UPPER_DIGITS)}/B${filler(10, UPPER_DIGITS)}/${filler(24)}`,
  discordWebhook: `https://discord.com/api/webhooks/123456789012345678/${filler(68, ALNUM + "_-")}`,
  rsaKey: `-----BEGIN RSA ${"PRIVATE"} KEY-----\nMIIEow${filler(60)}\n-----END RSA PRIVATE KEY-----\n`,
  opensshKey: `-----BEGIN OPENSSH ${"PRIVATE"} KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${filler(40)}\n-----END OPENSSH PRIVATE KEY-----`,
  pkcs8Key: `-----BEGIN ${"PRIVATE"} KEY-----\nMIIEvg${filler(60)}\n-----END PRIVATE KEY-----`,
  ecKey: `-----BEGIN EC ${"PRIVATE"} KEY-----\nMHcCAQEE${filler(60)}\n-----END EC PRIVATE KEY-----`,
  pgpKey: `-----BEGIN PGP ${"PRIVATE"} KEY BLOCK-----\n\nlQOYBF${filler(60)}\n-----END PGP PRIVATE KEY BLOCK-----`,
  certificate: `-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE${filler(60)}\n-----END CERTIFICATE-----`,
  wireguardKey: `${filler(42, ALNUM + "+/")}E=`,
  sshEd25519: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${filler(43)} alice@laptop`,
  sshRsa: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${filler(300, ALNUM + "+/")} bob@desktop`,
  sshFido: `sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t${filler(60)} carol@yubikey`,
  /** crypt(3) hashes: SHA-512, yescrypt, bcrypt, Apache MD5, argon2id, scrypt (mosquitto), Authelia pbkdf2 */
  sha512crypt: `$6$${filler(16)}$${filler(86, ALNUM + "./")}`,
  yescrypt: `$y$j9T$${filler(22, ALNUM + "./")}$${filler(43, ALNUM + "./")}`,
  bcrypt: `$2b$12$${filler(53, ALNUM + "./")}`,
  bcrypt2a: `$2a$14$${filler(53, ALNUM + "./", 3)}`,
  apr1: `$apr1$${filler(8)}$${filler(22, ALNUM + "./")}`,
  argon2id: `$argon2id$v=19$m=65536,t=3,p=4$${filler(22)}$${filler(43)}`,
  mosquittoHash: `$7$101$${filler(16)}$${filler(86, ALNUM + "+/")}==`,
  pbkdf2: `$pbkdf2-sha512$310000$${filler(22)}$${filler(86)}`,
  ssha: `{SSHA}${filler(32, ALNUM + "+/")}`,
  django: `pbkdf2_sha256$600000$${filler(22)}$${filler(44, ALNUM + "+/")}`,
  sha256Hex: filler(64, HEX),
  sriHash: `sha256-${filler(43, ALNUM + "+/")}=`,
  gitRev: filler(40, HEX, 3),
  uuid: "550e8400-e29b-41d4-a716-446655440000",
} as const;

/** `user:password` in base64, as HTTP basic auth sends it. */
export const basicAuth = (userPassword: string) => Buffer.from(userPassword).toString("base64");
