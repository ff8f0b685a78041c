/** Transport protocol of a listener. */
export type Protocol = "tcp" | "udp";

/**
 * A port a service listens on. For a private-network nspawn container it is opened in the
 * container's own firewall; for a host-network container it is a host listener (opened in
 * the host firewall unless bound to loopback).
 */
export interface ServicePort {
  readonly port: number;
  readonly protocol: Protocol;
  /** Bind address; `"0.0.0.0"` (every address) unless given. */
  readonly address: string;
  /**
   * How the firewall opens it, when not the default (opened on every interface unless bound to
   * loopback): `false` declares the listener without opening it (LAN-only behind another
   * firewall, or reached through a VPN), `{ interface }` opens it on that interface only.
   */
  readonly open?: false | { readonly interface: string };
}

/** An nspawn `forwardPorts` entry (DNAT from the host into a private-network container). */
export interface ForwardPort {
  readonly protocol: Protocol;
  readonly hostPort: number;
  /** Defaults to `hostPort`. */
  readonly containerPort: number;
}

/** A Podman published port: `"127.0.0.1:5432:5432"` or `{ hostPort, containerPort, … }`. */
export interface PublishedPort {
  /** Bind address on the host; `"0.0.0.0"` when the spec has none. */
  readonly hostAddress: string;
  readonly hostPort: number;
  readonly containerPort: number;
  readonly protocol: Protocol;
}
