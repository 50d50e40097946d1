// Provisions and runs a real Synapse for the integration tests and the demo:
// a Debian unstable root with matrix-synapse and the reference synadm, kept
// outside the work tree and reused; one fresh server (SQLite, loopback) per run.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import type { MasStandIn } from "./mas-stand-in.ts";

const run = promisify(execFile);

/** Where the Debian root lives; reused across runs. */
export const DEFAULT_ROOT = process.env["SYNADM_TEST_ROOT"] || "/var/tmp/synadm-test-root";

/** A running test server. */
export interface SynapseServer {
  readonly baseUrl: string;
  readonly serverName: string;
  readonly adminUser: string;
  readonly adminPassword: string;
  readonly adminToken: string;
  readonly sharedSecret: string;
  readonly root: string;
  /** The data directory as a path inside the root. */
  readonly dataDir: string;
  /** The same directory seen from the host. */
  readonly hostDataDir: string;
  readonly pid: number;
  readonly database: TestDatabase;
  /** The loopback port of its PostgreSQL server, on PostgreSQL. */
  readonly postgresPort: number | undefined;
  stop(): Promise<void>;
}

type Log = (message: string) => void;
const stderrLog: Log = (message) => process.stderr.write(`${message}\n`);

/** The file name of the test server's Unix socket listener, in its data directory. */
export const SOCKET_NAME = "synapse.sock";

/** The shells the completion scripts are loaded in (bash is the host's). */
export const TEST_SHELLS = ["zsh", "fish"] as const;
/** The database servers the tests can run Synapse on; PostgreSQL is Debian's, in the root. */
export type TestDatabase = "sqlite" | "postgres";
/** Packages added to a root provisioned before they were part of it. */
// nginx, Redis and hiredis (which Synapse's redis extra asks for): the worker deployment (test/support/workers.ts).
const ADDED_PACKAGES: readonly string[] = [
  ...TEST_SHELLS,
  "postgresql",
  "nginx",
  "redis-server",
  "python3-hiredis",
];
const PACKAGES = ["matrix-synapse", "synadm", "ca-certificates", ...ADDED_PACKAGES].join(",");
// The package mirror reachable here is a frozen snapshot whose Release file has "expired".
const NO_VALID_UNTIL = 'Acquire::Check-Valid-Until "false"';

/** Creates the Debian root with Synapse and the reference synadm unless it is already there. */
export async function provisionRoot(root: string = DEFAULT_ROOT, log: Log = stderrLog): Promise<void> {
  if (
    existsSync(join(root, "usr/bin/synadm")) &&
    existsSync(join(root, "usr/lib/python3/dist-packages/synapse"))
  ) {
    await addPackages(root, log);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!(await commandExists("mmdebstrap"))) {
    if (!isRoot)
      throw new Error("mmdebstrap is missing: install it (apt-get install mmdebstrap) and run again");
    log("Installing mmdebstrap...");
    await run("apt-get", ["update", "-qq"], { maxBuffer: 64 << 20 });
    await run("apt-get", ["install", "-y", "-qq", "mmdebstrap"], { maxBuffer: 64 << 20 });
  }
  // Built aside and renamed, so an interrupted run never leaves a root that looks complete.
  const partial = `${root}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  log(`Provisioning a Debian unstable root with ${PACKAGES} in ${root} (about a minute, 450 MB)...`);
  const args = [
    "--variant=apt",
    `--aptopt=${NO_VALID_UNTIL}`,
    `--include=${PACKAGES}`,
    ...(isRoot ? [] : ["--mode=unshare"]),
    "sid",
    partial,
    debianMirror(),
  ];
  try {
    await run("mmdebstrap", args, { maxBuffer: 256 << 20 });
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    const output = `${(error as { stderr?: string }).stderr ?? ""}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`mmdebstrap failed:\n${output}`);
  }
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
}

/**
 * The Debian archive the host's apt uses (its first `deb` source that is not a
 * security archive), so the root comes from wherever this machine gets its
 * packages; SYNADM_TEST_MIRROR overrides it.
 */
