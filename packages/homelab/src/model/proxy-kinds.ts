import type { ProxyKind } from "./proxies.ts";

/**
 * The kinds of proxy as a value (`route({ proxy })`'s choices), in registry order. A plain
 * list rather than the registry's keys: schemas load before the providers they would import.
 * The type below fails to compile when a kind is missing.
 */
export const PROXY_KINDS = ["traefik", "caddy"] as const satisfies readonly ProxyKind[];

type Missing = Exclude<ProxyKind, (typeof PROXY_KINDS)[number]>;
/** Compiles only while every proxy kind is listed. */
export const EVERY_PROXY_KIND: Missing extends never ? true : never = true;
