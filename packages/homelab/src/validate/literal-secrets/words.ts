/**
 * The word lists the key-name rules read. Every list is data: adding a word is a one-line,
 * reviewable change. Words are lower case; keys are split into words first (`tokenize.ts`).
 */

/**
 * Words that name a secret on their own, and are long and specific enough to be found glued
 * after any prefix (`ADMINPASSWORD`, `nextcloudpassword`, `refreshtoken`). Never glued before
 * an unknown rest (`tokenizer`, `secretary`, `passwordless` stay harmless).
 */
export const STRONG_SECRET_WORDS: ReadonlySet<string> = new Set([
  "password", "passwords", "passwd", "passphrase", "passcode",
  "secret", "secrets",
  "token", "tokens",
  "credential", "credentials",
  // one-word spellings of API key / private key (`APIKEY`, `apikey`, `privatekey`)
  "apikey", "apikeys", "privatekey",
  // redis `masterauth` / NixOS `services.redis.servers.<n>.masterAuth`: the primary's password
  "masterauth",
]);

/**
 * Short words that name a secret only as a whole word (`SMTP_PASS`, `DB_PW`, `GITHUB_PAT`,
 * `JWT`) or glued right after a known word (`dbpass`, `rootpw`, `jwtsecret`): glued after an
 * unknown prefix they are the tail of another word (`bypass`, `compass`, `spatula`, `basalt`).
 */
export const WEAK_SECRET_WORDS: ReadonlySet<string> = new Set([
  "pass", "pw", "pwd", // password abbreviations
  "pat", // personal access token (GITHUB_PAT, GITLAB_PAT)
  "jwt", // a signed token, or the key that signs them
  "bearer", // a bearer token
  "psk", // WPA/WireGuard pre-shared key (networking.wireless.networks.<ssid>.psk)
  "salt", // app salts (WordPress AUTH_SALT) sign sessions: a secret
  "creds", // podman --creds user:pass, CREDS
]);

/**
 * Before a separate `pass`, a word that makes it the verb "pass on": nginx `proxy_pass`,
 * `fastcgi_pass`, `uwsgi_pass`, `grpc_pass`, `scgi_pass`, `memcached_pass`, NixOS `proxyPass`.
 */
export const PASS_VERB_BEFORE: ReadonlySet<string> = new Set(["proxy", "fastcgi", "uwsgi", "grpc", "scgi", "memcached"]);

/** `key`/`keys` say secret only after one of these (`API_KEY`, `privateKey`, `SESSION_KEY`). */
export const KEY_WORDS: ReadonlySet<string> = new Set(["key", "keys"]);

/**
 * What makes a key a secret key. Not here on purpose: `primary`, `cache`, `sort`, `partition`,
 * `routing`, `foreign`, `ssh` (an SSH key option holds a path or a public key; a pasted private
 * key is caught by its PEM shape), `public` and `pub` (see NEGATING_WORDS).
 */
export const KEY_MODIFIERS: ReadonlySet<string> = new Set([
  "api", "private", "secret", "access", "encryption", "encrypt", "enc", "decryption", "signing", "sign",
  "license", "licence", "auth", "master", "session", "hmac", "client", "app", "application", "preshared",
  "shared", "cookie", "jwt", "webhook", "bot", "account", "storage", "rpc", "admin", "csrf", "xsrf", "totp",
  "otp", "macaroon", "crypto", "cipher", "aes", "recovery", "restic", "borg",
]);

/** Next to a secret word, the value is a hash of it (`hashedPassword`, `password_hash`): a warning. */
export const HASH_WORDS: ReadonlySet<string> = new Set(["hash", "hashed", "hashes", "digest", "crypt", "crypted", "bcrypt"]);

/**
 * As the last word, the value points at a secret instead of holding it: a file or directory
 * (`passwordFile`, `DB_PASSWORD_FILE`, `tokenPath`), a name or reference in a secret store
 * (`secretName`, `secretRef`, `SECRET_ARN`), a command that prints it (`passCommand`,
 * `passwordeval`), an environment variable name (`PASSWORD_ENV`), stdin (`--password-stdin`),
 * a lookup table (postfix `smtp_sasl_password_maps`).
 */
export const REFERENCE_LAST_WORDS: ReadonlySet<string> = new Set([
  "file", "files", "path", "paths", "dir", "dirs", "directory", "folder", "location",
  "name", "names", "ref", "refs", "reference", "arn", "env", "var", "variable",
  "command", "cmd", "eval", "exec", "script", "program", "stdin", "fd", "map", "maps", "source", "src",
]);

/**
 * As the first word, the key loads or names a secret kept elsewhere: systemd
 * `LoadCredential=id:path` / `ImportCredential=`, Helm-style `existingSecret`.
 */
export const REFERENCE_FIRST_WORDS: ReadonlySet<string> = new Set(["load", "import", "existing"]);

/**
 * After the last secret word, a property of the secret rather than the secret
 * (`TOKEN_URL`, `tokenExpiry`, `passwordMinLength`, `password_policy`, `SECRET_USER`,
 * `API_KEY_HEADER`, `PASSWORD_RESET_ENABLED`, `JWT_ALGORITHM`, `git credential.helper`).
 */
