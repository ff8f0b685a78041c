/** The input schemas of a fleet: `host(name, { … })` and `homelab({ hosts, … })`. */
import { isHost, type Host } from "../model/index.ts";
import { homelabSchema } from "./homelab.ts";
import { hostShape } from "./host.ts";
import { absolutePath, bool, domain, ipv4, port } from "./primitives.ts";
import { z, type Input } from "./zod.ts";

const msg = (message: string) => ({ error: message });

/** An SSH public key (an `authorized_keys` line). */
const sshPublicKey = z
  .string(msg('expected an SSH public key like "ssh-ed25519 AAAA… alice@laptop"'))
  .regex(/^(ssh-ed25519 |ssh-rsa |ecdsa-sha2-nistp\d+ |sk-ssh-ed25519@openssh\.com |sk-ecdsa-sha2-nistp256@openssh\.com )\S+( [^\n]*)?$/, msg('expected an SSH public key like "ssh-ed25519 AAAA… alice@laptop"'));

/** A host's own public key: an SSH host key (agenix) or an age key (sops-nix, agenix). */
const hostPublicKey = z
  .string(msg('expected a public key ("ssh-ed25519 AAAA… root@nas" or "age1…")'))
  .regex(/^(ssh-ed25519 |ssh-rsa |ecdsa-sha2-nistp\d+ |age1)\S+( [^\n]*)?$/, msg('expected a public key ("ssh-ed25519 AAAA… root@nas" or "age1…")'));

/** A POSIX login name. */
const userName = z
  .string(msg('expected a user name like "alice"'))
  .regex(/^[a-z_][a-z0-9_-]{0,31}$/, msg('expected a user name like "alice": lowercase letters, digits, "_" and "-", at most 32 characters'));

/** An SSH destination: a DNS name or an IP address, no user or port (those are their own options). */
const sshHost = z
  .string(msg('expected a host name or address like "nas.lan" or "192.168.1.10"'))
  .regex(/^(\[[0-9A-Fa-f:.]+\]|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)$/, msg('expected a host name or address like "nas.lan" or "192.168.1.10", without user or port'));

/** A colmena tag (`colmena apply --on @tag`). */
const tag = z.string(msg('expected a tag like "media"')).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, msg('expected a tag like "media": letters, digits, "_", "." and "-"'));

/** Options of `host(name, {…})`: a host of a fleet. */
export const hostSchema = z.strictObject(
  {
    ...hostShape,
    /**
     * agenix on this host: the private keys it decrypts with. Default
     * `["/etc/ssh/ssh_host_ed25519_key"]`. (Recipients are the fleet's: `homelab({ agenix })`.)
     * @example agenix: { identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"] }
     */
    agenix: z
      .strictObject({ /** @example identityPaths: ["/persist/etc/ssh/ssh_host_ed25519_key"] */ identityPaths: z.array(absolutePath).optional() }, msg("expected { identityPaths }"))
      .optional(),
    /**
     * The LAN address other hosts reach this one at: where a proxy on another host sends
     * cross-host routes, what this host's firewall lets in from, `hostRef(name).address`.
     * Default: the only static IPv4 address of `network.interfaces`.
     * @example address: "192.168.1.10"
     */
    address: ipv4.optional(),
    /**
     * The host's own public key (`ssh-keyscan`'s ed25519 line, or its age key under sops-nix):
     * every secret the host decrypts is encrypted to it.
     * @example hostKey: "ssh-ed25519 AAAAC3Nza… root@nas"
     */
    hostKey: hostPublicKey.optional(),
    /**
     * How colmena and deploy-rs reach and deploy it.
     * @example deployment: { targetHost: "nas.lan", targetUser: "deploy", tags: ["storage"] }
     */
    deployment: z
      .strictObject(
        {
          /** SSH host name or address. Default: the host's name. @example targetHost: "nas.lan" */
          targetHost: sshHost.optional(),
          /** SSH user. Default `root` (colmena); must be able to activate (root or sudo). @example targetUser: "deploy" */
          targetUser: userName.optional(),
          /** SSH port. Default 22. @example targetPort: 2222 */
          targetPort: port.optional(),
          /** Build on the host instead of locally (an aarch64 host from an x86_64 laptop). Default false. @example buildOnTarget: true */
          buildOnTarget: bool("buildOnTarget").optional(),
          /** colmena tags (`colmena apply --on @media`). @example tags: ["media"] */
          tags: z.array(tag).optional(),
        },
        msg("expected { targetHost, targetUser, targetPort, buildOnTarget, tags }"),
      )
      .optional(),
  },
  msg("expected an object with host options"),
);

