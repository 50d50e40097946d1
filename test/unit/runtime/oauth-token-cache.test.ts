import assert from "node:assert/strict";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { OAuthTokenCache } from "../../../src/cli/runtime/settings/oauth-token-cache.ts";
import { runInProcess, unitHome } from "../../support/in-process.ts";

const ISSUER = "https://auth.example.org/";
const METADATA = {
  json: {
    issuer: ISSUER,
    token_endpoint: "https://auth.example.org/oauth2/token",
    revocation_endpoint: "https://auth.example.org/oauth2/revoke",
  },
};
const CONFIG = [
  "base_url: https://matrix.example.org",
  "token: syt_synapse",
  `mas_issuer: ${ISSUER}`,
  "mas_client_id: robot",
  "mas_client_secret: robot-secret",
  "",
].join("\n");
const USERS = { json: { data: [], links: { self: "/api/admin/v1/users" }, meta: { count: 0 } } };
const token = (n: number) => ({
  json: {
    access_token: `mat_secret${n}`,
    token_type: "Bearer",
    expires_in: 3600,
    refresh_token: `mar_secret${n}`,
  },
});

function cacheFile(home: string): string {
  return join(home, ".cache", "synadm", "oauth-tokens.json");
}

describe("the OAuth token cache", () => {
  it("keeps the tokens in a 0600 file keyed by issuer, client, grant and scope", async () => {
    const home = unitHome();
    const cache = new OAuthTokenCache({}, home, () => {});
    const entry = {
      issuer: "https://auth.example.org",
      clientId: "c",
      grant: "client_credentials" as const,
      scope: "b a",
      accessToken: "t",
      savedAt: 1,
    };
    await cache.set(entry);
    assert.equal(statSync(cacheFile(home)).mode & 0o777, 0o600);
    assert.equal(statSync(join(home, ".cache", "synadm")).mode & 0o777, 0o700);
    assert.deepEqual(await cache.get(`${entry.issuer}/`, "c", "client_credentials", "a b"), entry);
    assert.equal(await cache.get(entry.issuer, "other", "client_credentials", "a b"), undefined);
    assert.equal(await cache.get(entry.issuer, "c", "device_code", "a b"), undefined);
  });

  it("XDG_CACHE_HOME decides where", () => {
    const cache = new OAuthTokenCache({ XDG_CACHE_HOME: "/x/cache" }, "/home/a", () => {});
    assert.equal(cache.path, "/x/cache/synadm/oauth-tokens.json");
  });

  it("a file others can read is made private again, with a warning", async () => {
    const home = unitHome();
    const warnings: string[] = [];
    const cache = new OAuthTokenCache({}, home, (message) => warnings.push(message));
    await cache.set({
      issuer: ISSUER,
      clientId: "c",
      grant: "device_code",
      scope: "s",
      accessToken: "t",
      savedAt: 1,
    });
    chmodSync(cacheFile(home), 0o644);
    assert.equal((await cache.latest(ISSUER, "c", "device_code"))?.accessToken, "t");
    assert.match(warnings.join("\n"), /could be read by others \(mode 644\); made it private/);
    assert.equal(statSync(cacheFile(home)).mode & 0o777, 0o600);
  });

  it("client credentials: fetched once, reused, then refreshed near expiry; no token at -vv", async () => {
    const home = unitHome(CONFIG);
    const first = await runInProcess(["-vv", "mas", "user", "list"], {
      home,
      script: [METADATA, token(1), USERS],
    });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.transport.requests[2]!.headers["authorization"], "Bearer mat_secret1");
    const again = await runInProcess(["-vv", "mas", "user", "list"], { home, script: [USERS] });
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.transport.requests.length, 1, "the cached token, no new grant");
    // 30 s left: within the minute before expiry, so refreshed first.
    const all = JSON.parse(readFileSync(cacheFile(home), "utf8"));
    for (const entry of Object.values(all) as { expiresAt: number }[]) entry.expiresAt = Date.now() + 30_000;
    writeFileSync(cacheFile(home), JSON.stringify(all), { mode: 0o600 });
    const renewed = await runInProcess(["-vv", "mas", "user", "list"], {
      home,
      script: [METADATA, token(2), USERS],
    });
    assert.equal(renewed.code, 0, renewed.stderr);
    const refresh = new URLSearchParams(renewed.transport.requests[1]!.body);
    assert.equal(refresh.get("grant_type"), "refresh_token");
    assert.equal(refresh.get("refresh_token"), "mar_secret1");
    assert.equal(renewed.transport.requests[2]!.headers["authorization"], "Bearer mat_secret2");
    for (const run of [first, again, renewed])
      assert.doesNotMatch(run.stdout + run.stderr, /mat_secret|mar_secret|robot-secret/);
    assert.match(renewed.stderr, /renewed the client_credentials token/);
  });
});

