import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { daysAgo, formatLocalDateTime, parseDuration, parseTimeSpec } from "../../../src/api/time.ts";

describe("time helpers", () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);

  it("parses durations", () => {
    assert.equal(parseDuration("30d"), 30 * 86_400_000);
    assert.equal(parseDuration("1d12h"), 36 * 3_600_000);
    assert.equal(parseDuration("2w"), 14 * 86_400_000);
    assert.throws(() => parseDuration("30 days"), /like 30d/);
  });

  it("parses epoch ms, ISO with zones, local dates and relative times", () => {
    assert.equal(parseTimeSpec("1700000000000", now), 1_700_000_000_000);
    assert.equal(parseTimeSpec("2024-05-01T12:00:00Z", now), Date.UTC(2024, 4, 1, 12));
    assert.equal(parseTimeSpec("2024-05-01T12:00:00+02:00", now), Date.UTC(2024, 4, 1, 10));
    assert.equal(parseTimeSpec("2024-05-01", now), new Date(2024, 4, 1).getTime());
    assert.equal(parseTimeSpec("2024-05-01 08:30:15", now), new Date(2024, 4, 1, 8, 30, 15).getTime());
    assert.equal(parseTimeSpec("30d", now), now - 30 * 86_400_000);
    assert.equal(daysAgo(2, now), now - 2 * 86_400_000);
    for (const bad of ["yesterday", "2024-13-01", "2024-02-30", "12"])
      assert.throws(() => parseTimeSpec(bad, now), /expected a date/, bad);
  });

  it("formats local date-times as synadm prints them", () => {
    assert.equal(formatLocalDateTime(new Date(2024, 0, 2, 3, 4, 5).getTime()), "2024-01-02 03:04:05");
  });
});
