import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Device } from "../../../src/api/resources/users.ts";
import { noLongerToDelete } from "../../../src/cli/commands/user/devices.run.ts";

const DAY = 86_400_000;
const now = 100 * DAY;
const device = (id: string, daysAgo: number): Device => ({
  device_id: id,
  user_id: "@u:example.org",
  display_name: null,
  last_seen_user_agent: null,
  last_seen_ip: null,
  last_seen_ts: now - daysAgo * DAY,
});

describe("user prune-devices: the condition checked again before each device", () => {
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
