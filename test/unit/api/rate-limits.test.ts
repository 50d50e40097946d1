// Every wait is bounded: a server's Retry-After never holds a call longer than
// its timeout or the client's cap, nor a bulk run longer than its cap; a pause
// goes away with the call that set it; Node's timer limit is never crossed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runBulk } from "../../../src/api/bulk/run-bulk.ts";
import { AbortError, InvalidInputError, RateLimitError, SynadmError } from "../../../src/api/errors.ts";
import { HttpClient } from "../../../src/api/http-client.ts";
import { DEFAULT_MAX_WAIT_MS, RateLimitGate } from "../../../src/api/rate-limit-gate.ts";
import { DEFAULT_RETRY_POLICY, MAX_TIMER_MS, sleep } from "../../../src/api/retry.ts";
import type { HttpRequest, HttpResponse, Transport } from "../../../src/api/transport.ts";

const limited = (retryAfterMs: number): HttpResponse => ({
  status: 429,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    errcode: "M_LIMIT_EXCEEDED",
    error: "Too Many Requests",
    retry_after_ms: retryAfterMs,
  }),
});
const ok: HttpResponse = { status: 200, headers: {}, body: "{}" };

/** Answers each request by its path: `/limited/<ms>` once with a 429 asking for that long, anything else at once. */
class PathTransport implements Transport {
  readonly sent: Array<{ path: string; at: number }> = [];
  readonly #limitedOnce = new Set<string>();
  async send(request: HttpRequest): Promise<HttpResponse> {
    const path = request.url.pathname.replace("/_synapse/admin", "");
    this.sent.push({ path, at: Date.now() });
    const match = /^\/limited\/(\d+)$/.exec(path);
    if (match && !this.#limitedOnce.has(path)) {
      this.#limitedOnce.add(path);
      return limited(Number(match[1]));
    }
    return ok;
  }
}

function client(options: { timeoutMs?: number; maxRetryAfterMs?: number; share?: boolean } = {}) {
  const transport = new PathTransport();
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
  };
  const http = new HttpClient({
    baseUrl: "https://hs.example.org",
    transport,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_WAIT_MS },
    logger: { debug: () => {}, info: (l) => log(`INFO ${l}`), warn: (l) => log(`WARN ${l}`) },
    ...(options.share === undefined ? {} : { shareRateLimitPause: options.share }),
  });
  return { http, transport, lines };
}

const elapsed = async (work: () => Promise<unknown>): Promise<number> => {
  const start = Date.now();
  await work();
  return Date.now() - start;
};

describe("waits for a rate limit are capped", () => {
  it("the default cap is 5 minutes; a longer Retry-After fails at once with a typed error", async () => {
    assert.equal(DEFAULT_RETRY_POLICY.maxRetryAfterMs, 5 * 60_000);
    const { http, transport } = client({ timeoutMs: MAX_TIMER_MS });
    const took = await elapsed(() =>
      assert.rejects(http.request({ method: "GET", path: "/limited/3600000" }), (error: unknown) => {
        assert.ok(error instanceof RateLimitError);
        assert.equal(error.retryAfterMs, 3_600_000);
        assert.equal(error.allowedWaitMs, 300_000);
        assert.match(error.message, /server asks to wait 3600 s, longer than the 300 s allowed/);
        return true;
      }),
    );
    assert.ok(took < 1000, `failed at once (${took} ms)`);
    assert.equal(transport.sent.length, 1);
  });

  it("the cap is the client's option", async () => {
    const { http } = client({ maxRetryAfterMs: 20 });
    await assert.rejects(
      http.request({ method: "GET", path: "/limited/50" }),
      /server asks to wait 50 ms, longer than the 20 ms allowed/,
    );
    const { http: patient } = client({ maxRetryAfterMs: 100 });
    assert.deepEqual(await patient.request({ method: "GET", path: "/limited/50" }), {});
  });

  it("the client's gate holds no pause longer than its cap", () => {
    const gate = new RateLimitGate({ maxPauseMs: 1000 });
    gate.pause(3_000_000_000);
    assert.ok(gate.pausedUntil - Date.now() <= 1000);
    assert.equal(client({ maxRetryAfterMs: 1234 }).http.rateLimits.maxPauseMs, 1234);
  });

  it("a long wait is told as a warning, naming the request", async () => {
    const { http, lines } = client();
    // Not really waited: the call is aborted once the warning is out.
    const controller = new AbortController();
    const call = http.request({ method: "POST", path: "/limited/6000", signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await assert.rejects(call, AbortError);
    assert.deepEqual(
      lines.filter((l) => l.startsWith("WARN")),
      [
        "WARN rate limited on POST /_synapse/admin/limited/6000; waiting 6.0 s as the server asks, with every request of this client",
      ],
    );
  });
});

describe("timeouts and Node's timer limit", () => {
  it("a timeout above 2^31-1 ms is refused as bad input, for the client and for one call", async () => {
    assert.throws(
      () =>
        new HttpClient({ baseUrl: "https://h", timeoutMs: 3_000_000_000, transport: new PathTransport() }),
      (error: unknown) => error instanceof InvalidInputError && /timer limit/.test(error.message),
    );
    assert.throws(() => new HttpClient({ baseUrl: "https://h", timeoutMs: 0 }), InvalidInputError);
    const { http, transport } = client();
    await assert.rejects(http.request({ method: "GET", path: "/x", timeoutMs: 2 ** 31 }), InvalidInputError);
    assert.equal(transport.sent.length, 0);
  });

  it("sleep() past the timer limit does not fire early", async () => {
    const controller = new AbortController();
    const long = sleep(MAX_TIMER_MS + 1000, controller.signal).then(() => "fired");
    const winner = await Promise.race([
      long,
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 50)),
    ]);
    assert.equal(winner, "still waiting");
    controller.abort();
    await assert.rejects(long, AbortError);
  });
});

