// The library's bulk engine: concurrency that adapts to rate limits, and runBulk.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AdaptiveLimit } from "../../../src/api/bulk/adaptive-limit.ts";
import { type BulkJournalEntry, runBulk } from "../../../src/api/bulk/run-bulk.ts";
import { RateLimitError } from "../../../src/api/errors.ts";
import { RateLimitGate } from "../../../src/api/rate-limit-gate.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const rateLimited = () =>
  new RateLimitError(429, { errcode: "M_LIMIT_EXCEEDED" }, { method: "POST", path: "/x" }, 5);

describe("AdaptiveLimit", () => {
  it("halves on a rate limit and grows back by one per run of successes", () => {
    const limit = new AdaptiveLimit(8);
    limit.slowDown();
    assert.equal(limit.limit, 4);
    limit.slowDown();
    limit.slowDown();
    limit.slowDown();
    assert.equal(limit.limit, 1);
    void limit.acquire();
    limit.release(true);
    assert.equal(limit.limit, 2);
    for (let i = 0; i < 2; i++) {
      void limit.acquire();
      limit.release(true);
    }
    assert.equal(limit.limit, 3);
    assert.throws(() => new AdaptiveLimit(0), /whole number/);
  });
});

describe("runBulk", () => {
  it("never has more items in flight than the concurrency", async () => {
    let inFlight = 0;
    let most = 0;
    const outcome = await runBulk({
      items: Array.from({ length: 30 }, (_, i) => i),
      concurrency: 3,
      perform: async (n) => {
        most = Math.max(most, ++inFlight);
        await tick();
        inFlight--;
        return n * 2;
      },
    });
    assert.equal(most, 3);
    assert.equal(outcome.done.length, 30);
    assert.deepEqual(
      outcome.done.map((d) => d.result).sort((a, b) => a - b),
      Array.from({ length: 30 }, (_, i) => i * 2),
    );
  });

  it("tries a rate-limited item again after a shared pause instead of losing it", async () => {
    const gate = new RateLimitGate();
    const pauses: number[] = [];
    gate.onPause((ms) => pauses.push(ms));
    const attempts = new Map<string, number>();
    const outcome = await runBulk({
      items: ["a", "b", "c"],
      rateLimits: gate,
      perform: async (item) => {
        const n = (attempts.get(item) ?? 0) + 1;
        attempts.set(item, n);
        if (item === "b" && n < 3) throw rateLimited();
        return n;
      },
    });
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.done.find((d) => d.item === "b")!.result, 3);
    assert.deepEqual(pauses, [5, 5]);
  });

  it("records a permanent failure per item and goes on", async () => {
    const journal: BulkJournalEntry[] = [];
    const outcome = await runBulk({
      items: ["a", "b", "c"],
      journal: { isDone: (key) => key === "a", record: (entry) => journal.push(entry) },
      perform: async (item) => {
        if (item === "b") throw new Error("HTTP 500");
        return item;
      },
    });
    assert.deepEqual(outcome.skipped, ["a"]);
    assert.deepEqual(
      outcome.failed.map((f) => [f.item, f.error.message]),
      [["b", "HTTP 500"]],
    );
    assert.deepEqual(journal, [
      { key: "b", outcome: "failed", error: "HTTP 500" },
      { key: "c", outcome: "done" },
    ]);
  });

  it("starts nothing new once stopped, and lets the items in flight finish", async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const outcome = await runBulk({
      items: [1, 2, 3, 4, 5, 6],
      concurrency: 2,
      stopSignal: stop.signal,
      perform: async (n) => {
        started.push(n);
        if (n === 2) stop.abort();
        await tick();
        return n;
      },
    });
    assert.deepEqual(started, [1, 2]);
    assert.equal(outcome.done.length, 2);
    assert.deepEqual(outcome.notStarted, [3, 4, 5, 6]);
    assert.equal(outcome.interrupted, true);
  });
});

describe("runBulk and signals", () => {
  it("aborts the items in flight when the caller's signal fires, without listener warnings", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on("warning", onWarning);
    const caller = new AbortController();
    const outcome = await runBulk({
      items: Array.from({ length: 40 }, (_, i) => i),
      concurrency: 20,
      signal: caller.signal,
      perform: (n, signal) =>
        new Promise((resolve, reject) => {
          signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
          if (n === 19) setTimeout(() => caller.abort(), 5);
          else if (n < 10) resolve(n);
        }),
    });
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    assert.equal(outcome.interrupted, true);
    assert.equal(outcome.done.length, 10);
    assert.equal(outcome.failed.length, 20, "the 20 in flight");
    assert.equal(outcome.notStarted.length, 10);
    assert.match(outcome.failed[0]!.error.message, /aborted/);
    assert.deepEqual(warnings, []);
  });
});
