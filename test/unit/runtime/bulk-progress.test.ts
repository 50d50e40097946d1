import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeProgress, progressDisplay } from "../../../src/cli/runtime/bulk/progress.ts";

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