describe("the shared pause", () => {
  it("a call's own timeout bounds its wait on a pause another call set", async () => {
    const { http, transport } = client();
    const controller = new AbortController();
    const first = http.request({ method: "GET", path: "/limited/3000", signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const took = await elapsed(async () => {
      const calls = Array.from({ length: 10 }, (_, n) =>
        http.request({ method: "GET", path: `/other/${n}`, timeoutMs: 300 }),
      );
      const results = await Promise.allSettled(calls);
      for (const result of results) {
        assert.equal(result.status, "rejected");
        assert.ok((result as PromiseRejectedResult).reason instanceof RateLimitError);
        assert.match(String((result as PromiseRejectedResult).reason), /longer than the 300 ms allowed/);
      }
    });
    assert.ok(took < 300, `ten calls with a 300 ms timeout ended after ${took} ms`);
    assert.equal(transport.sent.filter((s) => s.path.startsWith("/other")).length, 0, "none was sent");
    controller.abort();
    await assert.rejects(first, AbortError);
  });

  it("an aborted call withdraws its pause: the calls waiting and the calls after it go on at once", async () => {
    const { http, transport } = client();
    const controller = new AbortController();
    const first = http.request({ method: "GET", path: "/limited/5000", signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(http.rateLimits.paused);
    const waiting = http.request({ method: "GET", path: "/waiting" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await assert.rejects(first, AbortError);
    assert.equal(http.rateLimits.paused, false);
    const took = await elapsed(async () => {
      assert.deepEqual(await waiting, {});
      assert.deepEqual(await http.request({ method: "GET", path: "/after" }), {});
    });
    assert.ok(took < 200, `went on after ${took} ms`);
    assert.deepEqual(
      transport.sent.map((s) => s.path),
      ["/limited/5000", "/waiting", "/after"],
    );
  });

  it("can be turned off: a rate limit then holds back only the call it hit", async () => {
    const { http, transport } = client({ share: false });
    const first = http.request({ method: "GET", path: "/limited/300" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(http.rateLimits.paused, false);
    const took = await elapsed(() => http.request({ method: "GET", path: "/other" }));
    assert.ok(took < 100, `the other call went on at once (${took} ms)`);
    assert.deepEqual(await first, {});
    const retry = transport.sent.filter((s) => s.path === "/limited/300");
    assert.equal(retry.length, 2);
    assert.ok(retry[1]!.at - retry[0]!.at >= 290, "the limited call waited the server's hint");
  });
});

describe("bulk runs and long Retry-After", () => {
  const hourLong = () =>
    new RateLimitError(429, { errcode: "M_LIMIT_EXCEEDED" }, { method: "POST", path: "/x" }, 3_600_000);

  it("fail instead of waiting an hour, and try no further item", async () => {
    const gate = new RateLimitGate();
    const tried: string[] = [];
    const took = await elapsed(async () => {
      const outcome = await runBulk({
        items: ["a", "b", "c", "d"],
        concurrency: 1,
        rateLimits: gate,
        perform: async (item) => {
          tried.push(item);
          if (item === "b") throw hourLong();
          return item;
        },
      });
      assert.deepEqual(
        outcome.done.map((d) => d.item),
        ["a"],
      );
      assert.deepEqual(
        outcome.failed.map((f) => f.item),
        ["b", "c", "d"],
      );
      const [b, c] = outcome.failed;
      assert.ok(b!.error instanceof RateLimitError);
      assert.equal((b!.error as RateLimitError).allowedWaitMs, DEFAULT_MAX_WAIT_MS);
      assert.match(b!.error.message, /server asks to wait 3600 s, longer than the 300 s allowed/);
      assert.match(c!.error.message, /^not tried: .*3600 s/);
      assert.ok(c!.error instanceof SynadmError, "every failure the library raises is a SynadmError");
    });
    assert.deepEqual(tried, ["a", "b"]);
    assert.equal(gate.paused, false, "no pause of an hour");
    assert.ok(took < 1000);
  });

  it("take the cap from the gate or their own option", async () => {
    const perform = async (item: string) => {
      if (item === "b") throw new RateLimitError(429, {}, { method: "POST", path: "/x" }, 50);
      return item;
    };
    const strict = await runBulk({
      items: ["a", "b"],
      rateLimits: new RateLimitGate({ maxPauseMs: 10 }),
      perform,
    });
    assert.equal(strict.failed.length, 1);
    const own = await runBulk({ items: ["a", "b"], rateLimits: new RateLimitGate(), maxWaitMs: 10, perform });
    assert.equal(own.failed.length, 1);
  });
});
