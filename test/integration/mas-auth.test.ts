// synadm's own OAuth 2.0 logins, against a real Synapse in MAS mode with the MAS stand-in
// as its MAS: client credentials for MAS's admin API, a person's device login at a real
// terminal (tmux) for both admin APIs, refreshing, the token cache, logging out.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, afterEach, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { BIN, homeWithConfig, runCli, startCli } from "../support/cli.ts";
import { MasStandIn } from "../support/mas-stand-in.ts";
import { tmux } from "../support/runtimes.ts";
import { type SynapseServer, startMasSynapse } from "../support/synapse.ts";

const exec = promisify(execFile);

interface MasUser {
  readonly attributes: { readonly username: string };
}
interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly message: string;
}
const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
const SECRET = "cc-secret-do-not-print";
const standIn = new MasStandIn({ token: "mas_static_admin_token", serverName: "auth.test" });
let server: SynapseServer;

before(async () => {
  const masUrl = await standIn.listen();
  server = await startMasSynapse(standIn, masUrl, { serverName: "auth.test", database: "sqlite" });
  standIn.registerClient({
    clientId: "synadm-robot",
    clientSecret: SECRET,
    grantTypes: ["client_credentials"],
  });
  standIn.registerClient({ clientId: "synadm-cli", grantTypes: [DEVICE_GRANT, "refresh_token"] });
  standIn.seedUser("alice");
  await standIn.callHomeserver("provision_user", { localpart: "alice" });
});
after(async () => {
  await server?.stop();
  await standIn.close();
});
afterEach(() => {
  assert.deepEqual(standIn.violations.splice(0), [], "requests outside MAS's description or the RFCs");
});

function cachePath(home: string): string {
  return join(home, ".cache", "synadm", "oauth-tokens.json");
}

function cached(
  home: string,
): Record<string, { accessToken: string; refreshToken?: string; expiresAt?: number; grant: string }> {
  return JSON.parse(readFileSync(cachePath(home), "utf8"));
}

/** The CLI's view of time passing: every cached token expires now. */
function expireCache(home: string): void {
  const all = cached(home);
  for (const entry of Object.values(all)) entry.expiresAt = Date.now() - 1000;
  writeFileSync(cachePath(home), JSON.stringify(all), { mode: 0o600 });
}

function grants(type: string): number {
  return standIn.tokenRequests.filter((request) => request.grantType === type && request.status === 200)
    .length;
}

function assertNoTokens(home: string, ...outputs: string[]): void {
  for (const entry of Object.values(cached(home)))
    for (const secret of [entry.accessToken, entry.refreshToken, SECRET])
      if (secret)
        for (const output of outputs) assert.ok(!output.includes(secret), "a token or secret was printed");
}

