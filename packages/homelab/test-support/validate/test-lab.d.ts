import type { Diagnostic, Homelab } from "../../src/model/index.ts";
import type { HomelabOptions } from "../../src/schema/homelab.ts";
/**
 * `homelab()` with host name, domain, release, a `10.10.10.0/24` pool and the machine's
 * hardware module filled in (a deployable host, so the deploy checks stay quiet unless asked).
 */
export declare function testLab(parts?: Partial<HomelabOptions>): Homelab;
/** A diagnostic with its paths printed (`containers.immich.ports[0]`), for compact assertions. */
export type PrintedDiagnostic = Omit<Diagnostic, "path" | "related"> & {
    readonly path: string;
    readonly related?: readonly {
        readonly path: string;
        readonly site: string;
    }[];
};
/** A diagnostic with its paths printed. @example printed(d).path // "containers.immich.ports[0]" */
export declare function printed(d: Diagnostic): PrintedDiagnostic;
/** The diagnostics of `code` (all when absent), paths printed. */
export declare function findings(lab: Homelab, code?: string): PrintedDiagnostic[];
/** Sorted `path -> related paths` lines of `code`, for compact exact assertions. */
export declare function summary(lab: Homelab, code: string): string[];