export const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  "enabled", "enable", "disabled", "disable", "required", "optional", "allowed",
  "length", "len", "size", "bits", "count", "rounds", "cost", "strength", "complexity", "score",
  "url", "urls", "uri", "endpoint", "host", "hostname", "port", "server", "domain",
  "user", "username", "login", "email", "owner", "group",
  "ttl", "expiry", "expires", "expire", "expiration", "lifetime", "timeout", "age", "validity", "interval",
  "duration", "period", "rotation", "refresh",
  "type", "kind", "id", "ids", "header", "mode", "policy", "policies", "reset", "method", "methods",
  "algorithm", "algorithms", "algo", "alg", "format", "encoding", "charset", "prefix", "hint", "label",
  "field", "version", "issuer", "audience", "scope", "scopes", "claim", "claims", "authentication",
  "auth", "provider", "helper", "backend", "manager", "store", "storage", "cache", "mapping",
  // how a password is checked, hashed and shown (`PASSWORD_HASHER`, `password_iterations`, `TOKEN_PROMPT`)
  "hasher", "hashing", "scheme", "schemes", "strategy", "iterations", "iteration", "pattern", "regex", "characters",
  "alphabet", "requirements", "requirement", "rules", "rule", "history", "reuse", "attempts", "retries", "lockout",
  "entropy", "quality", "prompt", "message", "placeholder", "title", "description", "help", "link", "page", "input",
]);

/** Anywhere in the key, a count or a bound, not a secret (`max_tokens`, `minPasswordLength`). */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set(["max", "min", "maximum", "minimum", "num", "number", "limit", "total"]);

/** Anywhere in the key, the value is meant to be seen (`publicKey`, `PUBLIC_KEY`, Stripe `publishable_key`). */
export const NEGATING_WORDS: ReadonlySet<string> = new Set(["public", "pub", "publishable"]);

/**
 * As the first word, a switch about a secret, not the secret (`--ask-password`,
 * `--no-password`, `allowEmptyPassword`, `PermitEmptyPasswords`, `--with-token`). Not
 * `require`: redis' `requirepass` holds the password.
 */
export const SWITCH_FIRST_WORDS: ReadonlySet<string> = new Set([
  "no", "ask", "prompt", "allow", "show", "hide", "use", "with", "without", "skip", "generate", "random",
  "is", "has", "should", "can", "permit", "empty", "insecure", "ignore", "verify", "check", "validate",
]);

/**
 * Attribute sets whose members are secrets under names that say nothing (`passwords.alice`,
 * `secrets.session`, nginx `basicAuth.<user>` — NixOS writes that password in plain text).
 * Matched on the parent's words joined (`basicAuth`, `basic_auth`, `basicauth`).
 */
export const SECRET_CONTAINERS: ReadonlySet<string> = new Set(["secrets", "passwords", "tokens", "credentials", "basicauth"]);

/** Under a secret container, members that describe the account, not the secret (prometheus `basic_auth.username`). */
export const IDENTITY_WORDS: ReadonlySet<string> = new Set([
  "user", "username", "login", "email", "realm", "name", "type", "kind", "mode", "owner", "group", "enable",
  "enabled", "description", "issuer", "audience", "format",
]);

/**
 * Other words the splitter knows, so that glued keys split at the right place
 * (`ADMINPASSWORD` = admin+password, `PGPASSFILE` = pg+pass+file, `requirepass`). A word
 * here never makes a key secret; it only lets a weak word after it count. Not here on
 * purpose: `by`, `com`, `sur`, `over`, `tres`, `mon`, `tur`, `ba` (`bypass`, `compass`,
 * `surpass`, `monkey`, `turkey`, `basalt`).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  "admin", "root", "db", "database", "pg", "postgres", "postgresql", "mysql", "mariadb", "mongo", "mongodb", "redis",
  "ldap", "smtp", "mail", "imap", "sasl", "rpc", "web", "ui", "webui", "initial", "default", "old", "new", "current",
  "master", "require", "bind", "service", "system", "registry", "proxy", "http", "https", "ssh", "oauth", "oidc",
  "sso", "github", "gitlab", "gitea", "forgejo", "slack", "discord", "telegram", "matrix", "wifi", "wpa", "vpn",
  "wg", "wireguard", "tunnel", "runner", "registration", "bootstrap", "internal", "static", "turn", "form", "as",
  "hs", "lldap", "jellyfin", "grafana", "gf", "user", "users", "my", "app", "api", "access", "refresh", "id", "csrf",
  "keyboard", "board", "store", "base", "raw", "key", "keys", "basic", "digest", "aws", "s3", "minio", "rclone", "oc",
  "dns", "ddns", "cf", "cloudflare", "ts", "tailscale", "headscale", "cluster", "node", "agent", "join", "vault",
  "fastcgi", "uwsgi", "grpc", "scgi", "memcached",
  "passwordless", "passport", "passive", "passage", "passenger", "tokenizer", "secretary", "saltstack", "keystone",
  "keycloak", "keyring", "keychain", "keystore", "keymap", "keyserver", "keyword", "keywords", "hotkey", "monkey",
]);
