import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { discoverAuthDelegation } from "../../../src/api/auth-delegation.ts";
import { HttpClient } from "../../../src/api/http-client.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import { runInProcess, unitHome } from "../../support/in-process.ts";

const METADATA = {
  issuer: "https://auth.example.org/",
  token_endpoint: "https://auth.example.org/oauth2/token",
};
const UNRECOGNIZED = { status: 404, json: { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" } };
const PAGE = { json: { users: [], total: 0 } };

describe("auth delegation (MAS) detection", () => {
  it("reads the stable auth_metadata, without the token", async () => {
    const transport = new FakeTransport({ json: METADATA }).scriptAuthMetadata();
    const http = new HttpClient({ baseUrl: "https://m.example.org", accessToken: "t", transport });
    const found = await discoverAuthDelegation(http);
    assert.deepEqual(found, { delegated: true, issuer: METADATA.issuer, metadata: METADATA });
    assert.equal(transport.requests[0]!.url.pathname, "/_matrix/client/v1/auth_metadata");
    assert.equal(transport.requests[0]!.headers["authorization"], undefined);
  });

  it("falls back to the MSC2965 name; neither served means no delegation", async () => {
    const transport = new FakeTransport(
      UNRECOGNIZED,
      { json: METADATA },
      UNRECOGNIZED,
      UNRECOGNIZED,
    ).scriptAuthMetadata();
    const http = new HttpClient({ baseUrl: "https://m.example.org", transport, retry: { maxRetries: 0 } });
    assert.equal((await discoverAuthDelegation(http)).delegated, true);
    assert.equal(
      transport.requests[1]!.url.pathname,
      "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata",
    );
    assert.deepEqual(await discoverAuthDelegation(http), { delegated: false });
  });

  it("throws on other failures rather than guess", async () => {
    const transport = new FakeTransport({ status: 500, json: {} }).scriptAuthMetadata();
    const http = new HttpClient({ baseUrl: "https://m.example.org", transport, retry: { maxRetries: 0 } });
    await assert.rejects(discoverAuthDelegation(http), /HTTP 500/);
  });
});

describe("user lists under MAS send guests=false", () => {
  it("the library asks once, then sends guests=false on v2 and v3 lists, even when guests were asked for", async () => {
    const transport = new FakeTransport({ json: METADATA }, PAGE, PAGE, PAGE).scriptAuthMetadata();
    const admin = new SynapseAdmin({ baseUrl: "https://m.example.org", accessToken: "t", transport });
    await admin.users.listPage();
    await admin.users.listPage({ guests: true });
    await admin.users.listPageV3();
    const lists = transport.requests.slice(1);
    assert.deepEqual(
      lists.map((request) => request.url.searchParams.get("guests")),
      ["false", "false", "false"],
    );
    assert.equal(transport.requests.length, 4);
  });

  it("the test fake plays a server without MAS unless told otherwise", async () => {
    const transport = new FakeTransport(PAGE);
    const admin = new SynapseAdmin({ baseUrl: "https://m.example.org", transport });
    await admin.users.listPage({ guests: true });
    assert.equal(transport.requests.length, 1);
    assert.equal(transport.requests[0]!.url.searchParams.get("guests"), "true");
    assert.equal(transport.authMetadataRequests.length, 2);
  });

  it("without MAS the list is sent as asked", async () => {
    const transport = new FakeTransport(PAGE, PAGE);
    const admin = new SynapseAdmin({
      baseUrl: "https://m.example.org",
      accessToken: "t",
      transport,
      authDelegation: { delegated: false },
    });
    await admin.users.listPage();
    await admin.users.listPage({ guests: true });
    assert.deepEqual(
      transport.requests.map((request) => request.url.searchParams.get("guests")),
      [null, "true"],
    );
  });

  it("a failed detection costs the list nothing but a warning", async () => {
    const transport = new FakeTransport({ status: 500, json: {} }, PAGE).scriptAuthMetadata();
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message) };
    const admin = new SynapseAdmin({
      baseUrl: "https://m.example.org",
      transport,
      logger,
      retry: { maxRetries: 0 },
    });
    await admin.users.listPage();
    assert.equal(transport.requests[1]!.url.searchParams.get("guests"), null);
    assert.match(warnings[0]!, /cannot tell whether the server delegates auth/);
  });

  const config = "base_url: https://m.example.org\ntoken: t\nhomeserver: example.org\n";

  it("the CLI caches the answer: a second run asks nothing more, with or without MAS", async () => {
    for (const [first, delegated] of [
      [{ json: METADATA }, true],
      [UNRECOGNIZED, false],
    ] as const) {
      const home = unitHome(config);
      const script = delegated ? [first, PAGE] : [first, UNRECOGNIZED, PAGE];
      const run1 = await runInProcess(["user", "list"], { home, script, scriptAuthMetadata: true });
      assert.equal(run1.code, 0, run1.stderr);
      const run2 = await runInProcess(["user", "search", "al"], {
        home,
        script: [PAGE, PAGE],
        scriptAuthMetadata: true,
      });
      assert.equal(run2.code, 0, run2.stderr);
      const sent = [...run1.transport.requests, ...run2.transport.requests]
        .filter((request) => request.url.pathname === "/_synapse/admin/v2/users")
        .map((request) => request.url.searchParams.get("guests"));
      assert.deepEqual(sent, delegated ? ["false", "false", "false"] : [null, "true", "true"]);
      assert.equal(run2.transport.requests.length, 2);
    }
  });

  it("commands that list no users do not ask", async () => {
    const run = await runInProcess(["version"], {
      config,
      scriptAuthMetadata: true,
      script: [{ json: { server_version: "1.160.0" } }],
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.transport.requests.length, 1);
  });
});
