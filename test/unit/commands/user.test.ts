import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Device } from "../../../src/api/resources/users.ts";
import { noLongerToDelete } from "../../../src/cli/commands/user/prune-devices.ts";
import { summaryLine } from "../../../src/cli/runtime/bulk/run-bulk-command.ts";

const DAY = 86_400_000;
const now = 100 * DAY;
const device = (id: string, daysAgo: number): Device => ({
  device_id: id,
  display_name: null,
  last_seen_ip: null,
  last_seen_ts: now - daysAgo * DAY,
});

describe("prune-devices: the condition checked again before each device", () => {
  const options = { minDays: 30, minSurviving: 1, deviceId: undefined };

  it("a device still old, with others left, is still to be deleted", () => {
    assert.equal(noLongerToDelete([device("A", 90), device("B", 1)], "A", options, now), undefined);
  });

  it("a device used since, gone, or among the last ones to keep is left alone, saying why", () => {
    assert.match(
      noLongerToDelete([device("A", 2), device("B", 1)], "A", options, now)!,
      /used within the last 30/,
    );
    assert.equal(noLongerToDelete([device("B", 1)], "A", options, now), "no longer exists");
    assert.match(
      noLongerToDelete([device("A", 90)], "A", options, now)!,
      /1 device\(s\) left, --min-surviving is 1/,
    );
  });

  it("a device named by --device-id is not held to its age", () => {
    const named = { ...options, deviceId: "A" };
    assert.equal(noLongerToDelete([device("A", 2), device("B", 1)], "A", named, now), undefined);
  });
});

describe("summary line", () => {
  it("counts items done earlier apart from those skipped because their condition no longer held", () => {
    const line = summaryLine("room purge-empty", {
      dry_run: false,
      total: 4,
      done: [{ room_id: "!a" }],
      failed: [],
      skipped: [
        { room_id: "!b", reason: "done by an earlier run" },
        { room_id: "!c", reason: "no longer empty: 1 local member(s) joined since it was chosen" },
        { room_id: "!d", reason: "no longer exists" },
      ],
    });
    assert.equal(line, "room purge-empty: 1 done, 0 failed, 1 done by an earlier run, 2 skipped (of 4).");
  });
});
