import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import type { ContainerFiles, Homelab } from "../../model/index.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

/**
 * A lab whose container `app` has the given files, in the shape the model gives them (`files`:
 * generated configuration files and plain environment files, from the state-and-files work).
 */
function withFiles(files: ContainerFiles): Homelab {
  const lab = testLab({
    containers: [container("app", { backend: "podman", image: "ghcr.io/gethomepage/homepage:v0.9.10", user: "1000" }), container("guest", {})],
  });
  const host = lab.hosts[0]!;
  return { ...lab, hosts: [{ ...host, containers: host.containers.map((c) => ({ ...c, files })) }] };
}

const paths = (lab: Homelab) => [...findings(lab, "secret-literal"), ...findings(lab, "secret-hash-literal")].map((d) => `${d.severity} ${d.path}`).sort();

describe("secret-literal in the files written to the store for a container", () => {
  test("a generated configuration file's data and a plain environment file's values, in both container kinds", () => {
    const lab = withFiles({
      stateDirectories: [],
      configFiles: [{ mountPoint: "/app/config/settings.yaml", format: "yaml", name: "app-settings.yaml", value: { title: "Home", database: { password: "hunter22" }, widgets: [{ apiKey: "0123456789abcdef", type: "sonarr" }] } }],
      envFiles: [{ kind: "store", name: "app.env", values: { TZ: "Europe/Berlin", API_TOKEN: "tok-0123456789abcdef" } }, { kind: "host", path: "/etc/app.env" }],
    });
    expect(paths(lab)).toEqual([
      "error containers.app.configFiles[0].value.database.password",
      "error containers.app.configFiles[0].value.widgets[0].apiKey",
      "error containers.app.envFiles[0].values.API_TOKEN",
      "error containers.guest.configFiles[0].value.database.password",
      "error containers.guest.configFiles[0].value.widgets[0].apiKey",
      "error containers.guest.envFiles[0].values.API_TOKEN",
    ]);
  });

  test("passes: settings without secrets, a secret's path where the app reads it from a file, values that only name secrets", () => {
    const lab = withFiles({
      stateDirectories: [],
      configFiles: [{ mountPoint: "/app/config/settings.yaml", format: "yaml", name: "app-settings.yaml", value: { title: "Home", database: { passwordFile: "/run/secrets/db-password" }, minPasswordLength: 12 } }],
      envFiles: [{ kind: "store", name: "app.env", values: { TZ: "Europe/Berlin", PUID: "1000", API_TOKEN_FILE: "/run/secrets/api-token", PASSWORD_RESET_ENABLED: "false" } }],
    });
    expect(paths(lab)).toEqual([]);
  });
});
