import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  InvalidInputError,
  InvalidResponseError,
  JobFailedError,
  PaginationError,
} from "../../../src/api/errors.ts";
import { LongRunningJob } from "../../../src/api/jobs.ts";
import { PagedList } from "../../../src/api/pagination.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";

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

  it("throws PaginationError when a server repeats a cursor, instead of looping or ending silently", async () => {
    let calls = 0;
    const list = new PagedList({
      fetchPage: async () => {
        calls++;
        return { items: [calls], next: "same" };
      },
      items: (page) => page.items,
      nextCursor: (page) => page.next,
      request: { method: "GET", path: "/_synapse/admin/v2/users" },
    });
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of list) seen.push(item);
      })(),
      (error: unknown) => {
        assert.ok(error instanceof PaginationError);
        assert.ok(error instanceof InvalidResponseError, "the CLI reports it as an invalid response");
        assert.equal(error.cursor, "same");
        assert.match(error.message, /^GET \/_synapse\/admin\/v2\/users returned an invalid response/);
        assert.match(error.message, /cursor "same" a second time/);
        return true;
      },
    );
    assert.deepEqual(seen, [1, 2]);
  });

  it("throws PaginationError after a bounded number of empty pages with new cursors", async () => {
    let calls = 0;
    const endless = (maxEmptyPages?: number) =>
      new PagedList(
        {
          fetchPage: async (cursor: number | undefined) => {
            calls++;
            return { items: cursor === undefined ? [0] : [], next: (cursor ?? 0) + 1 };
          },
          items: (page) => page.items,
          nextCursor: (page) => page.next,
        },
        maxEmptyPages === undefined ? {} : { maxEmptyPages },
      );
    await assert.rejects(endless().toArray(), /10 empty pages in a row, each with a new cursor/);
    assert.equal(calls, 11, "the first page and ten empty ones");
    calls = 0;
    await assert.rejects(endless(3).toArray(), PaginationError);
    assert.equal(calls, 4);
  });

  it("goes on after empty pages as long as items come again", async () => {
    const list = new PagedList({
      fetchPage: async (cursor: number | undefined) => ({
        items: (cursor ?? 0) % 5 === 4 ? [cursor] : [],
        next: (cursor ?? 0) < 40 ? (cursor ?? 0) + 1 : undefined,
      }),
      items: (page) => page.items,
      nextCursor: (page) => page.next,
    });
    assert.deepEqual(await list.toArray(), [4, 9, 14, 19, 24, 29, 34, 39]);
  });

  it("refuses limit 0 (and other page sizes below 1) before any request", async () => {
    const transport = new FakeTransport();
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    for (const limit of [0, -1, 1.5]) {
      assert.throws(() => admin.users.list({ limit }), InvalidInputError);
      assert.throws(() => admin.rooms.list({ limit }), InvalidInputError);
      await assert.rejects(admin.users.listPage({ limit }), InvalidInputError);
      await assert.rejects(admin.users.listPageV3({ limit }), InvalidInputError);
      await assert.rejects(admin.rooms.listPage({ limit }), InvalidInputError);
    }
    assert.equal(transport.requests.length, 0);
  });

  it("names the endpoint of a users or rooms list that does not end", async () => {
    const transport = new FakeTransport(
      { json: { users: [{ name: "@a:x" }], next_token: "1", total: 5 } },
      { json: { users: [{ name: "@b:x" }], next_token: "1", total: 5 } },
    );
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    await assert.rejects(
      admin.users.list().toArray(),
      /^PaginationError: GET \/_synapse\/admin\/v2\/users returned/,
    );
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
