import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SynapseAdmin } from "../../src/api/synapse-admin.ts";
import { assertOneLineError, parseJson as json, jsonSession, runCli } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createUser,
  loginUser,
  mxid,
  testServer,
  uniquePrefix,
} from "../support/server.ts";

const { home, synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;

async function roomWithMessage(token: string, body: string): Promise<{ roomId: string; eventId: string }> {
  const roomId = ((await clientApi(token, "POST", "/createRoom", {})).json as { room_id: string }).room_id;
  const sent = await clientApi(token, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/${Date.now()}`, {
    msgtype: "m.text",
    body,
  });
  return { roomId, eventId: (sent.json as { event_id: string }).event_id };
}

describe("the rest of the Admin API", () => {
  it("event-report list, show and delete the reports users made", async () => {
    await createUser(`${prefix}rep`, "pw");
    const token = await loginUser(`${prefix}rep`, "pw");
    const { roomId, eventId } = await roomWithMessage(token, "report me");
    const reported = await clientApi(token, "POST", `/rooms/${enc(roomId)}/report/${enc(eventId)}`, {
      reason: "spam",
    });
    assert.equal(reported.status, 200, JSON.stringify(reported.json));

    const listed = json<{ event_reports: Array<{ id: number; event_id: string; reason: string }> }>(
      (await synadm("event-report", "list", "-r", roomId)).stdout,
    );
    assert.equal(listed.event_reports.length, 1);
    const report = listed.event_reports[0]!;
    assert.deepEqual([report.event_id, report.reason], [eventId, "spam"]);
    const byReporter = json<{ total: number }>(
      (await synadm("event-report", "list", "-u", `${prefix}rep`)).stdout,
    );
    assert.equal(byReporter.total, 1);
    const shown = json<{ event_id: string; event_json: { content: { body: string } } }>(
      (await synadm("event-report", "show", String(report.id))).stdout,
    );
    assert.deepEqual([shown.event_id, shown.event_json.content.body], [eventId, "report me"]);
    assert.equal((await synadm("event-report", "delete", String(report.id))).code, 10);
    assert.equal((await synadm("--batch", "event-report", "delete", String(report.id))).code, 0);
    assert.equal((await adminApi("GET", `/v1/event_reports/${report.id}`)).status, 404);
  });

  it("federation shows no destinations on an isolated server and reports unknown ones in one line", async () => {
    assert.deepEqual(json((await synadm("federation", "list")).stdout), { destinations: [], total: 0 });
    const unknown = await synadm("federation", "show", "nowhere.example");
    assert.equal(unknown.code, 1);
    assertOneLineError(unknown.stderr, /HTTP 404 M_NOT_FOUND/);
    assert.equal((await synadm("federation", "rooms", "nowhere.example")).code, 1);
    const reset = await synadm("--batch", "federation", "reset", "nowhere.example");
    assert.equal(reset.code, 1);
    assertOneLineError(reset.stderr, /HTTP 404/);
    assert.equal((await synadm("federation", "show", "not a server")).code, 2);
  });

  it("stats media-usage counts a user's uploads, largest first in a table", async () => {
    await createUser(`${prefix}big`, "pw");
    const token = await loginUser(`${prefix}big`, "pw");
    for (const size of [10, 2000]) {
      await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=f`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
        body: "x".repeat(size),
      });
    }
    const usage = json<{ users: Array<{ user_id: string; media_count: number; media_length: number }> }>(
      (await synadm("stats", "media-usage", "-n", `${prefix}big`)).stdout,
    );
    assert.deepEqual(
      usage.users.map((u) => [u.user_id, u.media_count, u.media_length]),
      [[mxid(`${prefix}big`), 2, 2010]],
    );
    const table = (await synadm("-o", "human", "stats", "media-usage", "--since", "1d")).stdout;
    assert.match(table, /^user_id\s+displayname\s+media_count\s+media_length|^displayname|media_length/m);
  });

  it("stats room-sizes reports in one line that the SQLite test server cannot answer", async () => {
    const result = await synadm("stats", "room-sizes");
    assert.equal(result.code, 1);
    assertOneLineError(
      result.stderr,
      /GET \/_synapse\/admin\/v1\/statistics\/database\/rooms failed: HTTP 400 .*requires using PostgreSQL/,
    );
  });

  it("background-updates disable and enable change the server's state; start runs a job", async () => {
    assert.equal((await synadm("background-updates", "disable")).code, 0);
    assert.equal(
      ((await adminApi("GET", "/v1/background_updates/status")).json as { enabled: boolean }).enabled,
      false,
    );
    assert.equal((await synadm("background-updates", "enable")).code, 0);
    assert.equal(
      json<{ enabled: boolean }>((await synadm("background-updates", "status")).stdout).enabled,
      true,
    );
    // A fresh server queues its own stats and directory jobs at start, and Synapse refuses a
    // second copy: either answer means the job is queued on the server now.
    // The job walks every room and user of the suite's server: on a busy machine that takes a while.
    const started = await runCli(["background-updates", "start", "populate_stats_process_rooms"], {
      home,
      timeoutMs: 240_000,
    });
    if (started.code !== 0)
      assertOneLineError(started.stderr, /Job populate_stats_process_rooms is already in queue/);
    // Followed until no update runs any more.
    else assert.equal(json<{ job_name: string }>(started.stdout).job_name, "populate_stats_process_rooms");
    assert.equal((await synadm("background-updates", "start", "nothing")).code, 2);
  });

  it("scheduled-tasks lists the task of a room delete", async () => {
    const { roomId } = await roomWithMessage(testServer().token, "doomed");
    const deletion = await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {});
    assert.equal(deletion.status, 200);
    const tasks = json<{ scheduled_tasks: Array<{ resource_id: string; action: string }> }>(
      (await synadm("scheduled-tasks", "list", "-r", roomId)).stdout,
    );
    assert.deepEqual(
      tasks.scheduled_tasks.map((t) => [t.resource_id, t.action]),
      [[roomId, "shutdown_and_purge_room"]],
    );
  });

  it("event show fetches any event; a malformed ID is refused first", async () => {
    const { eventId } = await roomWithMessage(testServer().token, "find me");
    const shown = json<{ event: { event_id: string; content: { body: string } } }>(
      (await synadm("event", "show", eventId)).stdout,
    );
    assert.deepEqual([shown.event.event_id, shown.event.content.body], [eventId, "find me"]);
    assert.equal((await synadm("event", "show", "not-an-event")).code, 2);
  });

  it("experimental-features set and list change a user's features", async () => {
    const userId = await createUser(`${prefix}exp`, "pw");
    const result = await synadm(
      "experimental-features",
      "set",
      `${prefix}exp`,
      "msc3881=true",
      "msc4222=false",
    );
    assert.equal(result.code, 0, result.stderr);
    const state = (await adminApi("GET", `/v1/experimental_features/${enc(userId)}`)).json as {
      features: Record<string, boolean>;
    };
    assert.equal(state.features["msc3881"], true);
    assert.equal(state.features["msc4222"], false);
    assert.deepEqual(json((await synadm("experimental-features", "list", userId)).stdout), state);
    const bad = await synadm("experimental-features", "set", userId, "msc9999=true");
    assert.equal(bad.code, 2);
    assertOneLineError(bad.stderr, /invalid feature "msc9999=true"/);
  });
});

