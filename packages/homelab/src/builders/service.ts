import type { HostService } from "../model/index.ts";
import { serviceName, serviceSchema, type ServiceOptions } from "../schema/service.ts";
import { captureSite } from "../site/capture.ts";
import { toServicePort } from "./container.ts";
import { guarded } from "./collect.ts";
import { branded, optional } from "./freeze.ts";
import { callLabel } from "./label.ts";
import { argumentProblems, parseInput } from "./parse.ts";

/**
 * A host service that is not a container (seed 000's cloudflared): host NixOS configuration,
 * the host ports it listens on (checked for conflicts) and the host-level secrets it reads.
 *
 * @example
 * // No owner: cloudflared runs as a systemd DynamicUser and is handed the file as root.
 * const creds = secret("cloudflared-creds");
 * service("cloudflared", { secrets: [creds], config: { services: { cloudflared: { enable: true,
 *   tunnels: { home: { credentialsFile: creds.path, default: "http_status:404" } } } } } })
 */
export function service(name: string, options: ServiceOptions = {}): HostService {
  const site = captureSite(service);
  return guarded("service", () => ({ name, enable: false, ports: [], secrets: [], config: {}, site }), () => {
    const o = parseInput(serviceSchema, options, { label: callLabel("service", name), site }, undefined,
      argumentProblems(serviceName, name, "name"),
    );
    return branded("service", {
      kind: "service",
      name,
      enable: o.enable ?? true,
      ...optional("description", o.description),
      ports: (o.ports ?? []).map(toServicePort),
      secrets: o.secrets ?? [],
      config: o.config ?? {},
      site,
    } satisfies HostService);
  });
}
