import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AccessDeniedError, DeviceCodeExpiredError, OAuthError } from "../../../src/api/errors.ts";
import type { Logger } from "../../../src/api/logger.ts";
import { DEVICE_CODE_GRANT, OAuthClient, type OAuthMetadata } from "../../../src/api/oauth.ts";
import { FakeTransport } from "../../support/fake-transport.ts";

const METADATA: OAuthMetadata = {
  issuer: "https://auth.example.org/",
  token_endpoint: "https://auth.example.org/oauth2/token",
  device_authorization_endpoint: "https://auth.example.org/oauth2/device",
  revocation_endpoint: "https://auth.example.org/oauth2/revoke",
};
const TOKEN = {
  json: { access_token: "at_1", token_type: "Bearer", expires_in: 300, refresh_token: "rt_1" },
};
const DEVICE = {
  json: {
    device_code: "dc_1",
    user_code: "ABCD-EFGH",
    verification_uri: "https://auth.example.org/link",
    expires_in: 30,
    interval: 1,
  },
};
const oauthError = (error: string) => ({ status: 400, json: { error, error_description: `said ${error}` } });

/** A clock that moves only when the client sleeps, and the sleeps it was asked for. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let clock = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    sleeps,
  };
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

function form(body: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body ?? ""));
}

describe("OAuth 2.0 client", () => {
  it("fetches the issuer's metadata once from /.well-known/openid-configuration", async () => {
    const transport = new FakeTransport({ json: METADATA }, TOKEN, TOKEN);
    const client = new OAuthClient({
      issuer: "https://auth.example.org/",
      clientId: "c",
      clientSecret: "s",
      transport,
    });
    await client.clientCredentials("urn:mas:admin");
    await client.clientCredentials("urn:mas:admin");
    assert.equal(
      transport.requests[0]!.url.href,
      "https://auth.example.org/.well-known/openid-configuration",
    );
    assert.equal(transport.requests.length, 3);
  });

  it("client credentials: client_secret_basic, form-encoded, the expiry from expires_in; nothing secret logged", async () => {
    const transport = new FakeTransport(TOKEN);
    const time = fakeTime();
    const logger = recordingLogger();
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "synadm bot",
      clientSecret: "s3cr:et",
      metadata: METADATA,
      transport,
      logger,
      now: time.now,
    });
    const tokens = await client.clientCredentials("urn:mas:admin");
    assert.deepEqual(tokens, {
      accessToken: "at_1",
      refreshToken: "rt_1",
      expiresAt: 1_000_000 + 300_000,
      scope: "urn:mas:admin",
    });
    const request = transport.requests[0]!;
    assert.equal(request.method, "POST");
    assert.equal(request.url.href, METADATA.token_endpoint);
    assert.equal(request.headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(request.headers["authorization"], `Basic ${btoa("synadm+bot:s3cr%3Aet")}`);
    assert.deepEqual(form(request.body), { grant_type: "client_credentials", scope: "urn:mas:admin" });
    for (const line of logger.lines) assert.ok(!/at_1|rt_1|s3cr/.test(line), line);
  });

  it("client_secret_post only when the server supports nothing else", async () => {
    const transport = new FakeTransport(TOKEN);
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "c",
      clientSecret: "s",
      metadata: { ...METADATA, token_endpoint_auth_methods_supported: ["client_secret_post"] },
      transport,
    });
    await client.clientCredentials("x");
    assert.equal(transport.requests[0]!.headers["authorization"], undefined);
    assert.deepEqual(form(transport.requests[0]!.body), {
      grant_type: "client_credentials",
      scope: "x",
      client_id: "c",
      client_secret: "s",
    });
  });

  it("an OAuth error carries its code and description, and never the secret", async () => {
    const transport = new FakeTransport({
      status: 401,
      json: { error: "invalid_client", error_description: "no" },
    });
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "c",
      clientSecret: "pw",
      metadata: METADATA,
      transport,
    });
    const error = await client.clientCredentials("x").catch((e: unknown) => e);
    assert.ok(error instanceof OAuthError);
    assert.equal(error.error, "invalid_client");
    assert.equal(error.status, 401);
    assert.equal(error.message, "POST /oauth2/token failed: HTTP 401 invalid_client: no");
  });

  it("device login: a public client, pending then slow_down (+5 s) then tokens", async () => {
    const transport = new FakeTransport(
      DEVICE,
      oauthError("authorization_pending"),
      oauthError("slow_down"),
      oauthError("authorization_pending"),
      TOKEN,
    );
    const time = fakeTime();
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "cli",
      metadata: METADATA,
      transport,
      ...time,
    });
    const device = await client.startDeviceAuthorization("urn:mas:admin urn:synapse:admin:*");
    assert.deepEqual(form(transport.requests[0]!.body), {
      scope: "urn:mas:admin urn:synapse:admin:*",
      client_id: "cli",
    });
    assert.equal(transport.requests[0]!.url.href, METADATA.device_authorization_endpoint);
    const tokens = await client.pollDeviceAuthorization(device, "urn:mas:admin urn:synapse:admin:*");
    assert.equal(tokens.accessToken, "at_1");
    assert.deepEqual(time.sleeps, [1000, 1000, 6000, 6000]);
    assert.deepEqual(form(transport.requests[1]!.body), {
      grant_type: DEVICE_CODE_GRANT,
      device_code: "dc_1",
      client_id: "cli",
    });
  });

  it("device login: access_denied and expired_token are their own errors", async () => {
    for (const [code, Class] of [
      ["access_denied", AccessDeniedError],
      ["expired_token", DeviceCodeExpiredError],
    ] as const) {
      const transport = new FakeTransport(oauthError(code));
      const client = new OAuthClient({
        issuer: METADATA.issuer,
        clientId: "c",
        metadata: METADATA,
        transport,
        ...fakeTime(),
      });
      const error = await client.pollDeviceAuthorization(DEVICE.json, "x").catch((e: unknown) => e);
      assert.ok(error instanceof Class, String(error));
      assert.equal((error as OAuthError).error, code);
    }
  });

  it("device login: never polls past expires_in", async () => {
    const transport = new FakeTransport().otherwise(oauthError("authorization_pending"));
    const time = fakeTime();
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "c",
      metadata: METADATA,
      transport,
      ...time,
    });
    const error = await client
      .pollDeviceAuthorization({ ...DEVICE.json, expires_in: 5 }, "x")
      .catch((e: unknown) => e);
    assert.ok(error instanceof DeviceCodeExpiredError);
    assert.equal(transport.requests.length, 5);
  });

  it("a server without device login says so before any request", async () => {
    const transport = new FakeTransport();
    const { device_authorization_endpoint: _, ...without } = METADATA;
    const client = new OAuthClient({ issuer: METADATA.issuer, clientId: "c", metadata: without, transport });
    await assert.rejects(client.startDeviceAuthorization("x"), /names no device_authorization_endpoint/);
    assert.equal(transport.requests.length, 0);
  });

  it("refresh: grant_type=refresh_token; a server that does not rotate leaves the old refresh token", async () => {
    const transport = new FakeTransport({
      json: { access_token: "at_2", token_type: "bearer", expires_in: 60 },
    });
    const client = new OAuthClient({ issuer: METADATA.issuer, clientId: "c", metadata: METADATA, transport });
    const tokens = await client.refresh("rt_1", "s");
    assert.equal(tokens.accessToken, "at_2");
    assert.equal(tokens.refreshToken, "rt_1");
    assert.deepEqual(form(transport.requests[0]!.body), {
      grant_type: "refresh_token",
      refresh_token: "rt_1",
      client_id: "c",
    });
  });

  it("revoke: at the revocation_endpoint; false without one", async () => {
    const transport = new FakeTransport({ status: 200, body: "" });
    const client = new OAuthClient({ issuer: METADATA.issuer, clientId: "c", metadata: METADATA, transport });
    assert.equal(await client.revoke("rt_1", "refresh_token"), true);
    assert.deepEqual(form(transport.requests[0]!.body), {
      token: "rt_1",
      token_type_hint: "refresh_token",
      client_id: "c",
    });
    const { revocation_endpoint: _, ...without } = METADATA;
    const none = new OAuthClient({ issuer: METADATA.issuer, clientId: "c", metadata: without, transport });
    assert.equal(await none.revoke("rt_1", "refresh_token"), false);
    assert.equal(transport.requests.length, 1);
  });

  it("an answer that is not a bearer token, or not a token, is refused", async () => {
    const transport = new FakeTransport(
      { json: { access_token: "a", token_type: "mac" } },
      { json: { token_type: "Bearer" } },
    );
    const client = new OAuthClient({
      issuer: METADATA.issuer,
      clientId: "c",
      clientSecret: "s",
      metadata: METADATA,
      transport,
    });
    await assert.rejects(client.clientCredentials("x"), /token_type mac/);
    await assert.rejects(client.clientCredentials("x"), /access_token/);
  });
});
