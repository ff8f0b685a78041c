/**
 * Short options that take a password in particular programs (`mysql -pSECRET`, `redis-cli -a
 * SECRET`): a one-letter flag says nothing by itself (`-p` publishes a port to Podman), so
 * these are read only after the program's name. Data: one row per program family.
 */

export interface ToolFlag {
  /** Basenames of the programs. */
  readonly tools: ReadonlySet<string>;
  /** The flags, exactly as written. */
  readonly flags: ReadonlySet<string>;
  /**
   * `"glued"`: only `-pSECRET` (mysql: a lone `-p` prompts, and the next word is the
   * database); `"both"`: also `-a SECRET`.
   */
  readonly form: "glued" | "both";
  /** A word that must also appear (`login` for `docker login -p`). */
  readonly with?: string;
  /** Which part of the value is the secret, if not all of it (curl `user:password`). */
  readonly secretPart?: (value: string) => string;
  readonly why: string;
}

const after = (sep: string) => (value: string) => (value.includes(sep) ? value.slice(value.indexOf(sep) + 1) : "");

export const TOOL_FLAGS: readonly ToolFlag[] = [
  {
    tools: new Set(["mysql", "mariadb", "mysqldump", "mariadb-dump", "mysqladmin", "mariadb-admin", "mysqlimport", "mysqlcheck", "mysqlshow"]),
    flags: new Set(["-p"]),
    form: "glued",
    why: "mysql -p<password>",
  },
  { tools: new Set(["redis-cli", "valkey-cli"]), flags: new Set(["-a"]), form: "both", why: "redis-cli -a <password>" },
  { tools: new Set(["sshpass"]), flags: new Set(["-p"]), form: "both", why: "sshpass -p <password>" },
  {
    tools: new Set(["mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport"]),
    flags: new Set(["-p"]),
    form: "both",
    why: "mongosh -p <password>",
  },
  {
    tools: new Set(["docker", "podman", "nerdctl", "buildah", "skopeo", "helm"]),
    flags: new Set(["-p"]),
    form: "both",
    with: "login",
    why: "<tool> login -p <password>",
  },
  // curl -u user:password (-u user alone prompts); the same for proxies
  { tools: new Set(["curl"]), flags: new Set(["-u", "--user", "-U", "--proxy-user"]), form: "both", secretPart: after(":"), why: "curl -u user:<password>" },
  // smbclient -U user%password
  { tools: new Set(["smbclient", "rpcclient", "smbcacls"]), flags: new Set(["-U", "--user"]), form: "both", secretPart: after("%"), why: "smbclient -U user%<password>" },
  // openssl -passin pass:<password> (file:, env:, fd: are references); openssl enc -k <password>
  {
    tools: new Set(["openssl"]),
    flags: new Set(["-passin", "-passout", "-pass", "-k"]),
    form: "both",
    secretPart: (v) => (v.startsWith("pass:") ? v.slice(5) : /^(?:file|env|fd|stdin):?/.test(v) ? "" : v),
    why: "openssl -passin pass:<password>",
  },
];

/** htpasswd, whose batch mode (`-b`) takes the password as a positional argument (see `command-line.ts`). */
export const HTPASSWD: ReadonlySet<string> = new Set(["htpasswd"]);

/** Options that put an environment variable (`-e K=V`) or a label into a container or unit. */
export const ENV_FLAGS: ReadonlySet<string> = new Set(["-e", "--env", "--build-arg", "--setenv", "-E"]);
export const LABEL_FLAGS: ReadonlySet<string> = new Set(["-l", "--label"]);

/**
 * Long options whose name says secret but whose value is a reference: Podman's, Docker's and
 * BuildKit's `--secret name[,type=env,target=X]` names a secret the engine stores.
 */
export const REFERENCE_FLAGS: ReadonlySet<string> = new Set(["secret"]);