describe("a run longer than its token's life", () => {
  it("renews the token as it goes, once for requests asking together", async () => {
    const { Readable } = await import("node:stream");
    const { FakeTransport } = await import("../../support/fake-transport.ts");
    const { OAuthLogin } = await import("../../../src/cli/runtime/oauth-tokens.ts");
    const { DEFAULT_SETTINGS } = await import("../../../src/cli/runtime/settings/settings.ts");
    const { HttpClient } = await import("../../../src/api/http-client.ts");
    const transport = new FakeTransport(METADATA, token(2), { json: {} }, { json: {} });
    const io = {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env: {},
      homedir: unitHome(),
      transport,
    };
    const silent = { debug() {}, info() {}, warn() {} };
    const login = new OAuthLogin(
      { io, globals: {} as never, log: silent, authDelegation: async () => ({ delegated: false }) },
      { ...DEFAULT_SETTINGS, mas_issuer: ISSUER, mas_client_id: "cli" },
    );
    const provider = login.provider({
      issuer: ISSUER,
      clientId: "cli",
      grant: "device_code",
      scope: "urn:mas:admin",
      accessToken: "mat_secret1",
      refreshToken: "mar_secret1",
      expiresAt: Date.now() + 30_000,
      savedAt: Date.now(),
    });
    const http = new HttpClient({
      baseUrl: "https://auth.example.org",
      accessTokenProvider: provider,
      transport,
    });
    await Promise.all([
      http.request({ method: "GET", path: "/a", prefix: "none" }),
      http.request({ method: "GET", path: "/b", prefix: "none" }),
    ]);
    const sent = transport.requests.filter((request) => request.url.pathname.length === 2);
    assert.deepEqual(
      sent.map((request) => request.headers["authorization"]),
      ["Bearer mat_secret2", "Bearer mat_secret2"],
    );
    assert.equal(transport.requests.filter((request) => request.url.pathname === "/oauth2/token").length, 1);
    assert.equal((await login.cache.latest(ISSUER, "cli", "device_code"))?.accessToken, "mat_secret2");
  });
});

describe("synadm mas login, in process", () => {
  const LOGIN_CONFIG = `base_url: https://matrix.example.org\nmas_issuer: ${ISSUER}\nmas_client_id: cli\n`;
  const withDevice = {
    json: { ...METADATA.json, device_authorization_endpoint: "https://auth.example.org/oauth2/device" },
  };

  it("needs mas_client_id, and says so before any request", async () => {
    const run = await runInProcess(["mas", "login"], { config: `mas_issuer: ${ISSUER}\n` });
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /set mas_client_id/);
    assert.equal(run.transport.requests.length, 0);
  });

  it("shows the server's address and code escaped: they cannot drive the terminal or add a line", async () => {
    const device = {
      json: {
        device_code: "dc",
        user_code: "AB\u001b[2JCD",
        verification_uri: "https://auth.example.org/link\nError: fake line",
        // Expires before the first poll would be due: no wait, no poll.
        expires_in: 1,
        interval: 2,
      },
    };
    const run = await runInProcess(["mas", "login"], { config: LOGIN_CONFIG, script: [withDevice, device] });
    assert.equal(run.code, 1, run.stderr);
    assert.ok(!run.stderr.includes("\u001b"), run.stderr);
    assert.doesNotMatch(run.stderr, /^Error: fake line/m);
    assert.match(run.stderr, /Error: the code expired before the login was approved/);
  });
});
