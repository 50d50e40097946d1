import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { AdaptiveLimit } from "../../../src/api/bulk/adaptive-limit.ts";
import { type BulkJournalEntry, runBulk } from "../../../src/api/bulk/run-bulk.ts";
import { RateLimitError } from "../../../src/api/errors.ts";
import { RateLimitGate } from "../../../src/api/rate-limit-gate.ts";
import { JournalFile } from "../../../src/cli/runtime/bulk/journal-file.ts";
import { describeProgress, progressDisplay } from "../../../src/cli/runtime/bulk/progress.ts";
import { csvLine, parseCsv } from "../../../src/cli/runtime/csv.ts";

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

describe("JournalFile", () => {
  it("keeps outcomes across reads and ignores a line cut short by a crash", () => {
    const path = JournalFile.pathFor(mkdtempSync(join(tmpdir(), "synadm-journal-")), "user x", "https://h", {
      a: 1,
    });
    const journal = JournalFile.create(path, {
      command: "user x",
      server: "https://h",
      identity: {},
      items: ["a", "b"],
    });
    journal.record({ key: "a", outcome: "done" });
    journal.record({ key: "b", outcome: "failed", error: "boom" });
    appendFileSync(path, '{"key":"b","outc');
    const again = JournalFile.read(path)!;
    assert.equal(again.isDone("a"), true);
    assert.equal(again.isDone("b"), false);
    assert.equal(again.failures.get("b"), "boom");
    assert.equal(again.header.run_id, journal.header.run_id);
    assert.notEqual(
      path,
      JournalFile.pathFor(tmpdir(), "user x", "https://h", { a: 2 }),
      "other arguments, other journal",
    );
  });
});

describe("progress", () => {
  it("says counts, rate, time left and why the run is held back", () => {
    const text = describeProgress(
      {
        total: 100,
        done: 40,
        failed: 2,
        skipped: 8,
        inFlight: 4,
        concurrency: 2,
        pausedUntil: 13_000,
        stopping: false,
        startedAt: 0,
      },
      10_000,
    );
    assert.equal(
      text,
      "50/100, 2 failed, 8 done earlier, 4.2/s, ETA 12 s, rate-limited: paused 3 s, 2 at once",
    );
  });
});

describe("progress display", () => {
  const at = (done: number, extra: Partial<Parameters<typeof describeProgress>[0]> = {}) => ({
    total: 10,
    done,
    failed: 0,
    skipped: 0,
    inFlight: 1,
    concurrency: 4,
    pausedUntil: undefined,
    stopping: false,
    startedAt: 0,
    ...extra,
  });

  it("redraws one bar in place on a terminal, at most every 100 ms", () => {
    let now = 0;
    const written: string[] = [];
    const display = progressDisplay({ isTTY: true, write: (s: string) => written.push(s) }, "job", () => now);
    now = 150;
    display.update(at(1));
    now = 160;
    display.update(at(2));
    now = 1000;
    display.end(at(10));
    assert.equal(written.length, 3);
    assert.match(written[0]!, /^\r\x1b\[Kjob \[##-{22}\] 1\/10, /);
    assert.match(written[1]!, /\[#{24}\] 10\/10/);
    assert.equal(written[2], "\n");
  });

  it("writes plain lines elsewhere: every ten seconds and on a change of state", () => {
    let now = 0;
    const written: string[] = [];
    const display = progressDisplay(
      { isTTY: false, write: (s: string) => written.push(s) },
      "job",
      () => now,
    );
    display.update(at(1));
    now = 2000;
    display.update(at(2));
    now = 3000;
    display.update(at(3, { pausedUntil: 5000, concurrency: 2 }));
    now = 14_000;
    display.update(at(4, { concurrency: 2 }));
    now = 15_000;
    display.update(at(5, { concurrency: 2 }));
    assert.equal(written.length, 2, written.join(""));
    assert.match(written[0]!, /^job: 3\/10, .*rate-limited: paused 2 s, 2 at once\n$/);
    assert.doesNotMatch(written.join(""), /\x1b/);
  });
});

describe("CSV", () => {
  it("quotes only where needed and reads back what it wrote, line breaks and quotes included", () => {
    const values = ["plain", 'say "hi"', "a,b", "two\nlines", "", null, 42, true];
    const line = csvLine(values);
    assert.equal(line, 'plain,"say ""hi""","a,b","two\nlines",,,42,true');
    const rows = parseCsv(`h1,h2\r\n${line}\n\nlast,row`);
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 5],
    );
    assert.deepEqual(rows[1]!.fields, ["plain", 'say "hi"', "a,b", "two\nlines", "", "", "42", "true"]);
    assert.throws(() => parseCsv('a,"open\n'), /never closed/);
  });
});