export function debianMirror(aptDir = "/etc/apt"): string {
  const override = process.env["SYNADM_TEST_MIRROR"];
  if (override) return override;
  const files = [join(aptDir, "sources.list")];
  const partDir = join(aptDir, "sources.list.d");
  if (existsSync(partDir))
    files.push(
      ...readdirSync(partDir)
        .sort()
        .map((name) => join(partDir, name)),
    );
  for (const file of files) {
    if (!existsSync(file) || !/(?:\.list|\.sources)$/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    const uri = file.endsWith(".sources") ? deb822Mirror(text) : oneLineMirror(text);
    if (uri) return uri;
  }
  throw new Error(`no Debian archive found in ${aptDir}'s sources: set SYNADM_TEST_MIRROR to one`);
}

function deb822Mirror(text: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const field = (name: string): string =>
      stanza.match(new RegExp(`^${name}:[ \\t]*(.*)$`, "im"))?.[1]?.trim() ?? "";
    if (!field("Types").split(/\s+/).includes("deb") || /-security\b/.test(field("Suites"))) continue;
    const uri = field("URIs").split(/\s+/)[0];
    if (uri) return uri;
  }
  return undefined;
}

function oneLineMirror(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const words = line
      .replace(/\[[^\]]*\]/, "")
      .trim()
      .split(/\s+/);
    if (words[0] === "deb" && words[1] && !/-security\b/.test(words[2] ?? "")) return words[1];
  }
  return undefined;
}