/** What `host()` accepts. */
export type HostOptions = Input<typeof hostSchema>;

/** A login user every host gets. */
const defaultUser = z.strictObject(
  {
    /** `openssh.authorizedKeys.keys`. @example sshKeys: ["ssh-ed25519 AAAA… alice@laptop"] */
    sshKeys: z.array(sshPublicKey).optional(),
    /** `extraGroups`. @example groups: ["wheel"] */
    groups: z.array(userName).optional(),
  },
  msg("expected { sshKeys, groups }"),
);

/** `homelab({ defaults })`: what every host of the fleet gets (`common.nix`). */
const defaultsSchema = z.strictObject(
  {
    /** Login users on every host, by name. @example users: { alice: { sshKeys: ["ssh-ed25519 AAAA… alice@laptop"], groups: ["wheel"] } } */
    users: z.record(userName, defaultUser, msg("expected { name: { sshKeys, groups } }")).optional(),
    /** Keys that may log in as root (deploying as root needs them). @example rootSshKeys: ["ssh-ed25519 AAAA… alice@laptop"] */
    rootSshKeys: z.array(sshPublicKey).optional(),
    /**
     * `nix.settings` and `nix.gc` on every host.
     * @example nix: { trustedUsers: ["@wheel"], experimentalFeatures: ["nix-command", "flakes"], gc: { dates: "weekly", options: "--delete-older-than 30d" } }
     */
    nix: z
      .strictObject(
        {
          trustedUsers: z.array(z.string().regex(/^@?[a-z_][a-z0-9_-]*$/, msg('expected a user or "@group"'))).optional(),
          substituters: z.array(z.url(msg("expected a binary cache URL"))).optional(),
          trustedPublicKeys: z.array(z.string().regex(/^[^\s:]+:[A-Za-z0-9+/=]+$/, msg('expected a key like "cache.example.org-1:AbC…="'))).optional(),
          experimentalFeatures: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, msg('expected a feature like "flakes"'))).optional(),
          gc: z.strictObject({ dates: z.string().min(1), options: z.string().optional() }, msg("expected { dates, options }")).optional(),
          autoOptimiseStore: bool("autoOptimiseStore").optional(),
        },
        msg("expected { trustedUsers, substituters, trustedPublicKeys, experimentalFeatures, gc, autoOptimiseStore }"),
      )
      .optional(),
    /** `time.timeZone` on every host. @example timeZone: "Europe/Berlin" */
    timeZone: z.string().regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, msg('expected a time zone like "Europe/Berlin"')).optional(),
  },
  msg("expected { users, rootSshKeys, nix, timeZone }"),
);

const agenixRecipients = homelabSchema.shape.agenix.unwrap().shape.recipients;

/** Options of `homelab({ hosts, … })`: a fleet. */
export const fleetSchema = z.strictObject(
  {
    /** The domain routes' subdomains belong to. @example domain: "example.org" */
    domain,
    /** The hosts, each made by `host(name, {…})`. @example hosts: [host("proxy", {…}), host("nas", {…})] */
    hosts: z.array(z.custom<Host>(isHost, msg('expected a host made by host("name", {...})')), msg("expected a list of hosts")).min(1, msg("expected at least one host")),
    /**
     * The deploy tools the flake gets outputs for: a colmena hive (`colmenaHive`) and deploy-rs
     * nodes (`deploy.nodes`, with `checks`). Default: none (`nixos-rebuild --flake .#<host>`).
     * @example deploy: ["colmena", "deploy-rs"]
     */
    deploy: z.array(z.enum(["colmena", "deploy-rs"], msg('expected "colmena" or "deploy-rs"'))).optional(),
    defaults: defaultsSchema.optional(),
    /**
     * agenix: the people's keys every secret is encrypted to, by name (each host's own key,
     * `host({ hostKey })`, is added to the secrets it decrypts).
     * @example agenix: { recipients: { alice: "ssh-ed25519 AAAA… alice@laptop" } }
     */
    agenix: z.strictObject({ recipients: agenixRecipients }, msg("expected { recipients }")).optional(),
    sops: homelabSchema.shape.sops,
    layout: homelabSchema.shape.layout,
  },
  msg("expected an object with fleet options { domain, hosts, deploy, defaults, agenix | sops, layout }"),
);

/** What `homelab({ hosts })` accepts. */
export type FleetOptions = Input<typeof fleetSchema>;