describe("client credentials for MAS's admin API", () => {
  let home = "";
  before(() => {
    home = homeWithConfig(
      [
        `base_url: ${server.baseUrl}`,
        `token: ${server.adminToken}`,
        "format: json",
        "mas_client_id: synadm-robot",
        `mas_client_secret: ${SECRET}`,
        "",
      ].join("\n"),
    );
  });

  it("mas user list gets a token once, and the cache serves the second run; nothing secret at -vv", async () => {
    const first = await runCli(["-vv", "mas", "user", "list"], { home });
    assert.equal(first.code, 0, first.stderr);
    assert.ok(JSON.parse(first.stdout).data.some((user: MasUser) => user.attributes.username === "alice"));
    assert.equal(grants("client_credentials"), 1);
    assert.equal(statSync(cachePath(home)).mode & 0o777, 0o600);
    const second = await runCli(["-vv", "mas", "user", "list"], { home });
    assert.equal(second.code, 0, second.stderr);
    assert.equal(grants("client_credentials"), 1, "the cached token is used");
    assertNoTokens(home, first.stdout, first.stderr, second.stdout, second.stderr);
  });

  it("once expired (the stand-in's clock moved on), a new token is fetched", async () => {
    const before = Object.values(cached(home))[0]!.accessToken;
    standIn.advanceClock(600);
    expireCache(home);
    const result = await runCli(["mas", "user", "list"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(grants("client_credentials"), 2);
    assert.notEqual(Object.values(cached(home))[0]!.accessToken, before);
  });

  it("a cache others can read is made private with a warning", async () => {
    const { chmodSync } = await import("node:fs");
    chmodSync(cachePath(home), 0o644);
    const result = await runCli(["mas", "user", "list"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /could be read by others.*made it private/);
    assert.equal(statSync(cachePath(home)).mode & 0o777, 0o600);
  });

  it("a wrong secret fails in one line naming the OAuth error, without the secret", async () => {
    const wrong = homeWithConfig(
      [
        `base_url: ${server.baseUrl}`,
        `token: ${server.adminToken}`,
        "mas_client_id: synadm-robot",
        "mas_client_secret: not-the-secret",
        "",
      ].join("\n"),
    );
    const result = await runCli(["mas", "user", "list"], { home: wrong });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /invalid_client/);
    assert.ok(!result.stderr.includes("not-the-secret"));
  });
});

describe("client credentials and Synapse's Admin API", () => {
  it("with no token configured, Synapse's Admin API says to log in: a client credentials token has no user", async () => {
    const home = homeWithConfig(
      [`base_url: ${server.baseUrl}`, "mas_client_id: synadm-robot", `mas_client_secret: ${SECRET}`, ""].join(
        "\n",
      ),
    );
    const masUsers = await runCli(["mas", "user", "list"], { home });
    assert.equal(masUsers.code, 0, masUsers.stderr);
    const users = await runCli(["user", "list"], { home });
    assert.equal(users.code, 2, users.stderr);
    assert.match(
      users.stderr,
      /synadm mas login.*client credentials token cannot act on Synapse's Admin API/,
    );
    assert.ok(!users.stderr.includes(SECRET));
  });

  it("and Synapse itself refuses such a token: its introspection names no user", async () => {
    const home = homeWithConfig(
      [`base_url: ${server.baseUrl}`, "mas_client_id: synadm-robot", `mas_client_secret: ${SECRET}`, ""].join(
        "\n",
      ),
    );
    assert.equal((await runCli(["mas", "user", "list"], { home })).code, 0);
    const [entry] = Object.values(cached(home));
    const response = await fetch(`${server.baseUrl}/_synapse/admin/v2/users?guests=false`, {
      headers: { authorization: `Bearer ${entry!.accessToken}` },
    });
    assert.notEqual(response.status, 200);
  });
});

describe("a token MAS issued, configured as Synapse's token", () => {
  it("serves MAS's admin API too when it carries urn:mas:admin, and Synapse's", async () => {
    const token = standIn.issueToken("masadmin", "urn:mas:admin urn:matrix:client:api:* urn:synapse:admin:*");
    const home = homeWithConfig(
      [`base_url: ${server.baseUrl}`, `token: ${token}`, "format: json", ""].join("\n"),
    );
    const masUsers = await runCli(["mas", "user", "list"], { home });
    assert.equal(masUsers.code, 0, masUsers.stderr);
    const users = await runCli(["user", "list"], { home });
    assert.equal(users.code, 0, users.stderr);
    assert.equal(existsSync(cachePath(home)), false, "no OAuth grant was needed");
  });
});

describe("device login at a terminal", () => {
  let home = "";
  const socket = `synadm-auth-${process.pid}`;
  let tmuxBin = "";
  before(async () => {
    tmuxBin = await tmux();
    home = homeWithConfig(
      [`base_url: ${server.baseUrl}`, "format: json", "mas_client_id: synadm-cli", ""].join("\n"),
    );
  });
  after(async () => {
    await exec(tmuxBin, ["-L", socket, "kill-server"]).catch(() => undefined);
  });

  it("synadm mas login shows a code; approved, both admin APIs work with no token configured", async () => {
    const done = join(home, "login-exit");
    const path = `${dirname(process.execPath)}:/usr/bin:/bin`;
    const command = `env -i HOME=${home} PATH=${path} TERM=xterm ${BIN} mas login; echo $? > ${done}; sleep 60`;
    await exec(tmuxBin, ["-L", socket, "new-session", "-d", "-s", "login", "-x", "160", "-y", "40", command]);
    let pane = "";
    let code: string | undefined;
    for (let i = 0; i < 100 && !code; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      pane = (await exec(tmuxBin, ["-L", socket, "capture-pane", "-p", "-t", "login"])).stdout;
      code = /enter the code: ([A-Z]{4}-[A-Z]{4})/.exec(pane)?.[1];
    }
    assert.ok(code, `no user code on the terminal:\n${pane}`);
    assert.match(pane, new RegExp(`open ${standIn.baseUrl}/link`));
    assert.deepEqual(standIn.pendingUserCodes, [code]);
    standIn.approveDevice(code, "masadmin");
    for (let i = 0; i < 100 && !existsSync(done); i++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    pane = (await exec(tmuxBin, ["-L", socket, "capture-pane", "-p", "-t", "login"])).stdout;
    assert.equal(readFileSync(done, "utf8").trim(), "0", pane);
    assert.match(pane, /Logged in/);
    assert.equal(grants(DEVICE_GRANT), 1);
    assert.equal(statSync(cachePath(home)).mode & 0o777, 0o600);
    assertNoTokens(home, pane);

    const users = await runCli(["-vv", "user", "list"], { home });
    assert.equal(users.code, 0, users.stderr);
    assert.ok(
      JSON.parse(users.stdout).users.some((user: { name: string }) => user.name === "@alice:auth.test"),
    );
    const masUsers = await runCli(["mas", "user", "list"], { home });
    assert.equal(masUsers.code, 0, masUsers.stderr);
    assert.ok(JSON.parse(masUsers.stdout).data.some((user: MasUser) => user.attributes.username === "alice"));
    assertNoTokens(home, users.stdout, users.stderr, masUsers.stdout);
  });

  it("synadm doctor says where the token comes from and when it expires", async () => {
    const result = await runCli(["-o", "json", "doctor"], { home });
    const report = JSON.parse(result.stdout);
    const token = report.findings.find((f: Finding) => f.check === "token" && /device login/.test(f.message));
    assert.ok(token, result.stdout);
    assert.equal(token.severity, "ok");
    assert.match(token.message, /expires at \d{4}-\d\d-\d\dT.* and is renewed before then/);
    assert.ok(
      report.findings.some((f: Finding) => f.check === "config" && /device login/.test(f.message)),
      result.stdout,
    );
    assertNoTokens(home, result.stdout, result.stderr);
  });

  it("once expired, the login is refreshed (rotating the refresh token) and keeps working", async () => {
    const [before] = Object.values(cached(home));
    standIn.advanceClock(600);
    expireCache(home);
    const result = await runCli(["mas", "user", "list"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(grants("refresh_token"), 1);
    const [after] = Object.values(cached(home));
    assert.notEqual(after!.accessToken, before!.accessToken);
    assert.notEqual(after!.refreshToken, before!.refreshToken);
    const users = await runCli(["user", "list"], { home });
    assert.equal(users.code, 0, users.stderr);
  });

  it("a refused login ends in one line, and keeps nothing", async () => {
    const other = homeWithConfig([`base_url: ${server.baseUrl}`, "mas_client_id: synadm-cli", ""].join("\n"));
    const started = startCli(["mas", "login"], { home: other, timeoutMs: 30_000 });
    let stderr = "";
    started.child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    for (let i = 0; i < 100 && !/code: [A-Z]{4}-[A-Z]{4}/.test(stderr); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    standIn.denyDevice(/code: ([A-Z]{4}-[A-Z]{4})/.exec(stderr)![1]!);
    const result = await started.result;
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr.trim().split("\n").at(-1)!, /^Error: the login was refused/);
    assert.equal(existsSync(cachePath(other)), false);
  });

  it("mas logout revokes and forgets; then no token is left for Synapse's Admin API", async () => {
    const [entry] = Object.values(cached(home));
    const result = await runCli(["mas", "logout"], { home });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(standIn.revocations.includes(entry!.refreshToken!));
    assert.ok(standIn.revocations.includes(entry!.accessToken));
    assert.equal(existsSync(cachePath(home)), false);
    const users = await runCli(["user", "list"], { home });
    assert.equal(users.code, 2, users.stderr);
    assert.match(users.stderr, /synadm mas login/);
  });
});

describe("synadm config on a server that delegates auth", () => {
  const answers = (...mas: string[]) =>
    ["", "", server.baseUrl, "", "", "json", "", "", "", "", ...mas].join("\n");

  it("asks for the MAS client and logs in with a device code when told to; no token needed", async () => {
    const home = homeWithConfig("");
    const started = startCli(["config"], {
      home,
      input: `${answers("synadm-cli", "y")}\n`,
      timeoutMs: 30_000,
    });
    let stderr = "";
    started.child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    for (let i = 0; i < 100 && !/code: [A-Z]{4}-[A-Z]{4}/.test(stderr); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const code = /code: ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1];
    assert.ok(code, stderr);
    standIn.approveDevice(code, "masadmin");
    const result = await started.result;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /delegates auth to the Matrix Authentication Service/);
    const file = readFileSync(join(home, ".config", "synadm.yaml"), "utf8");
    assert.match(file, /^mas_client_id: synadm-cli$/m);
    assert.match(file, /^token: ""$/m);
    const users = await runCli(["user", "list"], { home });
    assert.equal(users.code, 0, users.stderr);
    assertNoTokens(home, result.stderr, users.stdout, file);
  });

  it("the end of input is No: the settings are written, nobody is logged in", async () => {
    const home = homeWithConfig("");
    const result = await runCli(["config"], { home, input: `${answers("synadm-cli")}\n` });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Log in now with a device code\? \[y\/N\]/);
    assert.match(readFileSync(join(home, ".config", "synadm.yaml"), "utf8"), /^mas_client_id: synadm-cli$/m);
    assert.equal(existsSync(cachePath(home)), false);
    assert.deepEqual(standIn.pendingUserCodes, []);
  });
});
