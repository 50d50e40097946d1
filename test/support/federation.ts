// Two real Synapses that federate with each other over loopback: each is named
// `127.0.0.1:<port>` of its own TLS federation listener (a self-signed
// certificate made here, which neither checks), next to its usual plain
// client/admin listener. Loopback is a federation destination they may reach, and
// keys are fetched from the servers themselves (no trusted key server).
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_ROOT, freePort, type SynapseServer, startSynapse } from "./synapse.ts";

const run = promisify(execFile);

/** A Synapse of a federating pair. */
export interface FederatingServer extends SynapseServer {
  /** The port of its TLS federation listener, part of its server name. */
  readonly federationPort: number;
}

/** Two federating Synapses; `stop` stops both and removes what was made for them. */
export interface FederatingPair {
  readonly a: FederatingServer;
  readonly b: FederatingServer;
  stop(): Promise<void>;
}

/** Makes a self-signed certificate for 127.0.0.1 in `dir` (on the host) with the root's openssl. */
async function selfSignedCertificate(root: string, dir: string): Promise<void> {
  await run("chroot", [
    root,
    "openssl",
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=127.0.0.1",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
    "-keyout",
    `${dir}/key.pem`,
    "-out",
    `${dir}/cert.pem`,
  ]);
}

/** The listener and settings that make a Synapse federate over loopback with `dir`'s certificate. */
function federationConfig(port: number, dir: string): { listeners: string[]; extraConfig: string[] } {
  return {
    listeners: [
      `  - port: ${port}`,
      "    bind_addresses: ['127.0.0.1']",
      "    type: http",
      "    tls: true",
      "    x_forwarded: false",
      "    resources:",
      "      - names: [federation]",
      "        compress: false",
    ],
    extraConfig: [
      `tls_certificate_path: ${dir}/cert.pem`,
      `tls_private_key_path: ${dir}/key.pem`,
      // The other server's certificate is self-signed.
      "federation_verify_certificates: false",
      // Loopback is in Synapse's default blocklist of destinations, and ip_range_whitelist does not
      // lift it for a server named by an IP literal (its BlocklistingAgentWrapper checks the
      // blocklist alone): federation gets a blocklist of its own, which keeps only 0.0.0.0 and ::.
      "federation_ip_range_blacklist: []",
      // Retries of a failed destination would otherwise back off for minutes.
      "federation: { destination_min_retry_interval: 1s, destination_max_retry_interval: 5s }",
    ],
  };
}

/**
 * Starts two Synapses (SQLite, side by side) named `127.0.0.1:<federation port>`.
 * If either fails to start, the other is stopped before the error is thrown.
 */
export async function startFederatingPair(root: string = DEFAULT_ROOT): Promise<FederatingPair> {
  // Inside the root (Synapse runs chrooted), one directory for the certificate of both.
  const dir = `/srv/synadm-federation-${process.pid}-${Date.now()}`;
  const hostDir = join(root, dir);
  mkdirSync(hostDir, { recursive: true });
  const removeDir = () => rmSync(hostDir, { recursive: true, force: true });
  try {
    await selfSignedCertificate(root, dir);
    const ports = [await freePort(), await freePort()];
    const started = await Promise.allSettled(
      ports.map(async (federationPort) => {
        const server = await startSynapse({
          root,
          serverName: `127.0.0.1:${federationPort}`,
          database: "sqlite",
          ...federationConfig(federationPort, dir),
        });
        return { ...server, federationPort } satisfies FederatingServer;
      }),
    );
    const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const failure = started.find((result) => result.status === "rejected");
    if (failure) {
      await Promise.all(servers.map((server) => server.stop()));
      throw failure.reason;
    }
    const [a, b] = servers as [FederatingServer, FederatingServer];
    return {
      a,
      b,
      async stop() {
        await Promise.all([a.stop(), b.stop()]);
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

/** A JSON answer of a server. */
export interface Answer {
  readonly status: number;
  readonly json: any;
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** The test/support/server.ts helpers, for one server of a pair rather than the usual one. */
export interface ServerApi {
  readonly server: SynapseServer;
  /** The Admin API as the server's admin. */
  admin(method: string, path: string, body?: unknown): Promise<Answer>;
  /** The client-server API (v3) as the owner of `token`. */
  client(token: string, method: string, path: string, body?: unknown): Promise<Answer>;
  /** A full user ID on this server. */
  mxid(localpart: string): string;
  /** Creates a local user through the Admin API and logs it in; returns its ID and token. */
  user(localpart: string): Promise<{ userId: string; token: string }>;
  /** Rows of a read-only query on the server's SQLite database, each column as text (NULL as ""). */
  rows(sql: string): Promise<string[][]>;
}

/** Fails with what the server answered unless it is a success. */
export function ok(answer: Answer, what: string): any {
  if (answer.status >= 300) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

export function serverApi(server: SynapseServer): ServerApi {
  const base = `http://127.0.0.1:${new URL(server.baseUrl).port}`;
  const api: ServerApi = {
    server,
    admin: (method, path, body) => call(`${base}/_synapse/admin${path}`, server.adminToken, method, body),
    client: (token, method, path, body) => call(`${base}/_matrix/client/v3${path}`, token, method, body),
    mxid: (localpart) => `@${localpart}:${server.serverName}`,
    async user(localpart) {
      const userId = api.mxid(localpart);
      const password = `pw-${localpart}`;
      ok(await api.admin("PUT", `/v2/users/${encodeURIComponent(userId)}`, { password }), `create ${userId}`);
      const login = await call(`${base}/_matrix/client/v3/login`, "", "POST", {
        type: "m.login.password",
        identifier: { type: "m.id.user", user: localpart },
        password,
      });
      return { userId, token: ok(login, `log in ${userId}`).access_token as string };
    },
    async rows(sql) {
      const script =
        "import sqlite3,sys\n" +
        "db=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\n" +
        "for row in db.execute(sys.argv[2]): print('|'.join('' if v is None else str(v) for v in row))\n";
      const { stdout } = await run("python3", ["-c", script, join(server.hostDataDir, "homeserver.db"), sql]);
      return stdout
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.split("|"));
    },
  };
  return api;
}

/**
 * Polls `read` every 200 ms until `done` holds of what it read, at most
 * `timeoutMs`; returns the last value read, for the caller to assert on.
 */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The joined members of a room as a server's Admin API gives them ([] when it does not know the room). */
export async function joinedMembers(api: ServerApi, roomId: string): Promise<string[]> {
  const answer = await api.admin("GET", `/v1/rooms/${encodeURIComponent(roomId)}/members`);
  return answer.status === 200 ? (answer.json.members as string[]) : [];
}
