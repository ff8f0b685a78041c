/** Model paths of diagnostics: `containers.immich.ports[0]`, `services.cloudflared`. */
import type { Container, HostService } from "../model/index.ts";

const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** One attribute of a model path: bare when it is a plain name, quoted otherwise. */
export function segment(key: string): string {
  return PLAIN.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

const cache = new WeakMap<object, string>();

/** @example containerPath(immich) // "containers.immich" */
export function containerPath(c: Pick<Container, "name">): string {
  let path = cache.get(c);
  if (path === undefined) {
    path = `containers${segment(c.name)}`;
    cache.set(c, path);
  }
  return path;
}

/** @example servicePath(cloudflared) // "services.cloudflared" */
export function servicePath(s: Pick<HostService, "name">): string {
  return `services${segment(s.name)}`;
}
