import { describe, expect, test } from "vitest";
import { basicAuth, FAKE, filler } from "../../../test-support/validate/literal-secrets/fixtures.ts";
import { isPublicValue } from "./public-values.ts";
import { TOKEN_FORMATS, tokenFormatIn } from "./token-prefixes.ts";
import { credentialIn, hashIn } from "./value-shapes.ts";

describe("credentialIn", () => {
  test.each([
    ["postgres://app:hunter2@db/app", "url-credentials"],
    ["redis://:hunter2@redis:6379", "url-credentials"],
    ["see https://u:p@example.org/x for details", "url-credentials"],
    [FAKE.jwt, "jwt"],
    [`token: ${FAKE.jwt}`, "jwt"],
    [FAKE.rsaKey, "pem-private-key"],
    [FAKE.opensshKey, "pem-private-key"],
    [FAKE.slackWebhook, "webhook-url"],
    [FAKE.discordWebhook, "webhook-url"],
    ["Authorization: Bearer abc123def456", "bearer-token"],
    [`Bearer ${filler(30, "abcdefghij")}`, "bearer-token"],
    [`Basic ${basicAuth("admin:hunter2")}`, "basic-auth"],
    [FAKE.githubPat, "github-token"],
  ])("%s → %s", (text, rule) => {
    expect(credentialIn(text)?.rule).toBe(rule);
  });

  test.each([
    ["postgres://app@db/app", "a user, no password"],
    ["postgres://app:@db/app", "an empty password"],
    ["postgres://app:${DB_PASSWORD}@db/app", "a placeholder password"],
    ["postgres://app:$PGPASS@db/app", "a variable password"],
    ["https://example.org/a:b@c", "an @ in the path, not the authority"],
    ["eyJhbGciOiJIUzI1NiJ9", "a JWT header alone"],
    [`${Buffer.from('{"typ":"x"}').toString("base64url")}.${filler(20)}.${filler(20)}`, "three parts, header without alg"],
    ["Bearer authentication", "prose"],
    ["Bearer tokens", "prose"],
    ['Basic realm="homelab"', "a WWW-Authenticate challenge"],
    [`Basic ${Buffer.from("no colon here").toString("base64")}`, "base64 without user:password"],
    [FAKE.certificate, "a certificate"],
    ["-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----", "a public key PEM"],
  ])("%s: nothing (%s)", (text) => {
    expect(credentialIn(text)).toBeUndefined();
  });

  test("the description never contains the password", () => {
    expect(credentialIn("postgres://app:hunter2@db/app")?.what).toBe("a URL with a password (postgres://user:…@)");
    expect(credentialIn("redis://:hunter2@db")?.what).toBe("a URL with a password (redis://:…@)");
  });
});

describe("tokenFormatIn", () => {
  const MORE = {
    shopify: `shp${"at"}_${filler(32, "0123456789abcdef")}`,
    onePassword: `ops_${"eyJ"}${filler(60)}`,
    linear: `lin_${"api"}_${filler(40)}`,
    grafana: `gl${"sa"}_${filler(32)}_${filler(8, "0123456789abcdef")}`,
    grafanaCloud: `gl${"c"}_${filler(48)}`,
    pypi: `pypi-AgEIcHlwaS5vcmc${filler(60)}`,
  };

  test("every format in the table finds at least one example; overlapping prefixes go to the specific row", () => {
    const examples = [...Object.values(FAKE), ...Object.values(MORE)];
    const found = new Set(examples.map((e) => tokenFormatIn(e)?.label));
    for (const format of TOKEN_FORMATS) expect(found.has(format.label), format.label).toBe(true);
    expect(tokenFormatIn(MORE.shopify)?.rule).toBe("shopify-token");
    expect(tokenFormatIn(FAKE.anthropic)?.rule).toBe("anthropic-key");
  });

  test("a token character on either side means the match is part of something longer", () => {
    expect(tokenFormatIn(`x${FAKE.githubPat}`)).toBeUndefined();
    expect(tokenFormatIn(`${FAKE.githubPat}_x`)).toBeUndefined();
    expect(tokenFormatIn(`"${FAKE.githubPat}"`)?.rule).toBe("github-token");
  });

  test.each([
    ["sk-ssh-ed25519@openssh.com", "FIDO SSH key type"],
    ["sk-1.example.com", "a host name"],
    [`sk-${"abcdefghij".repeat(4)}`, "sk- without digits"],
    ["AIDAJQABLZS4A3QDU576Q", "an AWS unique id"],
    [`pk_live_${filler(24)}`, "a Stripe publishable key"],
    ["glpat-short", "too short"],
    [`${Buffer.from("not-a-snowflake-id!!").toString("base64url")}.GaBcDe.${filler(38)}`, "a dotted token whose first part is no user id"],
  ])("%s: not a token (%s)", (text) => {
    expect(tokenFormatIn(text)).toBeUndefined();
  });
});

describe("hashIn", () => {
  test.each([FAKE.sha512crypt, FAKE.yescrypt, FAKE.bcrypt, FAKE.apr1, FAKE.argon2id, FAKE.mosquittoHash, FAKE.pbkdf2, FAKE.ssha, FAKE.django, `admin:${FAKE.apr1}`, FAKE.bcrypt.replaceAll("$", "$$")])(
    "%s",
    (text) => {
      expect(hashIn(text)?.rule).toBe("password-hash");
    },
  );

  test.each([FAKE.sha256Hex, FAKE.sriHash, FAKE.gitRev, "$HOME/bin", "costs $5 a month", "${x}$6$"])("%s: not a password hash", (text) => {
    expect(hashIn(text)).toBeUndefined();
  });
});

describe("isPublicValue", () => {
  test.each([FAKE.sshEd25519, FAKE.sshRsa, FAKE.sshFido, FAKE.ageRecipient, FAKE.certificate, `${FAKE.sshEd25519}\n${FAKE.sshRsa}\n`])("%s", (text) => {
    expect(isPublicValue(text)).toBe(true);
  });

  test.each([`${FAKE.certificate}\n${FAKE.rsaKey}`, FAKE.wireguardKey, `${FAKE.sshEd25519}\nhunter2`, "", "ssh-ed25519 notbase64"])("%s: not public", (text) => {
    expect(isPublicValue(text)).toBe(false);
  });
});
