// Both transports against local hostile servers on 127.0.0.1: answers larger
// than the limit, endless answers, requests that time out or break after
// arriving, and ports where nothing listens.
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { ConnectionError, ResponseTooLargeError, TimeoutError } from "../../../src/api/errors.ts";
import { FetchTransport } from "../../../src/api/fetch-transport.ts";
import { DEFAULT_MAX_RESPONSE_BYTES, HttpClient } from "../../../src/api/http-client.ts";
import { NodeHttpTransport } from "../../../src/api/node-transport.ts";
import type { HttpRequest, HttpResponse, Transport } from "../../../src/api/transport.ts";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local server whose answer each test chooses; it counts the requests that arrived. */
class HostileServer {
  handler: Handler = (_req, res) => res.end("{}");
  readonly arrived: string[] = [];
  /** Set when the client closed a connection while an answer was still being written. */
  clientHungUp = false;
  #server: Server | undefined;

  get url(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        this.arrived.push(`${req.method} ${req.url}`);
        res.on("close", () => {
          if (!res.writableFinished) this.clientHungUp = true;
        });
        this.handler(req, res);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
  }

  reset(handler: Handler): void {
    this.handler = handler;
    this.arrived.length = 0;
    this.clientHungUp = false;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }
}

/** Counts the attempts a client makes, whether or not they reach a server. */
class Counting implements Transport {
  attempts = 0;
  readonly inner: Transport;
  constructor(inner: Transport) {
    this.inner = inner;
  }
  send(request: HttpRequest): Promise<HttpResponse> {
    this.attempts++;
    return this.inner.send(request);
  }
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const server = new HostileServer();
before(() => server.start());
after(() => server.stop());

const transports: Array<[string, () => Transport]> = [
  ["NodeHttpTransport", () => new NodeHttpTransport()],
  ["FetchTransport", () => new FetchTransport()],
];

for (const [name, makeTransport] of transports) {
  const client = (options: { maxResponseBytes?: number; timeoutMs?: number; baseUrl?: string } = {}) => {
    const transport = new Counting(makeTransport());
    const http = new HttpClient({
      baseUrl: options.baseUrl ?? server.url,
      transport,
      timeoutMs: options.timeoutMs ?? 5000,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
      ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
    });
    return { http, transport };
  };

  describe(`${name}: response size limit`, () => {
    it("fails at once, without reading it, on an answer whose content-length is above the limit", async () => {
      server.reset((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": String(600 * 2 ** 20) });
        res.write("[");
      });
      const { http } = client({ maxResponseBytes: 2 ** 20 });
      await assert.rejects(http.request({ method: "GET", path: "/big" }), (error: unknown) => {
        assert.ok(error instanceof ResponseTooLargeError, String(error));
        assert.equal(error.limitBytes, 2 ** 20);
        assert.equal(error.status, 200);
        assert.match(
          error.message,
          /^GET \/_synapse\/admin\/big returned an invalid response \(HTTP 200\): the answer is larger than the limit of 1 MiB$/,
        );
        return true;
      });
      assert.equal(server.arrived.length, 1, "not retried: the same answer would come again");
    });

    it("stops reading an endless answer without content-length once past the limit", async () => {
      let written = 0;
      server.reset((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = `${"1,".repeat(32 * 1024)}`;
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          res.write(chunk);
          written += chunk.length;
        }, 1);
        res.on("close", () => clearInterval(timer));
      });
      const { http } = client({ maxResponseBytes: 256 * 1024 });
      await assert.rejects(http.request({ method: "GET", path: "/endless" }), ResponseTooLargeError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(server.clientHungUp, "the client closed the connection");
      assert.ok(written < 64 * 2 ** 20, `stopped early (${written} bytes written)`);
    });

    it("reads an answer up to the limit; the default limit is 64 MiB", async () => {
      const body = JSON.stringify({ x: "y".repeat(1000) });
      server.reset((_req, res) => res.end(body));
      const { http } = client({ maxResponseBytes: Buffer.byteLength(body) });
      assert.deepEqual(await http.request({ method: "GET", path: "/ok" }), JSON.parse(body));
      assert.equal(client().http.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES);
      assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 64 * 2 ** 20);
    });
  });

  describe(`${name}: a request that may have reached the server is repeated only when that is harmless`, () => {
    it("a POST that timed out is sent once; a GET is tried again", async () => {
      server.reset(() => {}); // never answers
      const { http } = client({ timeoutMs: 150 });
      await assert.rejects(
        http.request({ method: "POST", path: "/v1/registration_tokens/new", body: {} }),
        TimeoutError,
      );
      assert.deepEqual(server.arrived, ["POST /_synapse/admin/v1/registration_tokens/new"]);
      server.reset(() => {});
      await assert.rejects(http.request({ method: "GET", path: "/slow" }), TimeoutError);
      assert.equal(server.arrived.length, 3);
    });

    it("a POST whose connection broke after it arrived is sent once, and says it may have been carried out", async () => {
      server.reset((req) => req.socket.destroy());
      const { http } = client();
      await assert.rejects(http.request({ method: "POST", path: "/x", body: {} }), (error: unknown) => {
        assert.ok(error instanceof ConnectionError, String(error));
        assert.equal(error.mayHaveArrived, true);
        return true;
      });
      assert.equal(server.arrived.length, 1);
    });

    it("a POST whose connection was refused is tried again: it cannot have arrived", async () => {
      const { http, transport } = client({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
      await assert.rejects(http.request({ method: "POST", path: "/x", body: {} }), (error: unknown) => {
        assert.ok(error instanceof ConnectionError, String(error));
        assert.equal(error.mayHaveArrived, false);
        assert.match(error.message, /cannot reach/);
        return true;
      });
      assert.equal(transport.attempts, 3);
    });
  });
}

describe("FetchTransport: the global fetch", () => {
  it("calls the global fetch as a plain function, as a browser's fetch requires (else: Illegal invocation)", async () => {
    const original = globalThis.fetch;
    let seenThis: unknown = "not called";
    // As a browser's fetch: called on anything but the global object (or nothing) it throws.
    globalThis.fetch = function (this: unknown) {
      seenThis = this;
      if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation");
      return Promise.resolve(new Response('{"ok":true}', { status: 200 }));
    } as typeof fetch;
    try {
      const http = new HttpClient({ baseUrl: "http://127.0.0.1:1", transport: new FetchTransport() });
      assert.deepEqual(await http.request({ method: "GET", path: "/x" }), { ok: true });
      assert.ok(seenThis === undefined || seenThis === globalThis);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("the default transport", () => {
  it("is NodeHttpTransport with a user-agent where Node's modules are, FetchTransport without one in the browser build", async () => {
    const node = await import("../../../src/api/default-transport.ts");
    assert.ok(node.defaultTransport({}) instanceof NodeHttpTransport);
    assert.equal(node.defaultUserAgent(), "synadm");
    // The module the browser build puts in its place (scripts/build.mjs).
    const browser = await import("../../../src/api/default-transport.browser.ts");
    assert.ok(browser.defaultTransport({}) instanceof FetchTransport);
    assert.equal(browser.defaultUserAgent(), undefined);
    const failure = await import("../../../src/api/fetch-failure.browser.ts");
    assert.equal(failure.neverConnected(Object.assign(new Error("x"), { code: "ECONNREFUSED" })), false);
  });

  it("sends no user-agent header when there is none to send", async () => {
    const seen: Array<Readonly<Record<string, string>>> = [];
    const transport: Transport = {
      send: (request: HttpRequest): Promise<HttpResponse> => {
        seen.push(request.headers);
        return Promise.resolve({ status: 200, headers: {}, body: "{}" });
      },
    };
    await new HttpClient({ baseUrl: "http://h", transport }).request({ method: "GET", path: "/x" });
    await new HttpClient({ baseUrl: "http://h", transport, userAgent: "" }).request({
      method: "GET",
      path: "/x",
    });
    assert.equal(seen[0]!["user-agent"], "synadm");
    assert.equal(seen[1]!["user-agent"], undefined);
  });
});
