import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAll } from "@nixjs/testkit";
import { describe, expect, it } from "vitest";
import { caddy, caddyRoute, container, secret } from "../../index.ts";
import { suiteTree } from "../../../test-support/render/files.ts";
import { stubCheck, stubEval } from "../../../test-support/render/stub.ts";
import { testLab } from "../../../test-support/validate/test-lab.ts";
import { HomelabInputError } from "../../errors/input-error.ts";

const HASH = "sha256-Ak2dGs5ZvGBxxVO8cTvBuPYIhKNJyZZf0zWyb2zOtHQ=";

/** A Caddy with every global option set. */
function everyOption() {
  return caddy({
    email: "admin@example.org",
    acmeCA: "staging",
    acmeDns: { provider: "porkbun", credentials: { api_secret_key: "PORKBUN_SECRET", api_key: "PORKBUN_KEY" } },
    environmentFile: secret("caddy-env"),
    withPlugins: { plugins: ["github.com/caddy-dns/porkbun@v0.3.1"], hash: HASH },
    trustedProxies: ["private_ranges", "173.245.48.0/20", "2400:cb00::/32"],
    snippets: { "security-headers": "header {\n  Strict-Transport-Security max-age=31536000\n\n  X-Content-Type-Options nosniff\n}\n", compress: "encode zstd gzip" },
    logLevel: "INFO",
    globalConfig: "grace_period 10s\n",
  });
}

