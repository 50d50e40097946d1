import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JobFailedError } from "../../src/api/errors.ts";
import { LongRunningJob } from "../../src/api/jobs.ts";
import { PagedList } from "../../src/api/pagination.ts";

describe("PagedList", () => {
  it("follows the cursor page by page and stops at the end", async () => {
    const pages: Record<string, { users: number[]; next_token?: string }> = {
      start: { users: [1, 2], next_token: "2" },
      "2": { users: [3], next_token: "3" },
      "3": { users: [] },
    };
    const asked: Array<string | undefined> = [];
    const list = new PagedList({
      fetchPage: async (cursor: string | undefined) => {
        asked.push(cursor);
        return pages[cursor ?? "start"]!;
      },
      items: (page) => page.users,
      nextCursor: (page) => page.next_token,
    });
    assert.deepEqual(await list.toArray(), [1, 2, 3]);
    assert.deepEqual(asked, [undefined, "2", "3"]);
  });

  it("stops when a server repeats a cursor instead of looping forever", async () => {
    let calls = 0;
    const list = new PagedList({
      fetchPage: async () => {
        calls++;
        return { items: [calls], next: "same" };
      },
      items: (page) => page.items,
      nextCursor: (page) => page.next,
    });
    assert.deepEqual(await list.toArray(), [1, 2]);
  });
});

describe("LongRunningJob", () => {
  const job = (statuses: string[]): LongRunningJob<{ status: string; error?: string }> =>
    new LongRunningJob("id1", {
      description: "room delete id1",
      fetchStatus: async () => ({ status: statuses.shift()!, error: "boom" }),
      outcome: (s) => (s.status === "complete" ? "complete" : s.status === "failed" ? "failed" : "running"),
      failureReason: (s) => s.error,
    });

  it("polls through unknown states until complete, reporting each", async () => {
    const seen: string[] = [];
    const final = await job(["shutting_down", "active", "purging", "complete"]).wait({
      intervalMs: 1,
      onStatus: (s) => seen.push(s.status),
    });
    assert.equal(final.status, "complete");
    assert.deepEqual(seen, ["shutting_down", "active", "purging", "complete"]);
  });

  it("throws JobFailedError with the reason when the job fails", async () => {
    await assert.rejects(job(["purging", "failed"]).wait({ intervalMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof JobFailedError);
      assert.equal(error.message, "room delete id1 failed: boom");
      return true;
    });
  });
});
