import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../errors/input-error.ts";
import { container, formatPath, secret } from "../index.ts";

/** Runs `build`, expects one HomelabInputError, returns its `path: message` lines. */
function problems(build: () => unknown): string[] {
  try {
    build();
  } catch (e) {
    expect(e).toBeInstanceOf(HomelabInputError);
    return (e as HomelabInputError).diagnostics.map((d) => `${formatPath(d.path)}: ${d.message}`);
  }
  throw new Error("expected a HomelabInputError");
}

const image = "ghcr.io/example/app:1.0.0";

describe("container files: the model", () => {
  test("defaults: mount point = host path, root-owned 0755; store names from the container and the file", () => {
    const c = container("app", {
      backend: "podman",
      image,
      stateDirectories: [{ hostPath: "/srv/app/" }, { hostPath: "/srv/db", mountPoint: "/var/lib/postgresql", user: "999", group: "999", mode: "700" }],
      configFiles: [{ mountPoint: "/etc/app/config@1.yml", format: "yaml", value: { a: 1 } }, { mountPoint: "/etc/x.json", format: "json", value: null, name: "shared.json" }],
      envFiles: [{ values: { TZ: "UTC", N: 1, B: true } }, "/etc/app.env", { values: {} }],
    });
    expect(c.files).toEqual({
      stateDirectories: [
        { hostPath: "/srv/app", mountPoint: "/srv/app", user: "root", group: "root", mode: "0755" },
        { hostPath: "/srv/db", mountPoint: "/var/lib/postgresql", user: "999", group: "999", mode: "0700" },
      ],
      configFiles: [
        { mountPoint: "/etc/app/config@1.yml", format: "yaml", name: "app-config-1.yml", value: { a: 1 } },
        { mountPoint: "/etc/x.json", format: "json", name: "shared.json", value: null },
      ],
      envFiles: [
        { kind: "store", name: "app-1.env", values: { TZ: "UTC", N: "1", B: "true" } },
        { kind: "host", path: "/etc/app.env" },
        { kind: "store", name: "app-2.env", values: {} },
      ],
    });
  });

  test("a container without them has no files (its tree is unchanged)", () => {
    expect(container("app", {}).files).toBeUndefined();
    expect(container("app", { backend: "podman", image }).files).toBeUndefined();
  });
});

describe("container files: what each format accepts, and where state may live", () => {
  test("values a format cannot write are refused at their path, secrets with what to do instead", () => {
    expect(
      problems(() =>
        container("app", {
          configFiles: [
            { mountPoint: "/a.toml", format: "toml", value: { a: { b: null } } },
            { mountPoint: "/b.toml", format: "toml", value: [1] },
            { mountPoint: "/c.ini", format: "ini", value: { s: { k: { nested: 1 } } } },
            { mountPoint: "/d.ini", format: "ini", value: { s: { k: [1] } } },
            { mountPoint: "/e.yaml", format: "yaml", value: { password: secret("db") } },
            { mountPoint: "/f.json", format: "json", value: { n: Number.NaN, d: new Date(0) } },
          ],
        }),
      ),
    ).toEqual([
      "configFiles[0].value.a.b: TOML has no null: leave the key out",
      "configFiles[1].value: a TOML file is a table: { key: value }",
      "configFiles[2].value.s.k: an INI value is a string, number, boolean or null",
      "configFiles[3].value.s.k: an INI value is a string, number, boolean or null",
      'configFiles[4].value.password: a secret cannot go into a configuration file (it is written to the world-readable Nix store): write the path where the container finds it instead, e.g. "/run/secrets/db-password"',
      "configFiles[5].value.n: expected a finite number, got NaN",
    ]);
  });

  test("state in the Nix store, a bad mode or owner, a multi-line env value; env files on an nspawn container", () => {
    expect(
      problems(() =>
        container("app", {
          backend: "podman",
          image,
          stateDirectories: [{ hostPath: "/nix/store/abc-state" }, { hostPath: "/srv/a", mode: "rwx", user: "a b" }],
          envFiles: [{ values: { A: "x\ny" } }, "relative.env"],
        }),
      ),
    ).toEqual([
      "stateDirectories[0].hostPath: the Nix store is read-only: state cannot live there (pick a path like /var/lib/<name> or /srv/<name>)",
      'stateDirectories[1].user: expected a user like "1000" or "jellyfin", got "a b"',
      'stateDirectories[1].mode: expected an octal mode like "0750", got "rwx"',
      "envFiles[0].values.A: an env file value is one line",
      'envFiles[1]: expected an absolute path without spaces, like "/var/lib/app", got "relative.env"',
    ]);
    // A NixOS container's environment is its guest configuration's: env files are Podman's.
    expect(problems(() => container("guest", { envFiles: ["/etc/a.env"] } as never))).toEqual(['envFiles: unknown option "envFiles"']);
  });
});
