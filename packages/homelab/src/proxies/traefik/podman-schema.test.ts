import { describe, expect, test } from "vitest";
import { HomelabInputError } from "../../errors/input-error.ts";
import { traefik } from "./builders.ts";
import { DEFAULT_TRAEFIK_IMAGE } from "./podman-model.ts";

function inputError(f: () => unknown): HomelabInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof HomelabInputError) return e;
    throw e;
  }
  throw new Error("expected a HomelabInputError");
}

describe("traefik({ mode: \"podman\" })", () => {
  test("defaults: a pinned image, no further volumes", () => {
    const t = traefik({ mode: "podman" });
    expect(t.mode).toBe("podman");
    expect(t.podman).toEqual({ image: DEFAULT_TRAEFIK_IMAGE, volumes: [] });
    expect(DEFAULT_TRAEFIK_IMAGE).toMatch(/^docker\.io\/library\/traefik:v\d+\.\d+\.\d+$/);
    expect(traefik({}).podman).toBeUndefined();
  });

  test("image and volumes as given", () => {
    const t = traefik({ mode: "podman", image: "docker.io/library/traefik:v3.4.0", volumes: ["/opt/p:/plugins-local:ro"] });
    expect(t.podman).toEqual({ image: "docker.io/library/traefik:v3.4.0", volumes: ["/opt/p:/plugins-local:ro"] });
  });

  test("an untagged image, a malformed volume, and the Podman options without mode podman are refused", () => {
    const e = inputError(() => traefik({ mode: "podman", image: "traefik", volumes: ["nope"] }));
    expect(e.diagnostics.map((d) => d.message)).toEqual([
      'the image has no tag: pin a version, e.g. "traefik:1.2.3"',
      'expected "source:/container/path[:options]", e.g. "/opt/media/sonarr:/config" or "/mnt/media:/media:ro", got "nope"',
    ]);
    const wrongMode = inputError(() => traefik({ mode: "service", image: "docker.io/library/traefik:v3.3.5" }));
    expect(wrongMode.diagnostics.map((d) => d.message)).toEqual(['image is an option of the Traefik Podman container: add mode: "podman", or drop image']);
  });
});
