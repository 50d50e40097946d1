import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJson as json, jsonSession } from "../support/cli.ts";
import { adminApi, createUser, mxid, uniquePrefix } from "../support/server.ts";

const { synadm } = jsonSession();
const prefix = uniquePrefix();

describe("notice", () => {
  /** The notice's body, after checking that it sits in a room the recipient is invited to or in. */
  async function deliveredBody(userId: string, eventId: string): Promise<string | undefined> {
    const fetched = (await adminApi("GET", `/v1/fetch_event/${encodeURIComponent(eventId)}`)).json as {
      event: { room_id: string; content: { body?: string } };
    };
    const memberships = (await adminApi("GET", `/v1/users/${encodeURIComponent(userId)}/memberships`))
      .json as {
      memberships: Record<string, string>;
    };
    assert.ok(memberships.memberships[fetched.event.room_id], `${userId} is in the notice room`);
    return fetched.event.content.body;
  }

  const noticeRooms = async (userId: string): Promise<number> =>
    Object.keys(
      (
        (await adminApi("GET", `/v1/users/${encodeURIComponent(userId)}/memberships`)).json as {
          memberships: object;
        }
      ).memberships,
    ).length;

  it("send delivers a notice to one user", async () => {
    await createUser(`${prefix}one`, "pw");
    const result = await synadm("--batch", "notice", "send", `${prefix}one`, "Maintenance tonight");
    assert.equal(result.code, 0, result.stderr);
    // synadm's document: the list of what the server answered for each message.
    const sent = json<Array<{ event_id: string }>>(result.stdout);
    assert.equal(sent.length, 1);
    assert.equal(await deliveredBody(mxid(`${prefix}one`), sent[0]!.event_id), "Maintenance tonight");
  });

  it("send --regex reaches every matching user with the same page size throughout, and nobody else", async () => {
    for (const name of ["r1", "r2", "r3", "other"]) await createUser(`${prefix}${name}`, "pw");
    const result = await synadm(
      "--batch",
      "notice",
      "send",
      "-r",
      `@${prefix}r`,
      "Hello regex",
      "-p",
      "1",
      "-s",
      "--summary",
    );
    assert.equal(result.code, 0, result.stderr);
    // --silent leaves out the answers; --summary asks for the run's summary instead.
    const summary = json<{ total: number; done: Array<{ user_id: string }>; failed: unknown[] }>(
      result.stdout,
    );
    assert.deepEqual(
      [summary.total, summary.done.map((d) => d.user_id).sort(), summary.failed],
      [3, ["r1", "r2", "r3"].map((n) => mxid(`${prefix}${n}`)), []],
    );
    for (const name of ["r1", "r2", "r3"]) assert.equal(await noticeRooms(mxid(`${prefix}${name}`)), 1, name);
    assert.equal(await noticeRooms(mxid(`${prefix}other`)), 0);
    const unconfirmed = await synadm("notice", "send", "-r", `@${prefix}r`, "x");
    assert.equal(unconfirmed.code, 10);
  });

  it("event sends a notice of another event type", async () => {
    await createUser(`${prefix}ev`, "pw");
    const result = await synadm(
      "notice",
      "event",
      `${prefix}ev`,
      "m.room.message",
      '{"msgtype":"m.notice","body":"custom"}',
    );
    assert.equal(result.code, 0, result.stderr);
    const { event_id } = json<{ event_id: string }>(result.stdout);
    assert.equal(await deliveredBody(mxid(`${prefix}ev`), event_id), "custom");
    assert.equal((await synadm("notice", "event", `${prefix}ev`, "m.x", "{bad")).code, 2);
  });
});

describe("notice from files and as state", () => {
  it("send -f reads the plain and HTML message from files", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "synadm-notice-"));
    writeFileSync(join(dir, "plain.txt"), "Plain from a file");
    writeFileSync(join(dir, "html.txt"), "<b>HTML from a file</b>");
    await createUser(`${prefix}file`, "pw");
    const result = await synadm(
      "--batch",
      "notice",
      "send",
      "-f",
      `${prefix}file`,
      join(dir, "plain.txt"),
      join(dir, "html.txt"),
    );
    assert.equal(result.code, 0, result.stderr);
    const sent = json<Array<{ event_id: string }>>(result.stdout);
    const event = (await adminApi("GET", `/v1/fetch_event/${encodeURIComponent(sent[0]!.event_id)}`))
      .json as {
      event: { content: { body: string; formatted_body: string } };
    };
    assert.deepEqual(
      [event.event.content.body, event.event.content.formatted_body],
      ["Plain from a file", "<b>HTML from a file</b>"],
    );
  });

  it("event --state-key sends a state event into the notice room", async () => {
    const userId = await createUser(`${prefix}state`, "pw");
    await synadm("--batch", "notice", "send", `${prefix}state`, "first");
    const result = await synadm(
      "notice",
      "event",
      `${prefix}state`,
      "org.example.notice",
      '{"level":"high"}',
      "--state-key",
      "k",
    );
    assert.equal(result.code, 0, result.stderr);
    const event = (
      await adminApi(
        "GET",
        `/v1/fetch_event/${encodeURIComponent(json<{ event_id: string }>(result.stdout).event_id)}`,
      )
    ).json as { event: { type: string; state_key: string; content: unknown; room_id: string } };
    assert.deepEqual(
      [event.event.type, event.event.state_key, event.event.content],
      ["org.example.notice", "k", { level: "high" }],
    );
    const memberships = (await adminApi("GET", `/v1/users/${encodeURIComponent(userId)}/memberships`))
      .json as {
      memberships: Record<string, string>;
    };
    assert.ok(memberships.memberships[event.event.room_id]);
  });
});
