import { describe, expect, it } from "vitest";
import { nixEval } from "../../packages/testkit/src/index.ts";
import { nixosReleases } from "./eval-server.ts";
import { errorOf, systemExpr } from "./system-expr.ts";

// Every option family nixjs emits is declared with the type NixOS gives it (docs/nixos/): one
// system that sets all of them passes the full check in each release, and a wrong value for each
// is refused with the type NixOS would name.

const everything = `{ lib, pkgs, config, ... }: {
  networking = {
    hostName = "homelab"; enableIPv6 = false; nameservers = [ "1.1.1.1" ]; useHostResolvConf = false;
    nftables.enable = false;
    nat = { enable = true; internalInterfaces = [ "ve-+" ]; internalIPs = [ "10.10.10.0/24" ]; externalInterface = "enp1s0";
      forwardPorts = [ { sourcePort = 8080; destination = "10.10.10.9:80"; } { sourcePort = "60000:61000"; destination = "10.10.10.9"; proto = "udp"; } ]; };
    firewall = { allowedTCPPorts = [ 80 443 ]; allowedUDPPorts = [ 53 ]; allowedTCPPortRanges = [ { from = 8000; to = 8010; } ];
      trustedInterfaces = [ "ve-+" ]; interfaces."ve-+".allowedTCPPorts = [ 9000 ]; };
  };
  services.resolved.enable = false;
  containers.wiki = {
    autoStart = true; privateNetwork = true; hostAddress = "10.250.0.1"; localAddress = "10.250.0.11";
    hostAddress6 = "fc00::1"; localAddress6 = "fc00::2"; localMacAddress = "02:00:00:00:00:01";
    privateUsers = 65536; ephemeral = false; enableTun = true; timeoutStartSec = "2min"; restartIfChanged = false;
    bindMounts."/var/lib/wiki" = { hostPath = "/srv/wiki"; isReadOnly = false; };
    forwardPorts = [ { hostPort = 8081; containerPort = 80; } { protocol = "udp"; hostPort = 5353; } ];
    allowedDevices = [ { node = "/dev/net/tun"; modifier = "rwm"; } ];
    tmpfs = [ "/tmp:size=64m" ]; additionalCapabilities = [ "CAP_NET_ADMIN" ]; extraFlags = [ "--drop-capability=CAP_SYS_CHROOT" ];
    interfaces = [ ]; macvlans = [ ]; extraVeths.ve2 = { hostBridge = "br0"; localAddress = "192.168.1.60/24"; };
    specialArgs = { answer = 42; };
    config = { answer, ... }: {
      networking.firewall.allowedTCPPorts = [ answer ];
      networking.useHostResolvConf = lib.mkForce false;
      services.resolved.enable = true;
      system.stateVersion = "25.05";
    };
  };
  virtualisation.podman = { enable = true; dockerCompat = true; defaultNetwork.settings.dns_enabled = true; };
  virtualisation.oci-containers = {
    backend = "podman";
    containers.db = { image = "docker.io/library/postgres:16"; ports = [ "127.0.0.1:5432:5432" ]; };
    containers.app = {
      image = "docker.io/traefik/whoami:v1.10"; imageFile = null; login = { username = "u"; passwordFile = "/run/agenix/pw"; registry = "ghcr.io"; };
      cmd = [ "--port" "80" ]; entrypoint = "/whoami"; environment.PORT = "80"; environmentFiles = [ "/run/agenix/app-env" ];
      log-driver = "journald"; ports = [ "127.0.0.1:8082:80" ]; user = "1000:1000"; volumes = [ "/opt/services/app:/data:Z" ];
      workdir = "/data"; labels."traefik.enable" = "true"; dependsOn = [ "db" ]; hostname = "app"; preRunExtraOptions = [ "--runtime" "crun" ];
      extraOptions = [ "--memory=256m" ]; autoStart = true; pull = "newer"; capabilities = { NET_ADMIN = true; MKNOD = false; SYS_TIME = null; };
      devices = [ "/dev/dri:/dev/dri" ]; privileged = false; networks = [ "apps" ]; autoRemoveOnStop = true; serviceName = "app";
      podman = { sdnotify = "healthy"; user = "root"; };
    };
  };
  services.traefik = {
    enable = true; environmentFiles = [ "/run/agenix/traefik-env" ]; dataDir = "/var/lib/traefik"; group = "traefik";
    staticConfigOptions = { entryPoints.websecure.address = ":443"; api.dashboard = true; log.level = "INFO"; };
    dynamicConfigOptions.http.routers.r = { rule = "Host(\`a.example.com\`)"; service = "s"; entryPoints = [ "websecure" ]; priority = 10; tls = { }; };
  };
  services.caddy = {
    enable = true; email = "admin@example.com"; acmeCA = null; globalConfig = "grace_period 10s\\n"; extraConfig = "(authelia) { }\\n";
    virtualHosts."wiki.example.com" = { serverAliases = [ "www.wiki.example.com" ]; listenAddresses = [ "0.0.0.0" ]; extraConfig = "reverse_proxy 10.250.0.11:80\\n"; };
    environmentFile = "/run/agenix/caddy-env"; openFirewall = true; logFormat = "level INFO\\n";
    package = pkgs.caddy.withPlugins { plugins = [ "github.com/caddy-dns/cloudflare@v0.2.1" ]; hash = "sha256-Ak2dGs5ZvGBxxVO8cTvBuPYIhKNJyZZf0zWyb2zOtHQ="; };
  };
  age = {
    secrets.traefik-env = { file = /etc/hosts; owner = "traefik"; group = "traefik"; mode = "0440"; };
    secrets.wiki-db = { file = /etc/hosts; symlink = false; path = "/var/lib/secrets/wiki/db"; name = "db"; };
    secretsDir = "/run/agenix"; secretsMountPoint = "/run/agenix.d"; ageBin = "\${pkgs.age}/bin/age";
  };
  services.authelia.instances.main = {
    enable = true; user = "authelia-main";
    secrets = { jwtSecretFile = "/run/agenix/jwt"; storageEncryptionKeyFile = "/run/agenix/storage"; sessionSecretFile = null; };
    environmentVariables.X = "1"; settingsFiles = [ "/etc/authelia/extra.yml" ];
    settings = { theme = "dark"; default_2fa_method = "totp"; server.address = "tcp://127.0.0.1:9091/"; log = { level = "info"; format = "text"; };
      session.cookies = [ { domain = "example.com"; authelia_url = "https://auth.example.com"; } ]; storage.local.path = "/var/lib/authelia-main/db.sqlite3"; };
  };
  services.cloudflared = { enable = true; tunnels.t = { credentialsFile = "/run/agenix/cf"; default = "http_status:404";
    ingress = { "a.example.com" = "http://localhost:80"; "b.example.com" = { service = "http://localhost:81"; path = "/api"; }; }; }; };
  systemd.tmpfiles.rules = [ "d /srv/wiki 0750 root root -" ];
  systemd.services.podman-network-apps = { wantedBy = [ "multi-user.target" ]; serviceConfig = { Type = "oneshot"; RemainAfterExit = true; };
    path = [ pkgs.podman ]; script = "podman network create --ignore apps"; };
  environment.etc."resolv.conf".text = "nameserver 1.1.1.1\\n";
  users.users.traefik = { isSystemUser = true; group = "traefik"; };
  users.groups.traefik = { };
  assertions = [ { assertion = config.services.traefik.enable; message = "traefik"; } ];
  warnings = lib.optional false "never";
}`;

