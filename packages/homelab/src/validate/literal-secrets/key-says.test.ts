import { describe, expect, test } from "vitest";
import { keySays, readKey } from "./key-says.ts";

describe("keySays: secret, in any case and style", () => {
  test.each([
    "dbPassword", "db_password", "DB-PASSWORD", "ADMINPASSWORD", "adminpassword", "SESSION_KEY", "SECRET_KEY_BASE", "JWT",
    "jwt_secret", "GITHUB_PAT", "APP_SECRET", "GITLAB_TOKEN", "API_KEY", "apiKey", "x-api-key", "X-Api-Key", "clientSecret",
    "client_secret", "privateKey", "passphrase", "credentials", "auth_token", "bearer", "webhook_secret", "SMTP_PASS",
    "MYSQL_ROOT_PASSWORD", "password", "initialPassword", "requirePass", "masterAuth", "psk", "pskRaw", "presharedKey",
    "PGPASSWORD", "olcRootPW", "adminpass", "TS_AUTHKEY", "static-auth-secret", "rpc-password", "PASS_PHRASE", "SetCredential",
    "spring.datasource.password", "AUTH_SALT", "API_KEYS", "creds", "PASSWORD_RESET_TOKEN", "REFRESH_TOKEN", "db-pass",
  ])("%s", (key) => {
    expect(keySays(key)).toBe("secret");
  });
});

describe("keySays: a hash of a secret", () => {
  test.each(["hashedPassword", "initialHashedPassword", "password_hash", "PASSWORD_HASH", "ADMIN_TOKEN_HASH", "password_digest"])("%s", (key) => {
    expect(keySays(key)).toBe("secret-hash");
  });

  test("a salt is a secret, not a hash", () => {
    expect(keySays("HASH_SALT")).toBe("secret");
  });
});

describe("keySays: a reference to a secret", () => {
  test.each([
    "DB_PASSWORD_FILE", "passwordFile", "tokenPath", "PRIVATE_KEY_PATH", "SECRETS_DIR", "secretName", "secretRef", "existingSecret",
    "LoadCredential", "ImportCredential", "passCommand", "passwordeval", "PASSWORD_ENV", "password-stdin", "smtp_sasl_password_maps",
    "hashedPasswordFile", "credentialsFile", "GF_SECURITY_ADMIN_PASSWORD__FILE", "FILE__MYSQL_PASSWORD", "PGPASSFILE", "adminpassFile",
  ])("%s", (key) => {
    expect(keySays(key)).toBe("reference");
  });
});

describe("keySays: neutral", () => {
  test.each([
    // merely contains the letters
    "KEYBOARD", "PASSTHROUGH", "bypass", "compass", "keyboardLayout", "monkey", "turkey", "tokenizer", "hotkey", "passport",
    "passwordless", "secretary",
    // key without a key modifier
    "SSH_KEY_TYPE", "CACHE_KEY", "PRIMARY_KEY", "primaryKey", "keyId", "KEY", "sort_key", "routing_key",
    // public
    "publicKey", "PUBLIC_KEY", "pubkey", "publishable_key",
    // a property of a secret
    "TOKEN_URL", "token_endpoint", "tokenExpiry", "TOKEN_TTL", "passwordMinLength", "minPasswordLength", "password_policy",
    "password_reset", "SECRET_USER", "PASSWORD_RESET_ENABLED", "JWT_ALGORITHM", "JWT_EXPIRES_IN", "API_KEY_HEADER", "max_tokens",
    "PASSWORD_HASH_ALGORITHM", "credential.helper", "PasswordAuthentication", "PASSWORD_HASHER", "password_iterations",
    "TOKEN_PROMPT", "password_requirements",
    // switches
    "PermitEmptyPasswords", "allowEmptyPassword", "no-password", "ask-password", "with-token",
    // no secret word
    "auth_method", "authorization_endpoint", "hostname", "TZ", "PUID", "proxy_pass", "proxyPass", "fastcgi_pass", "sha256",
  ])("%s", (key) => {
    expect(keySays(key)).toBe("neutral");
  });
});

describe("readKey", () => {
  test("says which word made the key secret", () => {
    expect(readKey("MYSQL_ROOT_PASSWORD")).toEqual({ says: "secret", word: "password" });
    expect(readKey("masterAuth")).toEqual({ says: "secret", word: "masterauth" });
    expect(readKey("apiKey")).toEqual({ says: "secret", word: "apikey" });
  });

  test("tells a property of a secret from a key without any secret word", () => {
    expect(readKey("TOKEN_TTL")).toEqual({ says: "qualified" });
    expect(readKey("hostname")).toEqual({ says: "plain" });
  });

  test("the cache of readings is bounded and changes no answer", () => {
    for (let i = 0; i < 10_050; i++) readKey(`K${i}`);
    expect(readKey("DB_PASSWORD")).toEqual({ says: "secret", word: "password" });
    expect(readKey("DB_PASSWORD")).toEqual({ says: "secret", word: "password" });
  });

  test("only the last dotted level counts (earlier levels are user-chosen names)", () => {
    expect(readKey("traefik.http.routers.token-app.rule")).toEqual({ says: "plain" });
    expect(readKey("traefik.http.middlewares.m.headers.customrequestheaders.X-Api-Key")).toEqual({ says: "secret", word: "apikey" });
  });
});