describe("caddy(): global options", () => {
  it("builds the model: staging resolves to Let's Encrypt's staging directory, records sort by key", () => {
    const c = everyOption();
    expect(c.acmeCA).toBe("https://acme-staging-v02.api.letsencrypt.org/directory");
    expect(c.acmeDns).toEqual({
      provider: "porkbun",
      credentials: [
        { field: "api_key", env: "PORKBUN_KEY" },
        { field: "api_secret_key", env: "PORKBUN_SECRET" },
      ],
    });
    expect(c.snippets?.map((s) => s.name)).toEqual(["compress", "security-headers"]);
    expect(c.environmentFile?.name).toBe("caddy-env");
    // "production" is Caddy's default issuers: nothing to write.
    expect(caddy({ acmeCA: "production" }).acmeCA).toBeUndefined();
    expect(caddy({ acmeCA: "https://acme.zerossl.com/v2/DV90" }).acmeCA).toBe("https://acme.zerossl.com/v2/DV90");
  });

  const rejected: readonly (readonly [string, Record<string, unknown>, string])[] = [
    ["an untagged plugin", { withPlugins: { plugins: ["github.com/caddy-dns/cloudflare"] } }, "nixpkgs refuses untagged plugins"],
    ["a credential value instead of a name", { acmeDns: { provider: "cloudflare", credentials: "abc-123.xyz" } }, 'expected a variable name like "CF_API_TOKEN" (its value goes in environmentFile), got "abc-123.xyz"'],
    ["an http CA", { acmeCA: "http://ca.lan/directory" }, 'expected "production", "staging" or an ACME directory URL (https://…)'],
    ["a host name as a trusted proxy", { trustedProxies: ["cloudflare"] }, 'expected an address or CIDR like "173.245.48.0/20", or "private_ranges"'],
    ["a CIDR past /32", { trustedProxies: ["10.0.0.0/33"] }, 'expected an address or CIDR like "173.245.48.0/20", or "private_ranges"'],
    ["a lower-case log level", { logLevel: "debug" }, 'expected "DEBUG", "INFO", "WARN" or "ERROR"'],
    ["a snippet name with a space", { snippets: { "my snippet": "encode gzip" } }, 'expected a snippet name like "security-headers"'],
    ["a malformed hash", { withPlugins: { plugins: ["github.com/caddy-dns/cloudflare@v0.2.1"], hash: "abc" } }, 'expected a hash like "sha256-…="'],
  ];
  it.each(rejected)("rejects %s", (_what, options, message) => {
    let error: unknown;
    try {
      caddy(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HomelabInputError);
    expect(String((error as Error).message)).toContain(message);
  });
});

describe("caddy(): global options rendered into services.caddy, evaluated", () => {
  const lab = testLab({
    caddy: everyOption(),
    containers: [
      container("wiki", {
        backend: "podman",
        image: "docker.io/requarks/wiki:2",
        ports: [{ hostPort: 3000, containerPort: 3000 }],
        route: caddyRoute({ subdomain: "wiki", port: 3000, public: true, extraConfig: "import security-headers" }),
      }),
    ],
  });
  let texts: Map<string, string>;
  let dir: string;
  suiteTree(lab, (t, d) => {
    texts = t;
    dir = d;
    // The machine's own module, which the flake imports (stubCheck adds its content).
    writeFileSync(join(d, "hardware-configuration.nix"), "{ }\n");
  });

  it("writes them in host.nix (expected text written by hand)", () => {
    parseAll([...texts.values()]);
    const host = texts.get("host.nix")!;
    const start = host.indexOf("  # Caddy;");
    expect(host.slice(start, host.indexOf("\n  };\n", start) + 6)).toBe(
      [
        "  # Caddy; each site is in the file of the container it proxies to.",
        "  # Sites import these snippets.",
        "  services.caddy = {",
        "    enable = true;",
        "    package = pkgs.caddy.withPlugins {",
        '      plugins = [ "github.com/caddy-dns/porkbun@v0.3.1" ];',
        `      hash = "${HASH}";`,
        "    };",
        '    email = "admin@example.org";',
        '    acmeCA = "https://acme-staging-v02.api.letsencrypt.org/directory";',
        "    environmentFile = config.age.secrets.caddy-env.path;",
        "    logFormat = ''",
        "      level INFO",
        "    '';",
        "    globalConfig = ''",
        "      acme_dns porkbun {",
        "        api_key {env.PORKBUN_KEY}",
        "        api_secret_key {env.PORKBUN_SECRET}",
        "      }",
        "      servers {",
        "        trusted_proxies static private_ranges 173.245.48.0/20 2400:cb00::/32",
        "      }",
        "      grace_period 10s",
        "    '';",
        "    extraConfig = ''",
        "      (compress) {",
        "        encode zstd gzip",
        "      }",
        "      (security-headers) {",
        "        header {",
        "          Strict-Transport-Security max-age=31536000",
        "",
        "          X-Content-Type-Options nosniff",
        "        }",
        "      }",
        "    '';",
        "  };",
        "",
      ].join("\n"),
    );
    // The module's head gains `pkgs` for the package.
    expect(host).toMatch(/^\{ config, pkgs, \.\.\. \}:$/m);
    expect(host).toContain("caddy-env.file = ./secrets/caddy-env.age;");
  });

  it("evaluates in the stand-in NixOS: the package has the plugins, and Caddy is given this Caddyfile", () => {
    expect(stubCheck(dir)).toEqual([]);
    const v = stubEval(dir, {
      plugins: "config.services.caddy.package.plugins",
      env: "config.services.caddy.environmentFile",
      ca: "config.services.caddy.acmeCA",
      caddyfile: 'config.environment.etc."caddy/caddy_config".source.text',
      unit: "config.systemd.services.caddy.serviceConfig.EnvironmentFile",
    });
    expect(v.plugins).toEqual(["github.com/caddy-dns/porkbun@v0.3.1"]);
    expect(v.env).toBe("/run/agenix/caddy-env");
    expect(v.unit).toEqual(["/run/agenix/caddy-env"]);
    expect(v.ca).toBe("https://acme-staging-v02.api.letsencrypt.org/directory");
    // Caddy formats the file itself (`caddy fmt`); compared here line by line, spaces collapsed.
    const lines = (v.caddyfile as string).split("\n").map((l) => l.trim().replace(/\s+/g, " ")).filter((l) => l !== "");
    expect(lines).toEqual([
      "{",
      "email admin@example.org",
      "acme_ca https://acme-staging-v02.api.letsencrypt.org/directory",
      "log {",
      "level INFO",
      "}",
      "acme_dns porkbun {",
      "api_key {env.PORKBUN_KEY}",
      "api_secret_key {env.PORKBUN_SECRET}",
      "}",
      "servers {",
      "trusted_proxies static private_ranges 173.245.48.0/20 2400:cb00::/32",
      "}",
      "grace_period 10s",
      "}",
      "(compress) {",
      "encode zstd gzip",
      "}",
      "(security-headers) {",
      "header {",
      "Strict-Transport-Security max-age=31536000",
      "X-Content-Type-Options nosniff",
      "}",
      "}",
      "wiki.example.org {",
      "log {",
      "output file /var/log/caddy/access-wiki.example.org.log",
      "}",
      "reverse_proxy 127.0.0.1:3000",
      "import security-headers",
      "}",
    ]);
  });
});
