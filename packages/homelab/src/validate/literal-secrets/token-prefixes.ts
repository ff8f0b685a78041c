/**
 * Credentials recognisable by their shape alone, whatever key holds them: vendors prefix
 * their tokens so that scanners like this one find them. One row per format; `body` is the
 * part after the prefix, matched whole (a token character may not follow).
 */

export interface TokenFormat {
  /** Stable rule id (`github-token`). */
  readonly rule: string;
  /** What it is, for the message. */
  readonly label: string;
  /** The whole token; compiled with token-character boundaries on both sides. */
  readonly pattern: RegExp;
  /** Further check on the matched text (entropy, a decodable part). */
  readonly check?: (token: string) => boolean;
}

/** Letters and a digit: what a random token has and a word or a lower-case host name often lacks. */
const lettersAndDigits = (s: string): boolean => /[A-Za-z]/.test(s) && /[0-9]/.test(s);

/** A Discord bot token starts with the bot's user id (a 17–20 digit snowflake) in base64. */
function discordBot(token: string): boolean {
  const id = Buffer.from(token.split(".")[0]!, "base64url").toString("latin1");
  return /^[0-9]{17,20}$/.test(id);
}

export const TOKEN_FORMATS: readonly TokenFormat[] = [
  // GitHub: ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh; 36 base62
  { rule: "github-token", label: "a GitHub token (gh*_…)", pattern: /gh[pousr]_[A-Za-z0-9]{36,}/ },
  { rule: "github-token", label: "a GitHub fine-grained token (github_pat_…)", pattern: /github_pat_[A-Za-z0-9_]{40,}/ },
  // GitLab: personal/project/group access, runner, deploy tokens
  { rule: "gitlab-token", label: "a GitLab token (glpat-…)", pattern: /gl(?:pat|rt|dt|ptt)-[A-Za-z0-9_-]{20,}/ },
  // Slack: bot, user, app-level, refresh, legacy workspace tokens
  { rule: "slack-token", label: "a Slack token (xox*-…)", pattern: /xox[bpaors]-[A-Za-z0-9-]{10,}/, check: lettersAndDigits },
  { rule: "slack-token", label: "a Slack app token (xapp-…)", pattern: /xapp-[A-Za-z0-9-]{10,}/, check: lettersAndDigits },
  // Anthropic before OpenAI: both start with sk-
  { rule: "anthropic-key", label: "an Anthropic API key (sk-ant-…)", pattern: /sk-ant-[A-Za-z0-9_-]{32,}/ },
  // OpenAI (and the many APIs that copy its format): long enough and random-looking, so that
  // `sk-ssh-ed25519@openssh.com` or a host name `sk-…` is not one
  { rule: "openai-key", label: "an OpenAI-style API key (sk-…)", pattern: /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/, check: lettersAndDigits },
  // AWS: AKIA long-term and ASIA temporary access key ids (AIDA/AROA… are ids, not credentials)
  { rule: "aws-access-key", label: "an AWS access key id (AKIA…, ASIA…)", pattern: /(?:AKIA|ASIA)[A-Z0-9]{16}/ },
  // Stripe secret and restricted keys, live and test (test keys still open the account's test data);
  // pk_ publishable keys are public
  { rule: "stripe-key", label: "a Stripe secret key (sk_live_…, rk_live_…)", pattern: /(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/ },
  { rule: "stripe-key", label: "a Stripe webhook secret (whsec_…)", pattern: /whsec_[A-Za-z0-9]{24,}/ },
  // Google API keys: AIza + 35
  { rule: "google-api-key", label: "a Google API key (AIza…)", pattern: /AIza[0-9A-Za-z_-]{35}/ },
  { rule: "google-oauth-secret", label: "a Google OAuth client secret (GOCSPX-…)", pattern: /GOCSPX-[A-Za-z0-9_-]{24,}/ },
  // npm automation/publish tokens
  { rule: "npm-token", label: "an npm token (npm_…)", pattern: /npm_[A-Za-z0-9]{36}/ },
  // Hugging Face user access tokens: random mixed case (a word after hf_ is not one)
  { rule: "huggingface-token", label: "a Hugging Face token (hf_…)", pattern: /hf_[A-Za-z0-9]{30,}/, check: (t) => /[A-Z]/.test(t) && /[a-z]/.test(t.slice(3)) },
  // Telegram bot token: bot id, colon, 35 characters
  { rule: "telegram-bot-token", label: "a Telegram bot token", pattern: /[0-9]{8,10}:[A-Za-z0-9_-]{35}/ },
  // Discord bot token: base64 user id . timestamp . HMAC
  { rule: "discord-bot-token", label: "a Discord bot token", pattern: /[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/, check: discordBot },
  // SendGrid API keys
  { rule: "sendgrid-key", label: "a SendGrid API key (SG.…)", pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/ },
  // DigitalOcean personal, OAuth and refresh tokens
  { rule: "digitalocean-token", label: "a DigitalOcean token (dop_v1_…)", pattern: /do[opr]_v1_[a-f0-9]{64}/ },
  // Tailscale auth keys and API tokens (tskey-auth-…, tskey-api-…)
  { rule: "tailscale-key", label: "a Tailscale key (tskey-…)", pattern: /tskey-[a-z]+-[A-Za-z0-9]+-[A-Za-z0-9]{10,}/ },
  // HashiCorp Vault service, batch and recovery tokens
  { rule: "vault-token", label: "a HashiCorp Vault token (hvs.…)", pattern: /hv[sbr]\.[A-Za-z0-9_-]{24,}/ },
  // PyPI upload tokens (a macaroon for pypi.org)
  { rule: "pypi-token", label: "a PyPI token (pypi-…)", pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/ },
  // Docker Hub personal access tokens
  { rule: "dockerhub-token", label: "a Docker Hub token (dckr_pat_…)", pattern: /dckr_pat_[A-Za-z0-9_-]{20,}/ },
  // Grafana service-account and cloud tokens
  { rule: "grafana-token", label: "a Grafana token (glsa_…)", pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}/ },
  { rule: "grafana-token", label: "a Grafana Cloud token (glc_…)", pattern: /glc_[A-Za-z0-9+/]{32,}={0,2}/ },
  // Shopify access tokens and shared secrets
  { rule: "shopify-token", label: "a Shopify token (shpat_…)", pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/ },
  // 1Password service-account tokens
  { rule: "onepassword-token", label: "a 1Password service-account token (ops_…)", pattern: /ops_eyJ[A-Za-z0-9+/=_-]{40,}/ },
  // Linear API keys
  { rule: "linear-key", label: "a Linear API key (lin_api_…)", pattern: /lin_api_[A-Za-z0-9]{40}/ },
  // age identities (the private half; `age1…` recipients are public)
  { rule: "age-secret-key", label: "an age secret key (AGE-SECRET-KEY-1…)", pattern: /AGE-SECRET-KEY-1[0-9A-Z]{58}/ },
];

/** A token character on either side means the match is part of something longer. */
const BEFORE = "(?<![A-Za-z0-9_+/-])";
const AFTER = "(?![A-Za-z0-9_])";

/** No format matches fewer characters (Slack's `xoxb-` and ten more): shorter values skip the table. */
const SHORTEST = 15;

const COMPILED = TOKEN_FORMATS.map((f) => ({ format: f, re: new RegExp(BEFORE + f.pattern.source + AFTER, "g") }));
/** All formats in one pass: most values match none, and skip the table. */
const ANY = new RegExp(COMPILED.map(({ re }) => `(?:${re.source})`).join("|"));

/**
 * The first well-known token format found anywhere in `text`.
 * @example tokenFormatIn("GITHUB=ghp_" + "a1B2".repeat(9))?.rule // "github-token"
 */
export function tokenFormatIn(text: string): TokenFormat | undefined {
  if (text.length < SHORTEST || !ANY.test(text)) return undefined;
  for (const { format, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (format.check === undefined || format.check(m[0])) return format;
    }
  }
  return undefined;
}