/** Installs the packages a root provisioned before they were part of it lacks (the shells, PostgreSQL). */
async function addPackages(root: string, log: Log): Promise<void> {
  const installed = installedPackages(root);
  const missing = ADDED_PACKAGES.filter((name) => !installed.has(name));
  if (missing.length === 0) return;
  log(`Installing ${missing.join(", ")} into ${root}...`);
  // A package's maintainer scripts must not start services (PostgreSQL's main cluster) inside the root.
  preventServiceStarts(root);
  // mmdebstrap leaves no package lists behind; the lock timeout lets concurrent test runs wait for each other.
  const apt = ["apt-get", "-o", "Acquire::Check-Valid-Until=false", "-o", "DPkg::Lock::Timeout=300"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // postgresql-common's postinst runs systemd-tmpfiles, which needs /proc.
  const proc = join(root, "proc");
  const mounted = !existsSync(join(proc, "self"));
  if (mounted) await run("mount", ["-t", "proc", "proc", proc]);
  try {
    await run("chroot", [root, ...apt, "update", "-qq"], { maxBuffer: 64 << 20 });
    // Finishes an installation an earlier run left half done.
    await run("chroot", [root, "dpkg", "--configure", "-a"], { maxBuffer: 64 << 20, env });
    await run("chroot", [root, ...apt, "install", "-y", "-qq", "--no-install-recommends", ...missing], {
      maxBuffer: 64 << 20,
      env,
    });
  } catch (error) {
    const output = `${(error as { stderr?: string }).stderr ?? ""}`.trim().split("\n").slice(-20).join("\n");
    throw new Error(`installing ${missing.join(", ")} into ${root} failed:\n${output}`);
  } finally {
    if (mounted) await run("umount", ["-l", proc]);
  }
}

/** The packages dpkg has fully installed in the root (a half-configured one is not). */
function installedPackages(root: string): Set<string> {
  const names = new Set<string>();
  for (const stanza of readFileSync(join(root, "var/lib/dpkg/status"), "utf8").split(/\n\n+/)) {
    const name = /^Package: (.+)$/m.exec(stanza)?.[1];
    if (name && /^Status: install ok installed$/m.test(stanza)) names.add(name);
  }
  return names;
}

/** Debian's policy-rc.d hook: 101 tells invoke-rc.d that no service may start. */
function preventServiceStarts(root: string): void {
  const hook = join(root, "usr/sbin/policy-rc.d");
  if (!existsSync(hook)) writeFileSync(hook, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
}

/** The directory of PostgreSQL's programs in the root (/usr/lib/postgresql/<major>/bin), newest major first. */
function postgresBinDir(root: string): string | undefined {
  const base = join(root, "usr/lib/postgresql");
  if (!existsSync(base)) return undefined;
  const major = readdirSync(base)
    .filter((name) => existsSync(join(base, name, "bin/postgres")))
    .sort((a, b) => Number(b) - Number(a))[0];
  return major === undefined ? undefined : `/usr/lib/postgresql/${major}/bin`;
}

/** Options of {@link startSynapse}. */
export interface StartOptions {
  readonly root?: string;
  readonly port?: number;
  readonly serverName?: string;
  readonly log?: Log;
  /** Leave the server running after this process exits (the demo). */
  readonly keepRunning?: boolean;
  /** The database Synapse runs on (default: {@link testDatabaseFromEnv}). */
  readonly database?: TestDatabase;
  /** More listeners, as YAML lines of list entries (`  - port: ...`), after the usual two. */
  readonly listeners?: readonly string[];
  /** More top-level configuration lines (e.g. federation's), at the end of homeserver.yaml. */
  readonly extraConfig?: readonly string[];
  /**
   * MAS mode: authentication delegated to the MAS at `endpoint`, sharing
   * `secret`; no password login, registration or shared secret. The admin is
   * whoever `provisionAdmin` makes (called once Synapse answers), and its token
   * is the one it answers.
   */
  readonly mas?: MasMode;
  /** Application services' registration files (YAML texts), listed in `app_service_config_files`. */
  readonly appservices?: readonly string[];
}

/** How a Synapse in MAS mode is reached by, and gets its admin from, its MAS. */
export interface MasMode {
  readonly endpoint: string;
  readonly secret: string;
  provisionAdmin(baseUrl: string): Promise<{ user: string; token: string }>;
}

/** The database of the test server: SYNADM_TEST_DATABASE (`sqlite`, `postgres`), SQLite when unset. */
export function testDatabaseFromEnv(): TestDatabase {
  const named = process.env["SYNADM_TEST_DATABASE"] || "sqlite";
  if (named === "sqlite" || named === "postgres") return named;
  throw new Error(`SYNADM_TEST_DATABASE=${named}: use sqlite or postgres`);
}

/** Starts a fresh Synapse on a loopback port, registers an admin and logs it in. */
export async function startSynapse(options: StartOptions = {}): Promise<SynapseServer> {
  const root = options.root ?? DEFAULT_ROOT;
  const log = options.log ?? stderrLog;
  await provisionRoot(root, log);
  const port = options.port ?? (await freePort());
  const serverName = options.serverName ?? "synadm.test";
  const dataDir = `/srv/synadm-test-${process.pid}-${Date.now()}`;
  const hostDataDir = join(root, dataDir);
  mkdirSync(hostDataDir, { recursive: true });
  const sharedSecret = randomBytes(16).toString("hex");
  const database = options.database ?? testDatabaseFromEnv();
  let postgres: Postgres | undefined;
  try {
    if (database === "postgres") postgres = await startPostgres(root, hostDataDir, dataDir, log);
  } catch (error) {
    await postgres?.stop();
    rmSync(hostDataDir, { recursive: true, force: true });
    throw error;
  }
  const registrations = (options.appservices ?? []).map((text, i) => {
    writeFileSync(join(hostDataDir, `appservice-${i}.yaml`), text);
    return `${dataDir}/appservice-${i}.yaml`;
  });
  writeFileSync(
    join(hostDataDir, "homeserver.yaml"),
    homeserverConfig({
      serverName,
      port,
      ...(options.listeners ? { listeners: options.listeners } : {}),
      dataDir,
      sharedSecret,
      postgresPort: postgres?.port,
      ...(options.mas ? { mas: options.mas } : {}),
      ...(registrations.length
        ? { extra: [`app_service_config_files: ${JSON.stringify(registrations)}`] }
        : {}),
    }),
  );
  writeFileSync(join(hostDataDir, "log.config"), logConfig(dataDir));
  // Appended rather than passed as homeserverConfig's `extra`, which other options fill.
  if (options.extraConfig)
    appendFileSync(
      join(hostDataDir, "homeserver.yaml"),
      options.extraConfig.map((line) => `${line}\n`).join(""),
    );
  const config = join(dataDir, "homeserver.yaml");
  await run("chroot", [root, "python3", "-m", "synapse.app.homeserver", "-c", config, "--generate-keys"]);

  // Synapse never inherits our stdout: a test runner's output must not be held open by it.
  const output = openSync(join(hostDataDir, "stdout.log"), "a");
  const child = spawn("chroot", [root, "python3", "-m", "synapse.app.homeserver", "-c", config], {
    stdio: ["ignore", output, output],
    detached: true,
  });
  const pid = child.pid!;
  let stopped = false;
  const kill = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = (): void => {
    kill("SIGKILL");
    postgres?.kill();
  };
  if (options.keepRunning) child.unref();
  else process.on("exit", onExit);

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    kill("SIGTERM");
    if (!(await exited(child, pid, 10_000))) kill("SIGKILL");
    await exited(child, pid, 5_000);
    await postgres?.stop();
    rmSync(hostDataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(port, child, 60_000);
    let admin: { user: string; password: string; token: string };
    if (options.mas) {
      const provisioned = await options.mas.provisionAdmin(`http://127.0.0.1:${port}`);
      admin = { ...provisioned, password: "" };
    } else {
      const password = randomBytes(12).toString("hex");
      await registerWithSharedSecret(root, port, sharedSecret, "admin", password, true);
      admin = { user: "admin", password, token: await login(port, "admin", password) };
    }
    return {
      baseUrl: `http://localhost:${port}`,
      serverName,
      adminUser: admin.user,
      adminPassword: admin.password,
      adminToken: admin.token,
      sharedSecret: options.mas ? "" : sharedSecret,
      root,
      dataDir,
      hostDataDir,
      pid,
      database,
      postgresPort: postgres?.port,
      stop,
    };
  } catch (error) {
    const logs = ["homeserver.log", "stdout.log", "postgres/postgres.log"]
      .map((name) => tail(join(hostDataDir, name), 30))
      .join("\n");
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}

/** The scope of the admin's token on a Synapse in MAS mode: the client API and Synapse's admin API. */
export const MAS_ADMIN_SCOPE = "urn:matrix:client:api:* urn:synapse:admin:*";

/**
 * Starts a second Synapse, in MAS mode, with `standIn` (already listening) as
 * its MAS: the stand-in is connected to it, creates the admin `masadmin` as MAS
 * would (provisioned in Synapse, with a device) and issues its token.
 */
export async function startMasSynapse(
  standIn: MasStandIn,
  endpoint: string,
  options: Omit<StartOptions, "mas"> = {},
): Promise<SynapseServer> {
  const secret = randomBytes(16).toString("hex");
  return startSynapse({
    ...options,
    mas: {
      endpoint,
      secret,
      async provisionAdmin(baseUrl) {
        standIn.connectHomeserver(baseUrl, secret);
        const user = "masadmin";
        standIn.seedUser(user, { admin: true });
        await standIn.callHomeserver("provision_user", { localpart: user, set_displayname: "MAS admin" });
        const device = "MASADMINDEV";
        await standIn.callHomeserver("upsert_device", { localpart: user, device_id: device });
        // A next-generation session names its device in the scope.
        const token = standIn.issueToken(user, `${MAS_ADMIN_SCOPE} urn:matrix:client:device:${device}`);
        return { user, token };
      },
    },
  });
}

/** The server named by SYNADM_TEST_BASE_URL and SYNADM_TEST_TOKEN, if both are set. */
export function testServerFromEnv(): { baseUrl: string; adminToken: string } | undefined {
  const baseUrl = process.env["SYNADM_TEST_BASE_URL"];
  const adminToken = process.env["SYNADM_TEST_TOKEN"];
  return baseUrl && adminToken ? { baseUrl, adminToken } : undefined;
}

/** Registers a user with the shared secret, as `synapse_register_new_matrix_user` does. */
export async function registerUser(
  server: SynapseServer,
  localpart: string,
  password: string,
  admin = false,
): Promise<void> {
  await registerWithSharedSecret(
    server.root,
    Number(new URL(server.baseUrl).port),
    server.sharedSecret,
    localpart,
    password,
    admin,
  );
}

export async function registerWithSharedSecret(
  root: string,
  port: number,
  secret: string,
  user: string,
  password: string,
  admin: boolean,
): Promise<void> {
  const args = [
    root,
    "synapse_register_new_matrix_user",
    "-u",
    user,
    "-p",
    password,
    admin ? "-a" : "--no-admin",
  ];
  await run("chroot", [...args, "-k", secret, `http://127.0.0.1:${port}`]);
}

export function homeserverConfig(options: {
  serverName: string;
  port: number;
  dataDir: string;
  sharedSecret: string;
  postgresPort: number | undefined;
  /** More top-level lines (the worker deployment's). */
  extra?: readonly string[];
  /** More listener entries (see {@link StartOptions.listeners}). */
  listeners?: readonly string[];
  /** MAS mode (see {@link StartOptions.mas}). */
  mas?: { endpoint: string; secret: string };
}): string {
  const { serverName, port, dataDir, sharedSecret, postgresPort } = options;
  const unlimited = "{ per_second: 1000, burst_count: 10000 }";
  const limits = [
    "rc_message",
    "rc_registration",
    "rc_registration_token_validity",
    "rc_admin_redaction",
    "rc_joins_per_room",
    "rc_3pid_validation",
    "rc_third_party_invite",
    "rc_media_create",
    "rc_delayed_event_mgmt",
    "rc_room_creation",
    "rc_reports",
    "rc_user_directory",
    "rc_key_requests",
  ].map((key) => `${key}: ${unlimited}`);
  return [
    `server_name: ${serverName}`,
    `pid_file: ${dataDir}/homeserver.pid`,
    "listeners:",
    `  - port: ${port}`,
    "    bind_addresses: ['127.0.0.1']",
    "    type: http",
    "    tls: false",
    "    x_forwarded: false",
    "    resources:",
    "      - names: [client, federation]",
    "        compress: false",
    // The same server on a Unix socket (SOCKET_NAME in the data directory), as synadm's `protocol: unix` uses it.
    `  - path: ${dataDir}/${SOCKET_NAME}`,
    "    type: http",
    "    resources:",
    "      - names: [client]",
    "        compress: false",
    ...(options.listeners ?? []),
    ...(postgresPort === undefined
      ? ["database:", "  name: sqlite3", "  args:", `    database: ${dataDir}/homeserver.db`]
      : [
          "database:",
          "  name: psycopg2",
          "  args:",
          "    user: synapse",
          "    database: synapse",
          "    host: 127.0.0.1",
          `    port: ${postgresPort}`,
          "    cp_min: 1",
          "    cp_max: 10",
        ]),
    `media_store_path: ${dataDir}/media_store`,
    `signing_key_path: ${dataDir}/signing.key`,
    `log_config: ${dataDir}/log.config`,
    // Synapse refuses password login and registration in MAS mode; shared-secret registration goes with them.
    ...(options.mas
      ? [
          "matrix_authentication_service:",
          "  enabled: true",
          `  endpoint: ${options.mas.endpoint}`,
          `  secret: ${options.mas.secret}`,
          "password_config: { enabled: false }",
        ]
      : [`registration_shared_secret: ${sharedSecret}`]),
    `macaroon_secret_key: ${randomBytes(16).toString("hex")}`,
    `form_secret: ${randomBytes(16).toString("hex")}`,
    "report_stats: false",
    // Test accounts need no strong hashes: the default 12 rounds made registering a few dozen take seconds each batch.
    "bcrypt_rounds: 4",
    "enable_registration: false",
    "trusted_key_servers: []",
    "suppress_key_server_warning: true",
    "url_preview_enabled: false",
    // Lets the account-validity API be tested; accounts stay valid far longer than a test run.
    ...(options.mas ? [] : ["account_validity: { enabled: true, period: 30d }"]),
    // Publishing to the room directory is denied unless a rule allows it.
    "room_list_publication_rules: [{ action: allow }]",
    "server_notices: { system_mxid_localpart: notices, system_mxid_display_name: Notices, room_name: Server Notices }",
    // Background updates (the server's own at start, and the ones the tests start) run without
    // Synapse's one-second pause between batches, so that following one takes a moment, not a minute.
    "background_updates: { sleep_enabled: false, min_batch_size: 100 }",
    ...limits,
    `rc_joins: { local: ${unlimited}, remote: ${unlimited} }`,
    `rc_invites: { per_room: ${unlimited}, per_user: ${unlimited}, per_issuer: ${unlimited} }`,
    `rc_login: { address: ${unlimited}, account: ${unlimited}, failed_attempts: ${unlimited} }`,
    `rc_presence: { per_user: ${unlimited} }`,
    ...(options.extra ?? []),
    "",
  ].join("\n");
}

/** A PostgreSQL server of the root, run by its postgres user for one test server. */
export interface Postgres {
  readonly port: number;
  stop(): Promise<void>;
  /** Ends it at once (the test process is exiting). */
  kill(): void;
}

/**
 * Starts a fresh PostgreSQL cluster in `<dataDir>/postgres` as the root's
 * unprivileged postgres user, on a loopback port, with a `synapse` role
 * (trusted: loopback only, one run) and a `synapse` database in the C locale
 * Synapse asks for. Durability is off: the cluster lives for one test run.
 */
export async function startPostgres(
  root: string,
  hostDataDir: string,
  dataDir: string,
  log: Log,
): Promise<Postgres> {
  const started = Date.now();
  const bin = postgresBinDir(root);
  if (!bin) throw new Error(`PostgreSQL is not installed in ${root}`);
  const { uid, gid } = systemUser(root, "postgres");
  const hostDir = join(hostDataDir, "postgres");
  mkdirSync(hostDir, { mode: 0o700 });
  chownSync(hostDir, uid, gid);
  const dir = `${dataDir}/postgres`;
  const asPostgres = (command: string, ...args: string[]) =>
    run("chroot", [`--userspec=${uid}:${gid}`, root, `${bin}/${command}`, ...args], {
      env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: dir, LANG: "C" },
      maxBuffer: 16 << 20,
    });
  try {
    await asPostgres(
      "initdb",
      "-D",
      `${dir}/data`,
      "-U",
      "synapse",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    );
  } catch (error) {
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
  const port = await freePort();
  const output = openSync(join(hostDir, "postgres.log"), "a");
  const settings = [
    "listen_addresses=127.0.0.1",
    `unix_socket_directories=${dir}`,
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "dynamic_shared_memory_type=mmap",
    "max_connections=50",
  ].flatMap((setting) => ["-c", setting]);
  const child = spawn(
    "chroot",
    [
      `--userspec=${uid}:${gid}`,
      root,
      `${bin}/postgres`,
      "-D",
      `${dir}/data`,
      "-p",
      String(port),
      ...settings,
    ],
    {
      stdio: ["ignore", output, output],
      detached: true,
      env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C" },
    },
  );
  const pid = child.pid!;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // Already gone.
    }
  };
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    // SIGINT: PostgreSQL's fast shutdown (no waiting for clients).
    signal("SIGINT");
    if (!(await exited(child, pid, 10_000))) signal("SIGKILL");
    await exited(child, pid, 5_000);
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL exited early with code ${child.exitCode}`);
      try {
        await asPostgres("pg_isready", "-q", "-h", "127.0.0.1", "-p", String(port));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error("PostgreSQL did not accept connections within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await asPostgres(
      "createdb",
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-U",
      "synapse",
      "-E",
      "UTF8",
      "--locale=C",
      "-T",
      "template0",
      "synapse",
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${tail(join(hostDir, "postgres.log"), 20)}`);
  }
  log(`PostgreSQL is up on 127.0.0.1:${port} (${Date.now() - started} ms)`);
  return { port, stop, kill: () => signal("SIGKILL") };
}