describe("the rest of the Admin API: order, dry runs, filters and the library", () => {
  it("event-report list --reverse gives the oldest first; delete --dry-run keeps the report", async () => {
    await createUser(`${prefix}rep2`, "pw");
    const token = await loginUser(`${prefix}rep2`, "pw");
    const { roomId, eventId: first } = await roomWithMessage(token, "first");
    const second = (
      (
        await clientApi(token, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/${Date.now()}b`, {
          msgtype: "m.text",
          body: "second",
        })
      ).json as { event_id: string }
    ).event_id;
    for (const eventId of [first, second]) {
      const reported = await clientApi(token, "POST", `/rooms/${enc(roomId)}/report/${enc(eventId)}`, {
        reason: "spam",
      });
      assert.equal(reported.status, 200, JSON.stringify(reported.json));
    }
    const order = async (...extra: string[]): Promise<string[]> =>
      json<{ event_reports: Array<{ event_id: string }> }>(
        (await synadm("event-report", "list", "-r", roomId, ...extra)).stdout,
      ).event_reports.map((r) => r.event_id);
    assert.deepEqual(await order(), [second, first]);
    assert.deepEqual(await order("--reverse"), [first, second]);
    const page = json<{ event_reports: unknown[]; next_token?: number; total: number }>(
      (await synadm("event-report", "list", "-r", roomId, "-l", "1")).stdout,
    );
    assert.deepEqual([page.event_reports.length, page.next_token, page.total], [1, 1, 2]);
    const bySender = json<{ total: number }>(
      (await synadm("event-report", "list", "-s", `${prefix}rep2`)).stdout,
    );
    assert.equal(bySender.total, 2);

    const ids = json<{ event_reports: Array<{ id: number }> }>(
      (await synadm("event-report", "list", "-r", roomId)).stdout,
    ).event_reports.map((r) => r.id);
    const dry = await synadm("event-report", "delete", String(ids[0]), "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal((await adminApi("GET", `/v1/event_reports/${ids[0]}`)).status, 200);
    for (const id of ids)
      assert.equal((await synadm("--batch", "event-report", "delete", String(id))).code, 0);
    assert.equal((await adminApi("GET", `/v1/event_reports/${ids[0]}`)).status, 404);
    assert.equal((await synadm("event-report", "show", "not-a-number")).code, 2);
  });

  it("federation list accepts every order and reverse; reset --dry-run sends nothing", async () => {
    for (const sort of ["destination", "retry_last_ts", "retry_interval", "failure_ts"]) {
      const listed = await synadm("federation", "list", "-s", sort, "-r", "-l", "5");
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(json(listed.stdout), { destinations: [], total: 0 });
    }
    assert.equal((await synadm("federation", "list", "-s", "nonsense")).code, 2);
    const dry = await synadm("federation", "reset", "nowhere.example", "--dry-run");
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /Would: Reset the connection backoff of nowhere\.example/);
    const rooms = await synadm("federation", "rooms", "nowhere.example");
    assertOneLineError(rooms.stderr, /HTTP 404/);
  });

  it("stats media-usage honours the time window, the sort and the human table order", async () => {
    await createUser(`${prefix}small`, "pw");
    await createUser(`${prefix}large`, "pw");
    for (const [user, size] of [
      [`${prefix}small`, 5],
      [`${prefix}large`, 5000],
    ] as const) {
      const token = await loginUser(user, "pw");
      const upload = await fetch(`${testServer().baseUrl}/_matrix/media/v3/upload?filename=f`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
        body: "y".repeat(size),
      });
      assert.equal(upload.status, 200);
    }
    const mine = (...extra: string[]) =>
      synadm("stats", "media-usage", "-n", prefix, ...extra).then((r) =>
        json<{ users: Array<{ user_id: string; media_length: number }> }>(r.stdout)
          .users.filter((u) => u.user_id === mxid(`${prefix}small`) || u.user_id === mxid(`${prefix}large`))
          .map((u) => u.user_id),
      );
    assert.deepEqual(await mine("-s", "media_length"), [mxid(`${prefix}small`), mxid(`${prefix}large`)]);
    assert.deepEqual(await mine("-s", "media_length", "-r"), [
      mxid(`${prefix}large`),
      mxid(`${prefix}small`),
    ]);
    assert.deepEqual(await mine("--until", "2000-01-01"), []);
    assert.equal((await mine("--since", "1h", "--until", String(Date.now() + 60_000))).length, 2);

    const table = (await synadm("-o", "human", "stats", "media-usage", "-n", prefix, "-s", "user_id", "-r"))
      .stdout;
    const large = table.indexOf(`${prefix}large`);
    const small = table.indexOf(`${prefix}small`);
    assert.ok(large >= 0 && small >= 0 && large < small, table);
    assert.equal((await synadm("stats", "media-usage", "--since", "someday")).code, 2);
  });

  it("background-updates: the library reads the enabled state the CLI set", async () => {
    const admin = new SynapseAdmin({ baseUrl: testServer().baseUrl, accessToken: testServer().token });
    try {
      assert.equal((await synadm("background-updates", "disable")).code, 0);
      assert.deepEqual(await admin.backgroundUpdates.enabled(), { enabled: false });
      assert.equal(
        json<{ enabled: boolean }>((await synadm("background-updates", "status")).stdout).enabled,
        false,
      );
    } finally {
      assert.equal((await synadm("background-updates", "enable")).code, 0);
    }
    assert.deepEqual(await admin.backgroundUpdates.enabled(), { enabled: true });
    const badTime = await synadm("background-updates", "start", "event_resign", "--before-ts", "someday");
    assert.equal(badTime.code, 2);
    assertOneLineError(badTime.stderr, /invalid time "someday"/);
  });

  it("scheduled-tasks filters by action, status and time, and accepts every documented status", async () => {
    const { roomId } = await roomWithMessage(testServer().token, "doomed too");
    assert.equal((await adminApi("DELETE", `/v2/rooms/${enc(roomId)}`, {})).status, 200);
    const tasks = async (...extra: string[]) =>
      json<{ scheduled_tasks: Array<{ resource_id: string; status: string }> }>(
        (await synadm("scheduled-tasks", "list", "-r", roomId, ...extra)).stdout,
      ).scheduled_tasks;
    assert.equal((await tasks("-a", "shutdown_and_purge_room")).length, 1);
    assert.deepEqual(await tasks("-a", "no_such_action"), []);
    assert.deepEqual(await tasks("--before", "2000-01-01"), []);
    assert.equal((await tasks("--before", String(Date.now() + 3_600_000))).length, 1);
    for (const status of ["scheduled", "active", "complete", "cancelled", "failed"]) {
      const listed = await synadm("scheduled-tasks", "list", "-s", status, "-r", roomId);
      assert.equal(listed.code, 0, listed.stderr);
    }
    assert.equal((await synadm("scheduled-tasks", "list", "-s", "bogus")).code, 2);
  });

  it("experimental-features accept bare localparts and refuse malformed pairs before any request", async () => {
    const userId = await createUser(`${prefix}exp2`, "pw");
    assert.equal((await synadm("experimental-features", "set", `${prefix}exp2`, "msc3575=true")).code, 0);
    const listed = json<{ features: Record<string, boolean> }>(
      (await synadm("experimental-features", "list", `${prefix}exp2`)).stdout,
    );
    assert.equal(listed.features["msc3575"], true);
    const state = (await adminApi("GET", `/v1/experimental_features/${enc(userId)}`)).json as {
      features: Record<string, boolean>;
    };
    assert.equal(state.features["msc3575"], true);
    for (const bad of ["msc3575", "msc3575=yes", "=true"]) {
      const result = await synadm("experimental-features", "set", "@nobody:nowhere.invalid", bad);
      assert.equal(result.code, 2, bad);
    }
  });
});
