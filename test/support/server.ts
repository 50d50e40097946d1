import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The real Synapse the integration tests run against, as test/run.ts announced it. */
export interface TestServer {
  readonly baseUrl: string;
  readonly token: string;
  readonly serverName: string;
  readonly adminPassword: string | undefined;
  /** The Debian root with the reference synadm, when the server was started here. */
  readonly root: string | undefined;
  /** The server's data directory, as a path inside the root. */
  readonly dataDir: string | undefined;
}

/** Reads the test server from the environment; fails loudly when there is none. */
export function testServer(): TestServer {
  const env = process.env;
  const baseUrl = env["SYNADM_TEST_BASE_URL"];
  const token = env["SYNADM_TEST_TOKEN"];
  if (!baseUrl || !token) {
    throw new Error(
      "no test server: run the tests with 'npm test', or set SYNADM_TEST_BASE_URL and SYNADM_TEST_TOKEN",
    );
  }
  return {
    baseUrl,
    token,
    serverName: env["SYNADM_TEST_SERVER_NAME"] ?? "synadm.test",
    adminPassword: env["SYNADM_TEST_ADMIN_PASSWORD"],
    root: env["SYNADM_TEST_ROOT"],
    dataDir: env["SYNADM_TEST_DATA_DIR"],
  };
}

