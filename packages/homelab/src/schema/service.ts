import { z, type Input } from "./zod.ts";
import { commonShape, servicePort } from "./common.ts";
import { configSchema } from "./config.ts";
import { secretRef } from "./primitives.ts";

/** A host service name (`services.<name>` in diagnostics, a file name in the tree). */
export const serviceName = z
  .string({ error: 'expected a service name like "cloudflared"' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, { error: 'expected a service name: letters, digits, "-", "_", "."' });

/** Options of `service(name, {...})`: a host NixOS service that is not a container. */
export const serviceSchema = z.strictObject(
  {
    ...commonShape,
    /**
     * Host ports the service listens on (checked for conflicts).
     * @example ports: [{ port: 2000, address: "127.0.0.1" }]
     */
    ports: z.array(servicePort).optional(),
    /**
     * Host-level agenix secrets the service reads.
     * @example secrets: [secret("restic-password")]
     */
    secrets: z.array(secretRef).optional(),
    /**
     * Host NixOS configuration of the service.
     * @example config: { services: { cloudflared: { enable: true } } }
     */
    config: configSchema.optional(),
  },
  { error: "expected an object with service options" },
);

/** What `service()` accepts. */
export type ServiceOptions = Input<typeof serviceSchema>;
