import { describe, expect, test } from "vitest";
import { container } from "../../builders/container.ts";
import { findings, testLab } from "../../../test-support/validate/test-lab.ts";

describe("nspawn-option-untyped", () => {
  test("a note suggesting the typed option, with the value it accepts", () => {
    const lab = testLab({
      containers: [container("vpn", { extraOptions: { enableTun: true, allowedDevices: [{ node: "/dev/net/tun", modifier: "rwm" }], timeoutStartSec: "5min" } })],
    });
    expect(findings(lab, "nspawn-option-untyped").map((d) => [d.severity, d.path, d.message])).toEqual([
      ["note", "containers.vpn.extraOptions.allowedDevices", 'allowedDevices has a typed option: write container("vpn", { allowedDevices: [{"node":"/dev/net/tun","modifier":"rwm"}] }) instead of extraOptions, so the checks see it'],
      ["note", "containers.vpn.extraOptions.enableTun", 'enableTun has a typed option: write container("vpn", { enableTun: true }) instead of extraOptions, so the checks see it'],
    ]);
    // The suggested form is accepted by the builder.
    expect(container("vpn", { enableTun: true, allowedDevices: [{ node: "/dev/net/tun", modifier: "rwm" }] }).runtime.enableTun).toBe(true);
  });

  test("no hint where the typed option would refuse the value, or on a disabled container", () => {
    const lab = testLab({
      containers: [
        container("a", { extraOptions: { extraFlags: ["--bind=/a /b"] } }),
        container("b", { enable: false, extraOptions: { enableTun: true } }),
      ],
    });
    expect(findings(lab, "nspawn-option-untyped")).toEqual([]);
  });
});
