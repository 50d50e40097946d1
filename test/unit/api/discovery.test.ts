import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { discoverServerName } from "../../../src/api/discovery.ts";
import { HttpClient } from "../../../src/api/http-client.ts";
import { FakeTransport, type Scripted } from "../../support/fake-transport.ts";
import { serverKeys } from "../../support/fixtures.ts";

function http(
  baseUrl: string,
  token: string | undefined,
  ...script: Scripted[]
): { client: HttpClient; transport: FakeTransport } {
  const transport = new FakeTransport(...script);
  const client = new HttpClient({
    baseUrl,
    transport,
    retry: { maxRetries: 0 },
    ...(token ? { accessToken: token } : {}),
  });
  return { client, transport };
}

describe("homeserver name discovery", () => {
  it("takes the name from whoami first", async () => {
    const { client, transport } = http("https://matrix.example.org", "t", {
      json: { user_id: "@admin:example.org" },
    });
    assert.equal(await discoverServerName(client, { mode: "well-known" }), "example.org");
    assert.equal(transport.requests[0]!.url.pathname, "/_matrix/client/v3/account/whoami");
  });

  it("well-known: follows m.server to the federation keys, without the token", async () => {
    const { client, transport } = http(
      "https://matrix.example.org",
      "t",
      { status: 401, json: { errcode: "M_UNKNOWN_TOKEN", error: "x" } },
      { json: { "m.server": "fed.example.org" } },
      { json: serverKeys("example.org") },
    );
    assert.equal(await discoverServerName(client, { mode: "well-known" }), "example.org");
    assert.equal(
      transport.requests[1]!.url.toString(),
      "https://matrix.example.org/.well-known/matrix/server",
    );
    assert.equal(transport.requests[2]!.url.toString(), "https://fed.example.org:8448/_matrix/key/v2/server");
    assert.equal(transport.requests[2]!.headers["authorization"], undefined);
  });

  it("well-known: asks a loopback base URL's keys directly", async () => {
    const { client, transport } = http("http://localhost:8008", undefined, {
      json: serverKeys("local.test"),
    });
    assert.equal(await discoverServerName(client, { mode: "well-known" }), "local.test");
    assert.equal(transport.requests[0]!.url.toString(), "http://localhost:8008/_matrix/key/v2/server");
  });

  it("dns: uses the _matrix-fed._tcp record, then the legacy one", async () => {
    const asked: string[] = [];
    const resolveSrv = async (name: string) => {
      asked.push(name);
      if (name.startsWith("_matrix-fed")) return [];
      return [{ name: "fed.example.org.", port: 8449, priority: 10, weight: 5 }];
    };
    const { client, transport } = http("https://matrix.example.org", undefined, {
      json: serverKeys("example.org"),
    });
    assert.equal(await discoverServerName(client, { mode: "dns", resolveSrv }), "example.org");
    assert.deepEqual(asked, ["_matrix-fed._tcp.matrix.example.org", "_matrix._tcp.matrix.example.org"]);
    assert.equal(transport.requests[0]!.url.toString(), "https://fed.example.org:8449/_matrix/key/v2/server");
  });

  it("says what it tried when everything fails", async () => {
    const { client } = http(
      "https://matrix.example.org",
      undefined,
      { status: 404, json: {} },
      { status: 404, json: {} },
    );
    await assert.rejects(
      discoverServerName(client, { mode: "well-known" }),
      /cannot find the homeserver name .*set "homeserver" in the configuration/,
    );
  });
});
