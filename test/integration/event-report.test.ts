import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import {
  adminApi,
  clientApi,
  createUser,
  loginUser,
  roomWithMessage,
  uniquePrefix,
} from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();
const enc = encodeURIComponent;

describe("event-report", () => {
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
});
