import { describe, expect, test } from "vitest";
import { caddy, container, formatPath, traefik } from "../index.ts";
import { hasErrors, validate } from "./index.ts";
import { testLab } from "../../test-support/validate/test-lab.ts";

describe("validate", () => {
  test("errors come first, then warnings; each grouped by what it is about, then by path", () => {
    const lab = testLab({
      containers: [
        container("web", { backend: "podman", image: "docker.io/library/nginx:latest", ports: ["8080:80"] }),
        container("web2", { backend: "podman", image: "docker.io/library/nginx:1.27", user: "1", ports: ["8080:80"] }),
      ],
    });
    expect(validate(lab).map((d) => `${d.severity} ${d.code} ${formatPath(d.path)}`)).toEqual([
      "error port-conflict containers.web.ports[0]",
      "error port-conflict containers.web2.ports[0]",
      "warning podman-user containers.web",
      "warning image-tag containers.web.image",
    ]);
  });

  test("is pure and deterministic: the same lab gives the same list", () => {
    const lab = testLab({ traefik: traefik(), caddy: caddy(), containers: [container("a", { localAddress: "10.10.10.3" }), container("b", { localAddress: "10.10.10.3" })] });
    expect(JSON.stringify(validate(lab))).toBe(JSON.stringify(validate(lab)));
  });

  test("every diagnostic has severity, code, path, message and a call site", () => {
    const lab = testLab({ traefik: traefik(), caddy: caddy() });
    for (const d of validate(lab)) {
      expect(d.severity).toMatch(/^(error|warning)$/);
      expect(d.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(d.path).not.toEqual([]);
      expect(d.subject.kind).toMatch(/^(homelab|container|service|proxy|secret)$/);
      expect(d.site).toMatch(/^packages\/homelab\/src\/validate\/validate\.test\.ts:\d+:\d+$/);
    }
    expect(hasErrors(validate(lab))).toBe(true);
    expect(hasErrors(validate(testLab()))).toBe(false);
  });
});