/**
 * Runs SQL in the test server's PostgreSQL database (as its `synapse` role, a
 * superuser of that throw-away cluster) with the root's psql; returns what it printed.
 */
export async function runSql(root: string, port: number, sql: string): Promise<string> {
  const bin = postgresBinDir(root);
  if (!bin) throw new Error(`PostgreSQL is not installed in ${root}`);
  const { uid, gid } = systemUser(root, "postgres");
  const args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port)];
  const { stdout } = await run(
    "chroot",
    [`--userspec=${uid}:${gid}`, root, `${bin}/psql`, ...args, "-U", "synapse", "-d", "synapse", "-c", sql],
    { env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/tmp", LANG: "C" } },
  );
  return stdout;
}

/** The uid and gid of a system user of the root. */
export function systemUser(root: string, name: string): { uid: number; gid: number } {
  const line = readFileSync(join(root, "etc/passwd"), "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`${root} has no user ${name}`);
  return { uid: Number(uid), gid: Number(gid) };
}

export function logConfig(dataDir: string): string {
  return [
    "version: 1",
    "formatters:",
    "  plain: { format: '%(asctime)s %(levelname)s %(name)s: %(message)s' }",
    "handlers:",
    `  file: { class: logging.FileHandler, formatter: plain, filename: ${dataDir}/homeserver.log }`,
    "root: { level: WARNING, handlers: [file] }",
    "disable_existing_loggers: false",
    "",
  ].join("\n");
}

export async function waitForHealth(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Synapse exited early with code ${child.exitCode}`);
    if ((await httpStatus(port, "GET", "/health")) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Synapse did not answer /health within ${timeoutMs / 1000} s`);
}

export async function login(port: number, user: string, password: string): Promise<string> {
  const body = JSON.stringify({
    type: "m.login.password",
    identifier: { type: "m.id.user", user },
    password,
  });
  const response = await fetch(`http://127.0.0.1:${port}/_matrix/client/v3/login`, { method: "POST", body });
  const json = (await response.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`login as ${user} failed: HTTP ${response.status}`);
  return json.access_token;
}

function httpStatus(port: number, method: string, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
    req.end();
  });
}

export async function exited(child: ChildProcess, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null || !alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function commandExists(command: string): Promise<boolean> {
  try {
    await run("sh", ["-c", `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

export function tail(path: string, lines: number): string {
  try {
    return `--- ${path}\n${readFileSync(path, "utf8").trim().split("\n").slice(-lines).join("\n")}`;
  } catch {
    return `--- ${path}: (none)`;
  }
}
