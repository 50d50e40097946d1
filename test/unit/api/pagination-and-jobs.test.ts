import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  InvalidInputError,
  InvalidResponseError,
  JobFailedError,
  PaginationError,
} from "../../../src/api/errors.ts";
import { jobOutcome, LongRunningJob } from "../../../src/api/jobs.ts";
import { PagedList } from "../../../src/api/pagination.ts";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";
import { FakeTransport } from "../../support/fake-transport.ts";
import {
  destination,
  eventReport,
  hierarchyRoom,
  mediaUsage,
  quarantineChange,
  roomListPage,
  roomSummary,
  userMedia,
  userReport,
  userSummary,
} from "../../support/fixtures.ts";

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

  /** A list of `pages` (cursor `undefined` is the first), recording what it was asked for. */
  const scripted = (
    pages: Record<string, { items: number[]; next?: string }>,
    asked: Array<string | undefined>,
  ) =>
    new PagedList({
      fetchPage: async (cursor: string | undefined) => {
        asked.push(cursor);
        const page = pages[cursor ?? "first"];
        if (!page) throw new Error(`no page ${cursor}`);
        return page;
      },
      items: (page) => page.items,
      nextCursor: (page) => page.next,
      request: { method: "GET", path: "/_synapse/admin/v1/test" },
    });
  const threePages = { first: { items: [1, 2], next: "b" }, b: { items: [3], next: "c" }, c: { items: [4] } };

  it("is awaitable: awaiting gives the first page, asked for once however often it is awaited", async () => {
    const asked: Array<string | undefined> = [];
    const list = scripted(threePages, asked);
    assert.equal(asked.length, 0, "nothing is fetched before the list is awaited or iterated");
    const page = await list;
    assert.deepEqual(page, threePages.first);
    assert.equal(await list, page);
    assert.deepEqual(await list.then((first) => first.items.length), 2);
    assert.deepEqual(asked, [undefined]);
    // Typed as a promise of its first page where one is expected.
    const promise: Promise<{ items: number[]; next?: string }> = list;
    assert.equal(await promise, page);
    assert.equal(Object.prototype.toString.call(list), "[object PagedList]");
  });

  it("is iterable: for await gives every item of every page", async () => {
    const asked: Array<string | undefined> = [];
    const list = scripted(threePages, asked);
    const items: number[] = [];
    for await (const item of list) items.push(item);
    assert.deepEqual(items, [1, 2, 3, 4]);
    assert.deepEqual(asked, [undefined, "b", "c"]);
    assert.deepEqual(await list.toArray(), [1, 2, 3, 4], "a list can be walked again");
    const pages: number[][] = [];
    for await (const page of list.pages()) pages.push(page.items);
    assert.deepEqual(pages, [[1, 2], [3], [4]]);
  });

  it("withFirstPage gives the first page, then every item from it, fetching page 1 once", async () => {
    const asked: Array<string | undefined> = [];
    const list = scripted(threePages, asked);
    const { page, items } = await list.withFirstPage();
    assert.deepEqual(page, threePages.first);
    assert.deepEqual(asked, [undefined], "only the first page before the items are read");
    const all: number[] = [];
    for await (const item of items) all.push(item);
    assert.deepEqual(all, [1, 2, 3, 4]);
    assert.deepEqual(asked, [undefined, "b", "c"]);
    // It shares the first page with await.
    assert.equal(await list, page);
    assert.deepEqual(asked, [undefined, "b", "c"]);
  });

  it("withFirstPage of a one-page list gives its items and ends", async () => {
    const asked: Array<string | undefined> = [];
    const { page, items } = await scripted({ first: { items: [7] } }, asked).withFirstPage();
    assert.deepEqual(page.items, [7]);
    const all: number[] = [];
    for await (const item of items) all.push(item);
    assert.deepEqual(all, [7]);
    assert.deepEqual(asked, [undefined]);
  });

  it("passes errors on: a failed first page rejects await, catch, finally and withFirstPage; a later one the items", async () => {
    const failing = () => scripted({}, []);
    await assert.rejects(async () => await failing(), /no page undefined/);
    assert.equal(await failing().catch((error: Error) => error.message), "no page undefined");
    let ran = false;
    await assert.rejects(
      failing().finally(() => {
        ran = true;
      }),
      /no page undefined/,
    );
    assert.ok(ran);
    assert.equal(await failing().then(undefined, () => "handled"), "handled");
    await assert.rejects(failing().withFirstPage(), /no page undefined/);
    await assert.rejects(failing().toArray(), /no page undefined/);

    const asked: Array<string | undefined> = [];
    const { items } = await scripted({ first: { items: [1], next: "gone" } }, asked).withFirstPage();
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of items) seen.push(item);
      })(),
      /no page gone/,
    );
    assert.deepEqual(seen, [1]);
  });

  it("withFirstPage's items are bounded like iteration: a repeated cursor or endless empty pages throw", async () => {
    const repeating = scripted({ first: { items: [1], next: "a" }, a: { items: [2], next: "a" } }, []);
    const { items } = await repeating.withFirstPage();
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of items) seen.push(item);
      })(),
      (error: unknown) => error instanceof PaginationError && /cursor "a" a second time/.test(error.message),
    );
    assert.deepEqual(seen, [1, 2]);

    let calls = 0;
    const endless = new PagedList(
      {
        fetchPage: async (cursor: number | undefined) => {
          calls++;
          return { items: cursor === undefined ? [0] : [], next: (cursor ?? 0) + 1 };
        },
        items: (page) => page.items,
        nextCursor: (page) => page.next,
      },
      { maxEmptyPages: 3 },
    );
    const walk = await endless.withFirstPage();
    await assert.rejects(
      (async () => {
        for await (const _ of walk.items);
      })(),
      /3 empty pages in a row/,
    );
    assert.equal(calls, 4, "the first page and three empty ones");
  });

  it("a page without its list of items is an invalid response, not a TypeError", async () => {
    const list = new PagedList({
      fetchPage: async () => ({}) as { items: number[] },
      items: (page) => page.items,
      nextCursor: () => undefined,
      request: { method: "GET", path: "/_synapse/admin/v1/test" },
    });
    assert.deepEqual(await list, {}, "awaiting gives the page as the server returned it");
    await assert.rejects(list.toArray(), (error: unknown) => {
      assert.ok(error instanceof InvalidResponseError);
      assert.match(error.message, /^GET \/_synapse\/admin\/v1\/test returned an invalid response/);
      return true;
    });
  });

  it("every paged endpoint is a PagedList: awaiting gives the first page, iterating follows its cursor", async () => {
    const cases: Array<{
      call: (admin: SynapseAdmin) => PagedList<unknown, unknown, unknown>;
      pages: [unknown, unknown];
      next: RegExp;
    }> = [
      {
        call: (admin) => admin.users.list({ limit: 1 }),
        pages: [
          { users: [userSummary({ name: "@a:x" })], next_token: "1", total: 2 },
          { users: [userSummary({ name: "@b:x" })], total: 2 },
        ],
        next: /\/v2\/users\?from=1&limit=1$/,
      },
      {
        call: (admin) => admin.users.listV3({ deactivated: false }),
        pages: [
          { users: [userSummary({ name: "@a:x" })], next_token: 1, total: 2 },
          { users: [userSummary({ name: "@b:x" })], total: 2 },
        ],
        next: /\/v3\/users\?from=1&deactivated=false$/,
      },
      {
        call: (admin) => admin.users.media("@a:x"),
        pages: [
          { media: [userMedia({ media_id: "m1" })], next_token: 1, total: 2 },
          { media: [userMedia({ media_id: "m2" })], total: 2 },
        ],
        next: /\/v1\/users\/%40a%3Ax\/media\?from=1$/,
      },
      {
        call: (admin) => admin.rooms.list(),
        pages: [
          roomListPage([roomSummary({ room_id: "!a" })], { next_batch: 1, total_rooms: 2 }),
          roomListPage([roomSummary({ room_id: "!b" })], { offset: 1, total_rooms: 2 }),
        ],
        next: /\/v1\/rooms\?from=1$/,
      },
      {
        call: (admin) => admin.rooms.messages("!r:x", { dir: "b" }),
        pages: [
          { chunk: [{ event_id: "$1" }], start: "s", end: "t1" },
          { chunk: [{ event_id: "$2" }], start: "t1" },
        ],
        next: /\/messages\?from=t1&dir=b$/,
      },
      {
        call: (admin) => admin.rooms.hierarchy("!r:x"),
        pages: [
          { rooms: [hierarchyRoom({ room_id: "!a" })], next_batch: "n" },
          { rooms: [hierarchyRoom({ room_id: "!b" })] },
        ],
        next: /\/hierarchy\?from=n$/,
      },
      {
        call: (admin) => admin.eventReports.list({ limit: 1 }),
        pages: [
          { event_reports: [eventReport({ id: 1 })], next_token: 1, total: 2 },
          { event_reports: [eventReport({ id: 2 })], total: 2 },
        ],
        next: /\/v1\/event_reports\?from=1&limit=1$/,
      },
      {
        call: (admin) => admin.userReports.list({ limit: 1, targetUserId: "@m:x" }),
        pages: [
          { user_reports: [userReport({ id: 1 })], next_token: 1, total: 2 },
          { user_reports: [userReport({ id: 2 })], total: 2 },
        ],
        next: /\/v1\/user_reports\?from=1&limit=1&target_user_id=%40m%3Ax$/,
      },
      {
        call: (admin) => admin.federation.destinations(),
        pages: [
          { destinations: [destination({ destination: "a" })], next_token: "1", total: 2 },
          { destinations: [destination({ destination: "b" })], total: 2 },
        ],
        next: /\/v1\/federation\/destinations\?from=1$/,
      },
      {
        call: (admin) => admin.federation.destinationRooms("a.example"),
        pages: [
          { rooms: [{ room_id: "!a", stream_ordering: 1 }], next_token: "1", total: 2 },
          { rooms: [{ room_id: "!b", stream_ordering: 2 }], total: 2 },
        ],
        next: /\/destinations\/a\.example\/rooms\?from=1$/,
      },
      {
        call: (admin) => admin.statistics.usersMedia(),
        pages: [
          { users: [mediaUsage({ user_id: "@a:x" })], next_token: 1, total: 2 },
          { users: [mediaUsage({ user_id: "@b:x" })], total: 2 },
        ],
        next: /\/v1\/statistics\/users\/media\?from=1$/,
      },
      {
        call: (admin) => admin.media.quarantineChanges(),
        // Synapse gives next_batch on every page, the last one too: an empty page (caught up) ends the list.
        pages: [
          {
            changes: [quarantineChange({ media_id: "m1" }), quarantineChange({ media_id: "m2" })],
            next_batch: 5,
          },
          { changes: [], next_batch: 5 },
        ],
        next: /\/v1\/media\/quarantine_changes\?from=5$/,
      },
    ];
    for (const { call, pages, next } of cases) {
      const transport = new FakeTransport(
        { json: pages[0] },
        { json: pages[0] },
        { json: pages[1] },
        { json: pages[1] },
      );
      const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
      const list = call(admin);
      assert.ok(list instanceof PagedList);
      const first = await list;
      assert.deepEqual(first, pages[0]);
      assert.equal((await list.toArray()).length, 2);
      assert.equal(transport.requests.length, 3);
      assert.match(transport.requests[2]!.url.href, next);
      // The same pages by hand, from the page awaited.
      assert.equal(first.hasNextPage(), true);
      const second = await first.nextPage();
      assert.deepEqual(second, pages[1]);
      assert.match(transport.requests[3]!.url.href, next);
      assert.equal(second.hasNextPage(), false);
    }
  });

  it("lists Synapse gives at once are lists too: one page, awaited or iterated", async () => {
    const token = { token: "t", uses_allowed: null, pending: 0, completed: 0, expiry_time: null };
    const task = {
      id: "1",
      action: "a",
      status: "failed",
      timestamp_ms: 1,
      resource_id: null,
      result: null,
      error: null,
    };
    const transport = new FakeTransport(
      { json: { registration_tokens: [token] } },
      { json: { scheduled_tasks: [task] } },
    );
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const tokens = admin.registrationTokens.list({ valid: true });
    assert.ok(tokens instanceof PagedList);
    assert.deepEqual(await tokens.toArray(), [token]);
    const tasks = await admin.scheduledTasks.list({ status: "failed" });
    assert.deepEqual(tasks, { scheduled_tasks: [task] });
    assert.equal(tasks.hasNextPage(), false);
    await assert.rejects(tasks.nextPage(), InvalidInputError);
    assert.equal(transport.requests.length, 2);
  });

  it("a page's navigation is not part of its data, and a repeated cursor by hand is a PaginationError", async () => {
    const page = { users: [userSummary({ name: "@a:x" })], next_token: "1", total: 5 };
    const transport = new FakeTransport({ json: page }, { json: page }, { json: page });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const first = await admin.users.list();
    assert.equal(JSON.stringify(first), JSON.stringify(page));
    assert.deepEqual(Object.keys(first), Object.keys(page));
    assert.deepEqual({ ...first }, page);
    const second = await first.nextPage();
    await assert.rejects(second.nextPage(), PaginationError);
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
      { json: { users: [userSummary({ name: "@a:x" })], next_token: "1", total: 5 } },
      { json: { users: [userSummary({ name: "@b:x" })], next_token: "1", total: 5 } },
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
    new LongRunningJob<{ status: string; error?: string }>("id1", {
      description: "room delete id1",
      fetchStatus: async () => ({ status: statuses.shift()!, error: "boom" }),
      outcome: jobOutcome,
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

  it("jobOutcome: complete and failed end a job, any other state is running", () => {
    assert.equal(jobOutcome({ status: "complete" }), "complete");
    assert.equal(jobOutcome({ status: "failed" }), "failed");
    for (const status of ["scheduled", "active", "shutting_down", "purging", "a_new_state", ""])
      assert.equal(jobOutcome({ status }), "running", status);
  });

  it("room deletes, history purges and redactions read their outcome with jobOutcome", async () => {
    const answers = (...statuses: string[]) =>
      statuses.map((status) => ({
        // Each job's status endpoint reads its own fields; the others pass through.
        json: {
          status,
          error: "boom",
          failed_redactions: {},
          delete_id: "d",
          room_id: "!r:x",
          shutdown_room: null,
        },
      }));
    const transport = new FakeTransport(
      ...answers("a_new_state", "complete", "failed"),
      ...answers("purging", "complete", "failed"),
      ...answers("scheduled", "complete", "failed"),
    );
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const handles = [
      () => admin.rooms.deleteJob("d"),
      () => admin.purgeHistory.purgeJob("p"),
      () => admin.users.redactionJob("r"),
    ];
    for (const handle of handles) {
      const seen: string[] = [];
      const final = await handle().wait({ intervalMs: 1, onStatus: (status) => seen.push(status.status) });
      assert.equal(final.status, "complete");
      assert.equal(seen.length, 2, "an unknown state counts as running");
      await assert.rejects(handle().wait({ intervalMs: 1 }), JobFailedError);
    }
    assert.equal(transport.requests.length, 9);
  });

  it("throws JobFailedError with the reason when the job fails", async () => {
    await assert.rejects(job(["purging", "failed"]).wait({ intervalMs: 1 }), (error: unknown) => {
      assert.ok(error instanceof JobFailedError);
      assert.equal(error.message, "room delete id1 failed: boom");
      return true;
    });
  });
});

describe("PendingJob", () => {
  const deleting = (...statuses: string[]) =>
    statuses.map((status) => ({
      json: { status, error: "boom", delete_id: "d1", room_id: "!r:x", shutdown_room: null },
    }));

  it("one await sends the start request and waits for the end, giving the final status", async () => {
    const transport = new FakeTransport({ json: { delete_id: "d1" } }, ...deleting("active", "complete"));
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const final = await admin.rooms.delete("!r:x", { purge: true });
    assert.equal(final.status, "complete");
    assert.deepEqual(
      transport.requests.map((request) => `${request.method} ${request.url.pathname}`),
      [
        "DELETE /_synapse/admin/v2/rooms/!r:x".replace("!r:x", "%21r%3Ax"),
        "GET /_synapse/admin/v2/rooms/delete_status/d1",
        "GET /_synapse/admin/v2/rooms/delete_status/d1",
      ],
    );
  });

  it("started() gives the job to keep its ID and follow it; the request is sent once", async () => {
    const transport = new FakeTransport({ json: { redact_id: "r1" } }, { json: { status: "complete" } });
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    const pending = admin.users.redact("@a:x");
    const job = await pending.started();
    assert.ok(job instanceof LongRunningJob);
    assert.equal(job.id, "r1");
    assert.equal(await pending.id(), "r1");
    const seen: string[] = [];
    assert.equal(
      (await pending.wait({ intervalMs: 1, onStatus: (s) => seen.push(s.status) })).status,
      "complete",
    );
    assert.deepEqual(seen, ["complete"]);
    assert.equal(transport.requests.length, 2);
  });

  it("a failed job rejects the await with JobFailedError; a failed start rejects started() and the await", async () => {
    const transport = new FakeTransport(
      { json: { purge_id: "p1" } },
      { json: { status: "failed", error: "boom" } },
      { status: 403, json: { errcode: "M_FORBIDDEN", error: "no" } },
    );
    const admin = new SynapseAdmin({ baseUrl: "https://hs.example.org", accessToken: "t", transport });
    await assert.rejects(admin.purgeHistory.purge("!r:x", { beforeTs: 1 }), JobFailedError);
    const refused = admin.purgeHistory.purge("!r:x", { beforeTs: 1 });
    // Nothing handles the failure for a while: it must not be an unhandled rejection meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await assert.rejects(refused.started(), /M_FORBIDDEN/);
    await assert.rejects(refused.then(), /M_FORBIDDEN/);
  });
});