/** A synadm.yaml for the test server, as the reference writes it, with keys overridden. */
export function configYaml(overrides: Record<string, string | number | boolean> = {}): string {
  const server = testServer();
  const settings: Record<string, string | number | boolean> = {
    admin_path: "/_synapse/admin",
    base_url: server.baseUrl,
    format: "yaml",
    homeserver: "auto-retrieval",
    matrix_path: "/_matrix",
    server_discovery: "well-known",
    ssl_verify: true,
    timeout: 30,
    token: server.token,
    user: "admin",
    ...overrides,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n")
    .concat("\n");
}

/** Calls the Admin API directly (not through synadm) to check the server's state. */
export async function adminApi(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const server = testServer();
  const response = await fetch(`${server.baseUrl}/_synapse/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** What a run of the reference synadm did. */
export interface ReferenceRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The configuration file after the run, if there was one. */
  readonly configAfter: string | undefined;
}

/**
 * Runs the reference synadm 0.49.2 inside the test root, as a black box, with
 * `config` as its configuration file (`null`: no file, for `config` runs that write one),
 * and `input` written to its stdin, which is then closed.
 */
export async function runReference(
  args: readonly string[],
  config: string | null = configYaml(),
  input = "",
): Promise<ReferenceRun> {
  const { root, dataDir } = testServer();
  if (!root || !dataDir) {
    throw new Error(
      "the reference synadm needs SYNADM_TEST_ROOT and SYNADM_TEST_DATA_DIR (set by 'npm test')",
    );
  }
  const inRoot = join(dataDir, `reference-${randomBytes(4).toString("hex")}.yaml`);
  const onHost = join(root, inRoot);
  if (config !== null) writeFileSync(onHost, config, { mode: 0o600 });
  try {
    const run = await new Promise<Omit<ReferenceRun, "configAfter">>((resolve) => {
      const child = execFile("chroot", [root, "synadm", "-c", inRoot, ...args], (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
      child.stdin?.end(input);
    });
    return { ...run, configAfter: existsSync(onHost) ? readFileSync(onHost, "utf8") : undefined };
  } finally {
    rmSync(onHost, { force: true });
  }
}

/** Calls the client-server API as some user (not through synadm). */
export async function clientApi(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${testServer().baseUrl}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** Creates a room as some user through the client API; returns its ID. */
export async function createRoom(token: string, body: Record<string, unknown> = {}): Promise<string> {
  const result = await clientApi(token, "POST", "/createRoom", body);
  if (result.status !== 200) throw new Error(`cannot create a room: ${JSON.stringify(result.json)}`);
  return (result.json as { room_id: string }).room_id;
}

/** Sends a text message into a room as some user through the client API; returns its event ID. */
export async function sendText(token: string, roomId: string, body: string): Promise<string> {
  const txn = `${Date.now()}${Math.random()}`;
  const result = await clientApi(
    token,
    "PUT",
    `/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${txn}`,
    { msgtype: "m.text", body },
  );
  if (result.status !== 200) throw new Error(`cannot send a message: ${JSON.stringify(result.json)}`);
  return (result.json as { event_id: string }).event_id;
}

/** A new room of some user with one text message in it. */
export async function roomWithMessage(
  token: string,
  body: string,
): Promise<{ roomId: string; eventId: string }> {
  const roomId = await createRoom(token);
  return { roomId, eventId: await sendText(token, roomId, body) };
}

/** Uploads a small text file as some user; returns its mxc URI and parts. */
export async function upload(
  token: string,
  name: string,
): Promise<{ uri: string; server: string; id: string }> {
  const response = await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=${name}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
    body: `${name} ${Date.now()}`,
  });
  const { content_uri } = (await response.json()) as { content_uri: string };
  const [, server, id] = /^mxc:\/\/([^/]+)\/(.+)$/.exec(content_uri)!;
  return { uri: content_uri, server: server!, id: id! };
}

/** A full user ID on the test server. */
export function mxid(localpart: string): string {
  return `@${localpart}:${testServer().serverName}`;
}

/** Creates (or resets) a local user directly through the Admin API. */
export async function createUser(
  localpart: string,
  password: string,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const userId = mxid(localpart);
  const result = await adminApi("PUT", `/v2/users/${encodeURIComponent(userId)}`, { password, ...fields });
  if (result.status >= 300) throw new Error(`cannot create ${userId}: HTTP ${result.status}`);
  return userId;
}

/** Logs a user in with a password and returns a new access token (a new device). */
export async function loginUser(localpart: string, password: string): Promise<string> {
  const response = await fetch(`${testServer().baseUrl}/_matrix/client/v3/login`, {
    method: "POST",
    body: JSON.stringify({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: localpart },
      password,
    }),
  });
  const json = (await response.json()) as { access_token?: string };
  if (!json.access_token) throw new Error(`login as ${localpart} failed: HTTP ${response.status}`);
  return json.access_token;
}

/** Waits until Synapse has written a user's last-seen time, which it does in batches every few seconds. */
export async function waitForLastSeen(userId: string): Promise<void> {
  for (let i = 0; ; i++) {
    const { json } = await adminApi("GET", `/v2/users/${encodeURIComponent(userId)}`);
    if ((json as { last_seen_ts?: number | null }).last_seen_ts != null) return;
    if (i >= 100) throw new Error(`the last_seen_ts of ${userId} was never recorded`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Reads a long-running job's status (a room delete, a redaction) every 200 ms
 * until it is `wanted`, at most 50 times; returns the last status read, for
 * the caller to assert on.
 */
export async function pollStatus(read: () => Promise<string>, wanted = "complete"): Promise<string> {
  let status = "";
  for (let i = 0; i < 50 && status !== wanted; i++) {
    status = await read();
    if (status !== wanted) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return status;
}

/** A prefix that keeps one run's users apart from another's on a shared server. */
export function uniquePrefix(): string {
  return `t${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/**
 * Rows of a query on the test server's database, SQLite or PostgreSQL alike,
 * each row its columns as text (NULL as ""). Read-only use: the server is running.
 */
export async function serverRows(sql: string): Promise<string[][]> {
  const { root, dataDir } = testServer();
  if (!root || !dataDir)
    throw new Error("the test server's data directory is unknown: it was not started here");
  let text: string;
  if (process.env["SYNADM_TEST_DATABASE"] === "postgres") {
    const { runSql } = await import("./synapse.ts");
    text = await runSql(root, Number(process.env["SYNADM_TEST_POSTGRES_PORT"]), sql);
  } else {
    const script =
      "import sqlite3,sys\n" +
      "db=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\n" +
      "for row in db.execute(sys.argv[2]): print('|'.join('' if v is None else str(v) for v in row))\n";
    text = await new Promise<string>((resolve, reject) =>
      execFile("python3", ["-c", script, join(root, dataDir, "homeserver.db"), sql], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
  }
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("|"));
}
