import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { summaryLine } from "../../../src/cli/runtime/bulk/run-bulk-command.ts";

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
