/**
 * `@nixjs/homelab/testing`: fast-check arbitraries for property-testing homelab configs and
 * checkers. Everything is built with the public builders, so generated values are exactly
 * what a user's config produces, and fast-check shrinks failures to minimal labs.
 *
 * @example
 * import fc from "fast-check";
 * import { formatPath, hasErrors, service, validate } from "@nixjs/homelab";
 * import { arbPort, extendHomelab, injections } from "@nixjs/homelab/testing";
 * import lab from "./homelab.config.ts";
 *
 * // Every conflict that can be added to my config is reported, naming both sides.
 * for (const { lab: broken, code, sides } of injections(lab)) {
 *   const found = validate(broken).some((d) => d.code === code && formatPath(d.path) === sides[0].path);
 *   if (!found) throw new Error(`${code} at ${sides[0].path} not reported`);
 * }
 * // A new service on any unprivileged port leaves my config free of errors, or says why.
 * fc.assert(fc.property(arbPort({ min: 1024 }), (port) => {
 *   const diagnostics = validate(extendHomelab(lab, { services: [service("probe", { ports: [port] })] }));
 *   return !hasErrors(diagnostics) || diagnostics.some((d) => d.code === "port-conflict");
 * }));
 */
export { arbAddressIn, arbContainerName, arbPort, arbProtocol } from "./primitives.ts";
export { arbHomelab, DENSE_DEFAULTS, type DenseDomains } from "./dense.ts";
export { arbConflictFreeHomelab, CLEAN_POOL, disabledTwin, SHARED_HOST_ADDRESS } from "./clean.ts";
export { arbHomelabWithConflict, injections, type ConflictSide, type InjectedConflict } from "./inject.ts";
export { extendHomelab } from "./extend.ts";
