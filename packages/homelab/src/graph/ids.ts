/**
 * The ids of the topology's parts: readable paths (`nas/container/jellyfin`), unique because
 * host names and container names never hold a `/`, and a node's kind is part of its id.
 */

/** @example hostId("nas") // "host/nas" */
export function hostId(host: string): string {
  return `host/${host}`;
}

/** A node on a host. @example onHost("nas", "container", "jellyfin") // "nas/container/jellyfin" */
export function onHost(host: string, kind: "proxy" | "container" | "service" | "auth" | "endpoint", name: string): string {
  return `${host}/${kind}/${name}`;
}

/** A public host name's node. @example nameId("photos.example.org") // "name/photos.example.org" */
export function nameId(name: string): string {
  return `name/${name}`;
}

/** A node outside every host. @example outsideId("url", "http://192.168.1.20:8123") */
export function outsideId(what: "url" | "redirect" | "missing", name: string): string {
  return `${what}/${name}`;
}
