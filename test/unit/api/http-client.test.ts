import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  ServerError,
  SynadmError,
  TimeoutError,
  UnauthorizedError,
} from "../../../src/api/errors.ts";
import { HttpClient } from "../../../src/api/http-client.ts";
import { path } from "../../../src/api/path.ts";
import { TransportFailure } from "../../../src/api/transport.ts";
import { FakeTransport, type Scripted } from "../../support/fake-transport.ts";

function client(...script: Scripted[]): { http: HttpClient; transport: FakeTransport } {
  const transport = new FakeTransport(...script);
  const http = new HttpClient({
    baseUrl: "https://matrix.example.org/prefix/",
    accessToken: "secret-token",
    transport,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
  return { http, transport };
}

describe("HttpClient", () => {
  it("composes base URL, admin path and an encoded path, and sends the token", async () => {
    const { http, transport } = client({ json: { ok: 1 } });
    const user = "@al/ice:example.org";
    assert.deepEqual(
      await http.request({
        method: "GET",
        path: path`/v2/users/${user}`,
        query: { limit: 5, guests: false, x: undefined, t: ["a", "b"] },
      }),
      { ok: 1 },
    );
    const sent = transport.requests[0]!;
    assert.equal(
      sent.url.toString(),
      "https://matrix.example.org/prefix/_synapse/admin/v2/users/%40al%2Fice%3Aexample.org?limit=5&guests=false&t=a&t=b",
    );
    assert.equal(sent.headers["authorization"], "Bearer secret-token");
    assert.equal(sent.body, undefined);
  });

  it("uses the Matrix path and sends JSON bodies", async () => {
    const { http, transport } = client({ json: {} });
    await http.request({
      method: "POST",
      prefix: "matrix",
      path: "client/v3/login",
      body: { a: 1 },
      accessToken: null,
    });
    const sent = transport.requests[0]!;
    assert.equal(sent.url.pathname, "/prefix/_matrix/client/v3/login");
    assert.equal(sent.body, '{"a":1}');
    assert.equal(sent.headers["content-type"], "application/json");
    assert.equal(sent.headers["authorization"], undefined);
  });

  it("maps error statuses to error classes carrying errcode, error and the request", async () => {
    const cases: Array<[number, unknown, new (...args: never[]) => Error]> = [
      [400, { errcode: "M_BAD_JSON", error: "bad" }, BadRequestError],
      [401, { errcode: "M_UNKNOWN_TOKEN", error: "Invalid access token" }, UnauthorizedError],
      [404, { errcode: "M_NOT_FOUND", error: "User not found" }, NotFoundError],
      [500, { errcode: "M_UNKNOWN", error: "Internal server error" }, ServerError],
    ];
    for (const [status, json, type] of cases) {
      const { http } = client({ status, json });
      const error = await http.request({ method: "POST", path: "/v1/x" }).catch((e: unknown) => e);
      assert.ok(error instanceof type, `${status} gives ${type.name}`);
      assert.match(
        (error as Error).message,
        new RegExp(
          `POST /prefix/_synapse/admin/v1/x failed: HTTP ${status} ${(json as { errcode: string }).errcode}`,
        ),
      );
      assert.doesNotMatch((error as Error).message, /secret-token/);
    }
  });

  it("retries 429 after the Retry-After header, then the body's retry_after_ms", async () => {
    const { http, transport } = client(
      { status: 429, headers: { "retry-after": "0" }, json: { errcode: "M_LIMIT_EXCEEDED" } },
      { status: 429, json: { errcode: "M_LIMIT_EXCEEDED", retry_after_ms: 5 } },
      { json: { done: true } },
    );
    assert.deepEqual(await http.request({ method: "POST", path: "/v1/x" }), { done: true });
    assert.equal(transport.requests.length, 3);
  });

  it("gives up on 429 after the allowed retries and when asked to wait too long", async () => {
    const limited = { status: 429, json: { errcode: "M_LIMIT_EXCEEDED", retry_after_ms: 1 } };
    const { http } = client(limited, limited, limited);
    await assert.rejects(http.request({ method: "GET", path: "/x" }), RateLimitError);
    const { http: patient } = client({
      status: 429,
      json: { errcode: "M_LIMIT_EXCEEDED", retry_after_ms: 3_600_000 },
    });
    await assert.rejects(patient.request({ method: "GET", path: "/x" }), /wait 3600 s/);
  });

  it("retries 502/503/504 for GET but never for POST", async () => {
    const { http, transport } = client(
      { status: 503, body: "<html>busy</html>" },
      { status: 504, body: "" },
      { json: [1] },
    );
    assert.deepEqual(await http.request({ method: "GET", path: "/x" }), [1]);
    assert.equal(transport.requests.length, 3);
    const { http: post, transport: postTransport } = client({
      status: 502,
      body: "<html>bad gateway</html>",
    });
    await assert.rejects(post.request({ method: "POST", path: "/x" }), ServerError);
    assert.equal(postTransport.requests.length, 1);
  });

  it("retries a connection failure only where repeating is safe", async () => {
    const reset = new TransportFailure("connection", true, new Error("socket hang up"));
    const refused = new TransportFailure(
      "connection",
      false,
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );
    const { http: get } = client(reset, { json: {} });
    assert.deepEqual(await get.request({ method: "GET", path: "/x" }), {});
    const { http: post, transport } = client(reset);
    const error = await post.request({ method: "POST", path: "/x" }).catch((e: unknown) => e);
    assert.ok(error instanceof ConnectionError);
    assert.equal(transport.requests.length, 1);
    const { http: postRefused } = client(refused, { json: {} });
    assert.deepEqual(await postRefused.request({ method: "POST", path: "/x" }), {});
  });

  it("reports a timeout after retries with the time allowed", async () => {
    const timeout = new TransportFailure("timeout", true);
    const { http } = client(timeout, timeout, timeout);
    await assert.rejects(http.request({ method: "GET", path: "/x", timeoutMs: 1500 }), (error: unknown) => {
      assert.ok(error instanceof TimeoutError);
      assert.match(error.message, /no response within 1\.5 s/);
      return true;
    });
  });

  it("rejects a 2xx answer that is not JSON or lacks required fields", async () => {
    const { http } = client({
      status: 200,
      body: "<html>proxy</html>",
      headers: { "content-type": "text/html" },
    });
    await assert.rejects(http.request({ method: "GET", path: "/x" }), (error: unknown) => {
      assert.ok(error instanceof InvalidResponseError);
      assert.match(error.message, /expected JSON, got text\/html: "<html>proxy<\/html>"/);
      return true;
    });
    const { looseObject, string } = await import("valibot");
    const { http: checked } = client({ json: { server_version: 3 } });
    await assert.rejects(
      checked.request({ method: "GET", path: "/x", schema: looseObject({ server_version: string() }) }),
      /field server_version/,
    );
  });

  it("returns the server's document untouched after checking it", async () => {
    const { looseObject, string } = await import("valibot");
    const { http } = client({ body: '{"z":1,"server_version":"1.0","a":[]}' });
    const result = await http.request({
      method: "GET",
      path: "/x",
      schema: looseObject({ server_version: string() }),
    });
    assert.equal(JSON.stringify(result), '{"z":1,"server_version":"1.0","a":[]}');
  });

  it("never logs the token, and redacts password fields of bodies", async () => {
    const lines: string[] = [];
    const transport = new FakeTransport({ json: {} });
    const log = (line: string): void => {
      lines.push(line);
    };
    const http = new HttpClient({
      baseUrl: "http://h",
      accessToken: "secret-token",
      transport,
      logger: { debug: log, info: log, warn: log },
    });
    await http.request({
      method: "POST",
      path: "/x",
      body: { new_password: "hunter2", logout_devices: false },
    });
    const all = lines.join("\n");
    assert.doesNotMatch(all, /secret-token|hunter2/);
    assert.match(all, /Bearer <redacted>/);
    assert.match(all, /"new_password":"<redacted>"/);
  });
});

describe("HttpClient configuration", () => {
  it("rejects a base URL that is not a URL as bad input", async () => {
    const http = new HttpClient({ baseUrl: "matrix.example.org", transport: new FakeTransport() });
    await assert.rejects(
      http.request({ method: "GET", path: "/x" }),
      /invalid base URL "matrix.example.org": expected a URL like/,
    );
  });
});

describe("HttpClient: what an error carries", () => {
  it("an ApiError has the response's headers and Synapse's trace ID", async () => {
    const headers = {
      "content-type": "application/json",
      "synapse-trace-id": "5f1a2b3c4d",
      server: "Synapse/1.0",
    };
    const { http } = client({ status: 404, headers, json: { errcode: "M_NOT_FOUND", error: "nope" } });
    await assert.rejects(http.request({ method: "GET", path: "/v1/x" }), (error: unknown) => {
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.traceId, "5f1a2b3c4d");
      assert.equal(error.headers["server"], "Synapse/1.0");
      return true;
    });
    const rateLimited = client({
      status: 429,
      headers: { "synapse-trace-id": "77" },
      json: { errcode: "M_LIMIT_EXCEEDED" },
    });
    await assert.rejects(
      rateLimited.http.request({ method: "GET", path: "/v1/x", maxRetries: 0 }),
      (error: unknown) => error instanceof RateLimitError && error.traceId === "77",
    );
    const plain = client({ status: 418, json: {} });
    await assert.rejects(
      plain.http.request({ method: "GET", path: "/v1/x" }),
      (error: unknown) => error instanceof ApiError && error.traceId === undefined,
    );
  });

  it("a transport of the caller's failing with its own error fails as a SynadmError, not repeated", async () => {
    let calls = 0;
    const http = new HttpClient({
      baseUrl: "https://matrix.example.org",
      transport: {
        send: () => {
          calls++;
          return Promise.reject(new TypeError("the caller's bug"));
        },
      },
    });
    await assert.rejects(http.request({ method: "GET", path: "/v1/x" }), (error: unknown) => {
      assert.ok(error instanceof ConnectionError && error instanceof SynadmError, String(error));
      assert.match(error.message, /the caller's bug/);
      return true;
    });
    assert.equal(calls, 1);
    const own = new SynadmError("cannot read the extra CA certificates /x.pem");
    const failing = new HttpClient({ baseUrl: "https://h", transport: { send: () => Promise.reject(own) } });
    await assert.rejects(
      failing.request({ method: "GET", path: "/v1/x" }),
      (error: unknown) => error === own,
    );
  });
});