describe.each(nixosReleases)("declared options of NixOS %s: everything nixjs emits, with NixOS's types", (release) => {
  it("accepts one system that sets all of them, and resolves what they imply", () => {
    const v = nixEval(
      systemExpr(
        everything,
        `{
          inherit check;
          app = config.systemd.services.app.requires;
          group = config.age.secrets.traefik-env.group;
          caddyTcp = config.networking.firewall.allowedTCPPorts;
          etc = config.environment.etc."resolv.conf".source.text;
          guestPort = config.containers.wiki.config.networking.firewall.allowedTCPPorts;
        }`,
        release,
      ),
    ) as Record<string, unknown>;
    expect(v["check"]).toEqual({ warnings: [] });
    expect(v["app"]).toEqual(["podman-db.service"]);
    expect(v["group"]).toBe("traefik");
    expect(v["caddyTcp"]).toEqual([80, 443, 80, 443]);
    expect(v["etc"]).toBe("nameserver 1.1.1.1\n");
    expect(v["guestPort"]).toEqual([42]);
  });

  const wrong: readonly (readonly [string, string, string])[] = [
    ["containers.x.forwardPorts", '[ { hostPort = "8080"; } ]', "16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
    ["containers.x.bindMounts", '{ "/a".isReadOnly = "no"; }', "boolean"],
    ["containers.x.localMacAddress", '"zz"', "null or string matching the pattern ([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}"],
    ["containers.x.autoStart", "1", "boolean"],
    ["containers.x.hostAddress", "[ ]", "null or string"],
    ["containers.x.specialArgs", "5", "attribute set of unspecified value"],
    ["networking.nat.internalInterfaces", '"ve-+"', "list of string"],
    ["networking.nat.forwardPorts", '[ { sourcePort = "80-90"; destination = "x"; } ]', "signed integer or string matching the pattern [[:digit:]]+:[[:digit:]]+"],
    ["networking.firewall.allowedTCPPortRanges", "[ { from = 1; to = 70000; } ]", "16 bit unsigned integer; between 0 and 65535 (both inclusive)"],
    ["networking.hostName", '"my.host"', "string matching the pattern ^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$"],
    ["networking.enableIPv6", '"false"', "boolean"],
    ["virtualisation.oci-containers.containers.x", '{ image = "i"; entrypoint = [ "a" ]; }', "null or string"],
    ["virtualisation.oci-containers.containers.x", '{ image = "i"; pull = "sometimes"; }', 'one of "always", "missing", "never", "newer"'],
    ["virtualisation.oci-containers.containers.x", '{ image = "i"; environmentFiles = [ "relative/env" ]; }', "path"],
    ["virtualisation.oci-containers.containers.x", '{ image = "i"; labels.x = true; }', "string"],
    ["virtualisation.oci-containers.containers.x", '{ image = "i"; capabilities.NET_ADMIN = "yes"; }', "null or boolean"],
    ["virtualisation.oci-containers.backend", '"lxc"', 'one of "podman", "docker"'],
    ["services.traefik.environmentFiles", '"/run/agenix/env"', "list of path"],
    ["services.traefik.staticConfigOptions", "{ log.level = null; }", "TOML value"],
    ["services.caddy.virtualHosts", '{ x.extraConfig = { reverse_proxy = "a"; }; }', 'strings concatenated with "\\n"'],
    ["services.caddy.email", "1", "null or string"],
    ["services.caddy.environmentFile", '"caddy.env"', "null or path"],
    ["services.caddy.package", '"caddy"', "package"],
    ["services.caddy.logFormat", '{ level = "INFO"; }', 'strings concatenated with "\\n"'],
    ["age.secrets", '{ x.file = "secrets/x.age"; }', "path"],
    ["age.secrets", '{ x = { file = /etc/hosts; mode = 400; }; }', "string"],
    ["age.secretsMountPoint", '"/run/agenix.d/"', "string (with check: non-empty without trailing slash)"],
    ["age.identityPaths", '"/etc/ssh/ssh_host_ed25519_key"', "list of path"],
    ["services.authelia.instances", '{ main.settings.log.level = "verbose"; }', 'one of "trace", "debug", "info", "warn", "error"'],
    ["services.authelia.instances", '{ main.secrets.jwtSecretFile = "jwt"; }', "null or path"],
    ["services.authelia.instances", '{ main.environmentVariables.X = 1; }', "string"],
    ["services.cloudflared.tunnels", "{ t.ingress.a = 5; }", "string or submodule"],
    ["systemd.tmpfiles.rules", '"d /x"', "list of string"],
    ["system.stateVersion", "25.05", "string"],
  ];

  it.each(wrong)("%s = %s is refused as not `%s'", (path, value, description) => {
    // A container needs a config, an Authelia instance its secrets: only the bad value may fail.
    const context = 'containers.x.config = { }; services.authelia.instances.main.secrets.manual = true;';
    const message = errorOf(systemExpr(`{ imports = [ { ${context} } ]; ${path} = ${value}; }`, "check", release));
    expect(message).toContain(`is not of type \`${description}'`);
  });

  it("refuses options NixOS does not have (a few plausible inventions)", () => {
    for (const [path, name] of [
      ["containers.x.privateUsersRange", "containers.x.privateUsersRange"],
      ["virtualisation.oci-containers.containers.x.envFile", "virtualisation.oci-containers.containers.x.envFile"],
      ["services.traefik.dynamicConfig", "services.traefik.dynamicConfig"],
      ["services.caddy.virtualHosts.x.reverseProxy", "services.caddy.virtualHosts.x.reverseProxy"],
      ["age.secrets.x.owners", "age.secrets.x.owners"],
    ] as const) {
      const module = `{ ${path} = "v"; ${path.startsWith("virtualisation") ? 'virtualisation.oci-containers.containers.x.image = "i";' : ""} ${path.startsWith("age") ? "age.secrets.x.file = /etc/hosts;" : ""} ${path.startsWith("containers") ? "containers.x.config = { };" : ""} }`;
      expect(errorOf(systemExpr(module, "check", release))).toContain(`The option \`${name}' does not exist.`);
    }
  });
});
